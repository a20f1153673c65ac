//! Rendering benchmark rows: the Markdown results table with ratios, and history CSV lines.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{BenchRow, RunMetrics};

/// One (case, engine) summarised over its repetitions: median times, the rest from run 1
/// (plans are deterministic, so only the times vary).
struct Summary<'a> {
    case: &'a str,
    first: &'a RunMetrics,
    plan_ms: u64,
    build_ms: u64,
    solve_ms: u64,
    peak_rss_mb: f64,
    runs: usize,
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

fn summarise(rows: &[BenchRow]) -> Vec<Summary<'_>> {
    let mut groups: Vec<(&str, &str, Vec<&BenchRow>)> = Vec::new();
    for r in rows {
        match groups
            .iter_mut()
            .find(|g| g.0 == r.case && g.1 == r.metrics.engine)
        {
            Some(g) => g.2.push(r),
            None => groups.push((&r.case, &r.metrics.engine, vec![r])),
        }
    }
    groups
        .into_iter()
        .map(|(case, _, runs)| Summary {
            case,
            first: &runs[0].metrics,
            plan_ms: median(runs.iter().map(|r| r.metrics.plan_ms).collect()),
            build_ms: median(runs.iter().map(|r| r.metrics.build_ms).collect()),
            solve_ms: median(runs.iter().map(|r| r.metrics.solve_ms).collect()),
            peak_rss_mb: runs
                .iter()
                .map(|r| r.metrics.peak_rss_mb)
                .fold(0.0, f64::max),
            runs: runs.len(),
        })
        .collect()
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.filter(|x| x.is_finite())
        .map_or("–".to_string(), |x| format!("{x:.digits$}"))
}

fn fills(m: &RunMetrics) -> String {
    m.tier_fill
        .iter()
        .map(|(name, got, want)| {
            let pct = if *want > 0 {
                100.0 * *got as f64 / *want as f64
            } else {
                100.0
            };
            format!("{name} {pct:.1}%")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The results table, then per case the ratios the issue asks for.
pub fn markdown(rows: &[BenchRow], machine: &str, revision: &str) -> String {
    let summaries = summarise(rows);
    let mut out = String::new();
    let _ = writeln!(out, "# waveopt benchmark results\n");
    let _ = writeln!(out, "Revision `{revision}` on {machine}. Times are medians over the repetitions; `build` is everything outside HiGHS (validation, model build, greedy start, report). The LP floor is the LP relaxation of the model (exactly pruned candidates) with the plan’s tier fills held: no plan with those fills costs less.\n");
    let _ = writeln!(out, "| case | engine | status | wall s | build s | solve s | peak RSS MiB | cost | LP floor | cost ÷ floor | bound | gap | fill by tier | shipments | split orders | on time | vars | rows | checker |");
    let _ = writeln!(
        out,
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|---|"
    );
    for s in &summaries {
        let m = s.first;
        let ratio = m.lp_floor.filter(|f| *f > 0.0).map(|f| m.total / f);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.0} | {:.2} | {} | {} | {} | {} | {} | {} | {} | {:.1}% | {} | {} | {} |",
            s.case,
            m.engine,
            if m.fell_back_to_greedy {
                format!("{} (greedy fallback)", m.status)
            } else {
                m.status.clone()
            },
            s.plan_ms as f64 / 1000.0,
            s.build_ms as f64 / 1000.0,
            s.solve_ms as f64 / 1000.0,
            s.peak_rss_mb,
            m.total,
            opt(m.lp_floor, 2),
            opt(ratio, 4),
            opt(m.bound, 2),
            m.gap.filter(|g| g.is_finite()).map_or("–".into(), |g| format!("{:.3}%", 100.0 * g)),
            fills(m),
            m.shipments,
            m.split_orders,
            100.0 * m.on_time_rate,
            m.variables,
            m.constraints,
            if m.check_violations == 0 { "ok".to_string() } else { format!("{} violations", m.check_violations) },
        );
    }
    let _ = writeln!(out, "\n## Ratios\n");
    let mut by_case: BTreeMap<&str, Vec<&Summary>> = BTreeMap::new();
    for s in &summaries {
        by_case.entry(s.case).or_default().push(s);
    }
    for (case, group) in by_case {
        let find = |e: &str| group.iter().find(|s| s.first.engine == e);
        let Some(mip) = find("mip") else { continue };
        let fills_of = |m: &RunMetrics| m.tier_fill.iter().map(|f| f.1).collect::<Vec<_>>();
        let mut parts = Vec::new();
        if let Some(naive) = find("naive") {
            let same = (naive.first.total - mip.first.total).abs()
                <= 1e-4 * mip.first.total.abs().max(1.0);
            let proven = |s: &Summary| s.first.status == "optimal";
            if naive.first.fell_back_to_greedy {
                parts.push(format!(
                    "the naive MIP found no solution within its limit ({:.2} s, greedy fallback), so there is no speed-up ratio; the optimizer returned {:.2} in {:.2} s",
                    naive.plan_ms as f64 / 1000.0,
                    mip.first.total,
                    mip.plan_ms as f64 / 1000.0
                ));
            } else if !proven(mip) || !proven(naive) {
                parts.push(format!(
                    "at the time limit ({:.2} s vs {:.2} s): optimizer {:.2} ({}), naive MIP {:.2} ({}), so no speed-up ratio",
                    mip.plan_ms as f64 / 1000.0,
                    naive.plan_ms as f64 / 1000.0,
                    mip.first.total,
                    mip.first.status,
                    naive.first.total,
                    naive.first.status
                ));
                let (mf, nf) = (fills_of(mip.first), fills_of(naive.first));
                if mf != nf {
                    parts.push(format!(
                        "the naive plan's tier fills {nf:?} vs the optimizer's {mf:?}, so the costs compare plans that ship different units"
                    ));
                }
            } else {
                parts.push(format!(
                    "speed-up vs naive MIP {:.1}× ({:.2} s vs {:.2} s; objective {})",
                    naive.plan_ms as f64 / mip.plan_ms.max(1) as f64,
                    mip.plan_ms as f64 / 1000.0,
                    naive.plan_ms as f64 / 1000.0,
                    if same {
                        "the same".to_string()
                    } else {
                        format!("{:.2} vs naive {:.2}", mip.first.total, naive.first.total)
                    }
                ));
            }
        }
        if let Some(greedy) = find("greedy") {
            let (mf, gf) = (fills_of(mip.first), fills_of(greedy.first));
            parts.push(if mf == gf {
                "tier fills equal to greedy's".to_string()
            } else {
                format!("tier fills {mf:?} vs greedy {gf:?} (strict mode serves higher tiers first, so cost compares plans that ship different units)")
            });
            parts.push(format!(
                "cost vs greedy {:.3}× ({:.2} vs {:.2}), split orders {} vs {}, on time {:.1}% vs {:.1}%",
                mip.first.total / greedy.first.total.max(1e-9),
                mip.first.total,
                greedy.first.total,
                mip.first.split_orders,
                greedy.first.split_orders,
                100.0 * mip.first.on_time_rate,
                100.0 * greedy.first.on_time_rate,
            ));
        }
        let _ = writeln!(
            out,
            "- **{case}** ({} orders, {} run(s)): {}",
            mip.first.orders,
            mip.runs,
            parts.join("; ")
        );
    }
    out.push_str(&super::tier_table(rows));
    out
}

/// The columns of `history.csv`; rows written before `waveopt,highs` were added have them empty.
pub const HISTORY_HEADER: &str = "timestamp,revision,machine,case,engine,repeat,orders,status,plan_ms,build_ms,solve_ms,peak_rss_mb,total,lp_floor,bound,gap,shipments,split_orders,on_time_rate,check_violations,waveopt,highs";

/// History CSV lines (with the header when `header`).
pub fn history_rows(rows: &[BenchRow], machine: &str, revision: &str, header: bool) -> String {
    let mut out = String::new();
    if header {
        out.push_str(HISTORY_HEADER);
        out.push('\n');
    }
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ");
    for r in rows {
        let m = &r.metrics;
        let _ = writeln!(
            out,
            "{now},{revision},\"{}\",{},{},{},{},{},{},{},{},{:.1},{:.4},{},{},{},{},{},{:.4},{},{},{}",
            machine.replace('"', "'"),
            r.case,
            m.engine,
            r.repeat,
            m.orders,
            m.status,
            m.plan_ms,
            m.build_ms,
            m.solve_ms,
            m.peak_rss_mb,
            m.total,
            m.lp_floor.map_or(String::new(), |v| format!("{v:.4}")),
            m.bound.map_or(String::new(), |v| format!("{v:.4}")),
            m.gap
                .filter(|g| g.is_finite())
                .map_or(String::new(), |v| format!("{v:.6}")),
            m.shipments,
            m.split_orders,
            m.on_time_rate,
            m.check_violations,
            m.versions.waveopt,
            m.versions.highs
        );
    }
    out
}

/// "2 cores, 23.5 GiB, <cpu model>".
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    format!("{cores} cores, {mem_gib:.1} GiB, {cpu}")
}
