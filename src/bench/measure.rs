//! One benchmark run, measured inside its own process so that peak RSS belongs to it alone:
//! parse, validate and build, plan with one engine, check the plan, and compute the LP floor.

use std::path::Path;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::format::{self, Engine, Plan, PlanStatus};
use crate::model::Model;
use crate::solver::mip::relaxation;

/// Everything one run measured. Serialised as one JSON line by the child process.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunMetrics {
    pub engine: String,
    pub orders: usize,
    pub status: String,
    pub parse_ms: u64,
    pub validate_ms: u64,
    /// The whole `plan()` call.
    pub plan_ms: u64,
    /// Time inside HiGHS: the sum of the stages, except the relaxation bounds (`bound:*`), which
    /// run beside the search on another thread when `threads` ≥ 2 (with one thread they run
    /// before it, and their time is then in `build_ms`).
    pub solve_ms: u64,
    /// `plan_ms − solve_ms`: validation, model build, greedy start, report.
    pub build_ms: u64,
    pub peak_rss_mb: f64,
    pub total: f64,
    pub shipping: f64,
    pub handling: f64,
    pub fixed: f64,
    pub split_penalty: f64,
    pub late_penalty: f64,
    pub unfilled_penalty: f64,
    pub bound: Option<f64>,
    pub gap: Option<f64>,
    pub lp_floor: Option<f64>,
    pub lp_floor_ms: u64,
    /// Units filled per tier, in policy order: (name, allocated, demanded).
    pub tier_fill: Vec<(String, i64, i64)>,
    pub shipments: i64,
    pub split_orders: i64,
    pub on_time_rate: f64,
    pub variables: u64,
    pub constraints: u64,
    pub components: u64,
    pub check_violations: usize,
    /// The MIP found nothing in time (or could not run) and the greedy plan came back.
    #[serde(default)]
    pub fell_back_to_greedy: bool,
    /// The run's time limit (`options.time_limit_ms` after any override); 0 when unknown.
    #[serde(default)]
    pub time_limit_ms: i64,
    /// The plan's `tier:<name>` stages, in the order they ran (none for greedy).
    #[serde(default)]
    pub tier_stages: Vec<TierStage>,
    /// The tier engine's flow rounds (`solver.stages` entry `tier_flow`), 0 when none ran.
    #[serde(default)]
    pub tier_flow_ms: u64,
    /// The builds that made the plan (`solver.versions`).
    #[serde(default)]
    pub versions: crate::format::Versions,
}

/// One tier stage of a plan (`solver.stages` entry `tier:<name>`): the units it filled in that
/// tier, the proven upper bound on them, and its time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierStage {
    pub tier: String,
    pub status: String,
    /// Units filled in the tier (the stage's objective); `None` when it found no solution.
    pub fill: Option<f64>,
    /// Proven upper bound on the tier's fill; `None` when none was proven.
    pub bound: Option<f64>,
    pub time_ms: u64,
}

impl TierStage {
    /// The fill is proven maximal: no plan (with the higher tiers' fills) fills more units.
    /// Fills are whole units, so a fractional bound below `fill + 1` proves it too.
    pub fn proven(&self) -> bool {
        match (self.fill, self.bound) {
            (Some(fill), Some(bound)) => (bound + 1e-6).floor() <= fill + 1e-9,
            _ => false,
        }
    }
}

/// Runs one engine on one wave file and measures it.
pub fn measure(
    wave_path: &Path,
    engine: Engine,
    time_limit_ms: Option<i64>,
    threads: Option<i64>,
) -> Result<RunMetrics, Error> {
    let started = Instant::now();
    let text = std::fs::read_to_string(wave_path).map_err(|source| Error::Io {
        path: wave_path.display().to_string(),
        source,
    })?;
    let mut wave = format::parse_wave(&text)?;
    drop(text);
    let parse_ms = started.elapsed().as_millis() as u64;

    let started = Instant::now();
    let model = Model::from_wave(&wave)?;
    let validate_ms = started.elapsed().as_millis() as u64;

    wave.options.engine = engine;
    if let Some(t) = time_limit_ms {
        wave.options.time_limit_ms = t;
    }
    let time_limit_ms = wave.options.time_limit_ms;
    if threads.is_some() {
        wave.options.threads = threads;
    }
    let started = Instant::now();
    let plan = crate::plan(&wave, &wave.options)?;
    let plan_ms = started.elapsed().as_millis() as u64;
    let peak_rss_mb = peak_rss_mb();
    let check_violations = crate::checker::check(&wave, &plan).len();

    let fills = tier_fill(&model, &plan);
    let threads = crate::solver::highs::threads::threads_for(&wave.options);
    let filled: Vec<i64> = fills.iter().map(|f| f.1).collect();
    let floor = relaxation::lp_floor(&model, &filled, threads);
    let mut metrics = metrics(
        &plan,
        engine,
        &model,
        Timings {
            parse_ms,
            validate_ms,
            plan_ms,
        },
        peak_rss_mb,
        fills,
        floor,
        check_violations,
    );
    metrics.time_limit_ms = time_limit_ms;
    metrics.tier_stages = tier_stages(&plan);
    metrics.tier_flow_ms = plan
        .solver
        .stages
        .iter()
        .find(|s| s.name == "tier_flow")
        .map_or(0, |s| s.time_ms);
    Ok(metrics)
}

struct Timings {
    parse_ms: u64,
    validate_ms: u64,
    plan_ms: u64,
}

#[allow(clippy::too_many_arguments)]
fn metrics(
    plan: &Plan,
    engine: Engine,
    model: &Model,
    timings: Timings,
    peak_rss_mb: f64,
    tier_fill: Vec<(String, i64, i64)>,
    floor: Option<relaxation::Floor>,
    check_violations: usize,
) -> RunMetrics {
    let solve_ms: u64 = plan
        .solver
        .stages
        .iter()
        .filter(|s| s.status != "relaxation")
        .map(|s| s.time_ms)
        .sum();
    let o = &plan.objective;
    RunMetrics {
        engine: engine_name(engine).to_string(),
        orders: model.orders.len(),
        status: match plan.status {
            PlanStatus::Optimal => "optimal",
            PlanStatus::Feasible => "feasible",
        }
        .to_string(),
        parse_ms: timings.parse_ms,
        validate_ms: timings.validate_ms,
        plan_ms: timings.plan_ms,
        solve_ms,
        build_ms: timings.plan_ms.saturating_sub(solve_ms),
        peak_rss_mb,
        total: o.total,
        shipping: o.shipping,
        handling: o.handling,
        fixed: o.fixed,
        split_penalty: o.split_penalty,
        late_penalty: o.late_penalty,
        unfilled_penalty: o.unfilled_penalty,
        bound: (engine != Engine::Greedy).then_some(plan.bound),
        gap: (engine != Engine::Greedy && plan.gap.is_finite()).then_some(plan.gap),
        lp_floor: floor.map(|f| f.value),
        lp_floor_ms: floor.map_or(0, |f| f.time_ms),
        tier_fill,
        shipments: plan.kpis.shipments,
        split_orders: plan.kpis.split_orders,
        on_time_rate: plan.kpis.on_time_rate,
        variables: plan.solver.variables,
        constraints: plan.solver.constraints,
        components: plan.solver.components,
        versions: plan.solver.versions.clone(),
        check_violations,
        fell_back_to_greedy: engine != Engine::Greedy
            && plan.solver.notes.iter().any(|n| {
                // The fallbacks' own notes; the search routes start *from* the greedy plan.
                n.contains("returning the greedy plan")
                    || n.contains("greedy plan returned")
                    || n.contains("planned greedily")
            }),
        time_limit_ms: 0,
        tier_stages: Vec::new(),
        tier_flow_ms: 0,
    }
}

pub fn engine_name(engine: Engine) -> &'static str {
    match engine {
        Engine::Mip => "mip",
        Engine::Greedy => "greedy",
        Engine::Naive => "naive",
    }
}

/// The plan's `tier:<name>` stages.
fn tier_stages(plan: &Plan) -> Vec<TierStage> {
    plan.solver
        .stages
        .iter()
        .filter_map(|s| {
            Some(TierStage {
                tier: s.name.strip_prefix("tier:")?.to_string(),
                status: s.status.clone(),
                fill: s.objective,
                bound: s.bound,
                time_ms: s.time_ms,
            })
        })
        .collect()
}

/// (tier, units allocated, units demanded) in policy order.
fn tier_fill(model: &Model, plan: &Plan) -> Vec<(String, i64, i64)> {
    model
        .tiers
        .iter()
        .map(|t| {
            let k = plan.kpis.by_tier.get(&t.name).copied().unwrap_or_default();
            (t.name.clone(), k.units_allocated, k.units_demanded)
        })
        .collect()
}

/// The process's peak resident set (VmHWM), in MiB; 0 where /proc is not available.
pub fn peak_rss_mb() -> f64 {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return 0.0;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
