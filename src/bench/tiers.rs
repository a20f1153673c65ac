//! The "Tier stages" table: for every optimizer run, each `tier:<name>` stage's fill, proven
//! bound and time, next to the greedy router's fill of the same tier.

use std::fmt::Write;

use super::measure::TierStage;
use super::BenchRow;

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

/// Units: whole numbers as such, anything else with two decimals; `–` when absent.
fn units(v: Option<f64>) -> String {
    match v.filter(|x| x.is_finite()) {
        None => "–".to_string(),
        Some(x) if (x - x.round()).abs() < 1e-6 => format!("{x:.0}"),
        Some(x) => format!("{x:.2}"),
    }
}

fn share(time_ms: u64, limit_ms: i64) -> String {
    if limit_ms > 0 {
        format!("{:.1}%", 100.0 * time_ms as f64 / limit_ms as f64)
    } else {
        "–".to_string()
    }
}

/// One optimizer (case, engine `mip`) group: its first run's stages, with each stage's time the
/// median over the repetitions.
struct TierRun<'a> {
    case: &'a str,
    stages: Vec<TierStage>,
    /// The tier engine's flow rounds (stage `tier_flow`), median over the repetitions.
    flow_ms: u64,
    time_limit_ms: i64,
    /// Greedy's units allocated per tier in the same case, when greedy ran.
    greedy: Option<&'a [(String, i64, i64)]>,
}

fn tier_runs(rows: &[BenchRow]) -> Vec<TierRun<'_>> {
    let mut cases: Vec<&str> = Vec::new();
    for r in rows.iter().filter(|r| r.metrics.engine == "mip") {
        if !cases.contains(&r.case.as_str()) {
            cases.push(&r.case);
        }
    }
    cases
        .into_iter()
        .map(|case| {
            let runs: Vec<&BenchRow> = rows
                .iter()
                .filter(|r| r.case == case && r.metrics.engine == "mip")
                .collect();
            let first = &runs[0].metrics;
            let stages = first
                .tier_stages
                .iter()
                .enumerate()
                .map(|(k, stage)| {
                    let times = runs.iter().filter_map(|r| {
                        let same = r.metrics.tier_stages.get(k)?;
                        (same.tier == stage.tier).then_some(same.time_ms)
                    });
                    TierStage {
                        time_ms: median(times.collect()),
                        ..stage.clone()
                    }
                })
                .collect();
            let greedy = rows
                .iter()
                .find(|r| r.case == case && r.metrics.engine == "greedy")
                .map(|r| r.metrics.tier_fill.as_slice());
            TierRun {
                case,
                stages,
                flow_ms: median(runs.iter().map(|r| r.metrics.tier_flow_ms).collect()),
                time_limit_ms: first.time_limit_ms,
                greedy,
            }
        })
        .collect()
}

/// The "Tier stages" section of `results.md` (empty when no optimizer ran).
pub fn tier_table(rows: &[BenchRow]) -> String {
    let runs = tier_runs(rows);
    if runs.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let _ = writeln!(out, "\n## Tier stages\n");
    let _ = writeln!(out, "The optimizer’s tier stages (`solver.stages` named `tier:<name>`), highest tier first, then `all tiers`. `fill` is the units the stage filled in its tier, `bound` the proven upper bound on them, and `proven` says whether the bound rounds down to the fill (otherwise the stage’s status). `share of limit` is the stage time over the run’s time limit; on `all tiers` the time also counts the tier engine’s flow rounds (stage `tier_flow`). `greedy fill` is the units the greedy router filled in the same tier.\n");
    let _ = writeln!(
        out,
        "| case | tier | fill | bound | proven | stage ms | share of limit | greedy fill |"
    );
    let _ = writeln!(out, "|---|---|--:|--:|---|--:|--:|--:|");
    for run in &runs {
        if run.stages.is_empty() {
            let _ = writeln!(
                out,
                "| {} | (no tier stages) | – | – | – | – | – | – |",
                run.case
            );
            continue;
        }
        let greedy_fill = |tier: &str| {
            run.greedy
                .and_then(|g| g.iter().find(|t| t.0 == tier))
                .map(|t| t.1)
        };
        for stage in &run.stages {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                run.case,
                stage.tier,
                units(stage.fill),
                units(stage.bound),
                if stage.proven() {
                    "yes".to_string()
                } else {
                    format!("no ({})", stage.status)
                },
                stage.time_ms,
                share(stage.time_ms, run.time_limit_ms),
                greedy_fill(&stage.tier).map_or("–".to_string(), |f| f.to_string()),
            );
        }
        let sum = |f: fn(&TierStage) -> Option<f64>| -> Option<f64> {
            run.stages.iter().map(f).sum::<Option<f64>>()
        };
        let time: u64 = run.flow_ms + run.stages.iter().map(|s| s.time_ms).sum::<u64>();
        let proven = run.stages.iter().filter(|s| s.proven()).count();
        let greedy: Option<i64> = run.stages.iter().map(|s| greedy_fill(&s.tier)).sum();
        let _ = writeln!(
            out,
            "| {} | all tiers | {} | {} | {}/{} | {} | {} | {} |",
            run.case,
            units(sum(|s| s.fill)),
            units(sum(|s| s.bound)),
            proven,
            run.stages.len(),
            time,
            share(time, run.time_limit_ms),
            greedy.map_or("–".to_string(), |f| f.to_string()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(fill: Option<f64>, bound: Option<f64>) -> TierStage {
        TierStage {
            tier: "key".to_string(),
            status: "time_limit".to_string(),
            fill,
            bound,
            time_ms: 5,
        }
    }

    #[test]
    fn a_stage_is_proven_when_its_bound_rounds_down_to_its_fill() {
        // Table rows: (fill, bound, proven).
        let cases = [
            (Some(10.0), Some(10.0), true),          // bound met exactly
            (Some(10.0), Some(10.6), true),          // fractional bound, no whole unit more
            (Some(10.0), Some(11.0), false),         // one more unit may be possible
            (Some(10.0), None, false),               // no bound proven
            (None, Some(10.0), false),               // no solution
            (Some(10.0), Some(10.000_000_1), true),  // solver tolerance above the fill
            (Some(10.0), Some(10.999_999_9), false), // solver tolerance below the next unit
        ];
        for (fill, bound, proven) in cases {
            assert_eq!(stage(fill, bound).proven(), proven, "{fill:?} {bound:?}");
        }
    }

    /// A run as the child process reports it; `extra` adds or overrides fields.
    fn row(case: &str, engine: &str, extra: serde_json::Value) -> BenchRow {
        let mut m = serde_json::json!({
            "engine": engine, "orders": 200, "status": "feasible", "parse_ms": 1,
            "validate_ms": 1, "plan_ms": 10, "solve_ms": 5, "build_ms": 5, "peak_rss_mb": 1.0,
            "total": 1.0, "shipping": 1.0, "handling": 0.0, "fixed": 0.0, "split_penalty": 0.0,
            "late_penalty": 0.0, "unfilled_penalty": 0.0, "bound": null, "gap": null,
            "lp_floor": null, "lp_floor_ms": 0,
            "tier_fill": [["strategic", 30, 33], ["key", 190, 240]],
            "shipments": 1, "split_orders": 0, "on_time_rate": 1.0, "variables": 0,
            "constraints": 0, "components": 1, "check_violations": 0
        });
        for (k, v) in extra.as_object().unwrap() {
            m[k] = v.clone();
        }
        BenchRow {
            case: case.to_string(),
            repeat: 1,
            metrics: serde_json::from_value(m).unwrap(),
        }
    }

    #[test]
    fn runs_from_before_tier_stages_were_recorded_still_read() {
        let old = row("s", "mip", serde_json::json!({}));
        assert!(old.metrics.tier_stages.is_empty());
        assert_eq!(old.metrics.time_limit_ms, 0);
        assert!(tier_table(&[old]).contains("| s | (no tier stages) |"));
    }

    #[test]
    fn the_tier_table_sets_each_stage_beside_greedy() {
        let stages = serde_json::json!({
            "time_limit_ms": 2000,
            "tier_stages": [
                {"tier": "strategic", "status": "optimal", "fill": 33.0, "bound": 33.0, "time_ms": 100},
                {"tier": "key", "status": "time_limit", "fill": 200.0, "bound": 212.5, "time_ms": 900}
            ]
        });
        let rows = [
            row("tight-s", "greedy", serde_json::json!({})),
            row("tight-s", "mip", stages),
        ];
        let table = tier_table(&rows);
        assert!(table.contains("## Tier stages"), "{table}");
        assert!(table.contains("| tight-s | strategic | 33 | 33 | yes | 100 | 5.0% | 30 |"));
        assert!(table
            .contains("| tight-s | key | 200 | 212.50 | no (time_limit) | 900 | 45.0% | 190 |"));
        assert!(table.contains("| tight-s | all tiers | 233 | 245.50 | 1/2 | 1000 | 50.0% | 220 |"));
        assert_eq!(tier_table(&rows[..1]), "", "no optimizer run, no table");
    }

    #[test]
    fn units_print_whole_numbers_without_decimals() {
        assert_eq!(units(Some(1234.0)), "1234");
        assert_eq!(units(Some(12.5)), "12.50");
        assert_eq!(units(None), "–");
    }
}
