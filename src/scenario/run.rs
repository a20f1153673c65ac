//! Running a scenario: check it, build every variant's wave, plan the base and the variants in
//! parallel (rayon; each plan on one HiGHS thread so the pool does not oversubscribe the
//! cores), run every plan through the independent checker, and compare.

use std::sync::atomic::AtomicBool;

use rayon::prelude::*;

use crate::error::{Error, Problem};
use crate::format::Wave;

use super::apply::apply_at;
use super::comparison::{compare, Comparison, VariantRun};
use super::orders_diff::{orders_diff, OrderDiff};
use super::spec::Scenario;

/// The name the unedited base wave goes by in every output.
pub const BASE_NAME: &str = "base";

/// The comparison plus every plan behind it (the base first), for charts and maps.
#[derive(Debug, Clone)]
pub struct ScenarioResult {
    pub comparison: Comparison,
    pub runs: Vec<VariantRun>,
    /// Every order a variant changed, against the base.
    pub orders_diff: Vec<OrderDiff>,
}

/// One wave to plan: name, description, edits (as compact JSON) and the wave itself.
#[derive(Debug, Clone)]
pub struct PreparedCase {
    pub name: String,
    pub description: Option<String>,
    pub edits: Vec<String>,
    pub wave: Wave,
}

/// Checks the scenario and builds every wave to plan, base first, with the scenario's options
/// applied. Every problem (names, edits, the edited waves' validation) comes back at once.
pub fn prepare(scenario: &Scenario) -> Result<Vec<PreparedCase>, Error> {
    let mut problems = check_names(scenario);
    let base_problems: Vec<Problem> = crate::validation::validate(&scenario.base)
        .into_iter()
        .map(|p| Problem {
            path: format!("/base{}", p.path),
            code: p.code,
            message: format!("base wave: {}", p.message),
        })
        .collect();
    if !base_problems.is_empty() {
        problems.extend(base_problems);
        return Err(Error::Invalid(problems));
    }
    let mut base = scenario.base.clone();
    base.options = scenario.options.effective(&base);
    let mut cases = vec![PreparedCase {
        name: BASE_NAME.to_string(),
        description: None,
        edits: Vec::new(),
        wave: base.clone(),
    }];
    for (index, variant) in scenario.variants.iter().enumerate() {
        match apply_at(&base, variant, &format!("/variants/{index}")) {
            Ok(wave) => cases.push(PreparedCase {
                name: variant.name.clone(),
                description: variant.description.clone(),
                edits: variant
                    .edits
                    .iter()
                    .map(|e| serde_json::to_string(e).unwrap_or_default())
                    .collect(),
                wave,
            }),
            Err(e) => problems.extend(e.details()),
        }
    }
    if problems.is_empty() {
        Ok(cases)
    } else {
        Err(Error::Invalid(problems))
    }
}

fn check_names(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    if scenario.variants.is_empty() {
        problems.push(Problem::new(
            "/variants",
            "no_variants",
            "a scenario needs at least one variant",
        ));
    }
    for (i, v) in scenario.variants.iter().enumerate() {
        let path = format!("/variants/{i}/name");
        if v.name.trim().is_empty() {
            problems.push(Problem::new(path, "empty_string", "a variant needs a name"));
        } else if v.name == BASE_NAME {
            problems.push(Problem::new(
                path,
                "reserved_name",
                "\"base\" names the unedited wave; pick another variant name",
            ));
        } else if let Some(first) = scenario.variants[..i].iter().position(|w| w.name == v.name) {
            problems.push(Problem::new(
                path,
                "duplicate_id",
                format!(
                    "variant name \"{}\" is already used by /variants/{first}",
                    v.name
                ),
            ));
        }
    }
    problems
}

/// Plans every prepared case in parallel and checks each plan. `on_done` is called with a
/// case's name as its plan completes (for a progress bar); `cancel` stops the solves early
/// (each still returns a complete plan). A checker violation fails the whole run.
pub fn run_cases(
    scenario: &Scenario,
    cases: Vec<PreparedCase>,
    on_done: &(dyn Fn(&str) + Sync),
    cancel: &AtomicBool,
) -> Result<ScenarioResult, Error> {
    let outcomes: Vec<Result<VariantRun, Vec<Problem>>> = cases
        .into_par_iter()
        .map(|case| {
            let outcome = plan_checked(&case.wave, cancel).map(|plan| VariantRun {
                name: case.name.clone(),
                description: case.description,
                edits: case.edits,
                wave: case.wave,
                plan,
            });
            on_done(&case.name);
            outcome.map_err(|problems| {
                problems
                    .into_iter()
                    .map(|p| Problem {
                        message: format!("variant \"{}\": {}", case.name, p.message),
                        ..p
                    })
                    .collect()
            })
        })
        .collect();
    let mut runs = Vec::new();
    let mut problems = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok(run) => runs.push(run),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Solver(format!(
            "{} problem(s) planning the scenario: {}",
            problems.len(),
            problems
                .iter()
                .map(|p| format!("{} [{}] {}", p.path, p.code, p.message))
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    let comparison = compare(&scenario.name, scenario.description.as_deref(), &runs);
    let orders_diff = orders_diff(&runs);
    Ok(ScenarioResult {
        comparison,
        runs,
        orders_diff,
    })
}

fn plan_checked(wave: &Wave, cancel: &AtomicBool) -> Result<crate::format::Plan, Vec<Problem>> {
    let plan = crate::plan_cancellable(wave, &wave.options, cancel).map_err(|e| {
        let mut details = e.details();
        if details.is_empty() {
            details.push(Problem::new("", e.code(), e.to_string()));
        }
        details
    })?;
    let violations = crate::checker::check(wave, &plan);
    if violations.is_empty() {
        Ok(plan)
    } else {
        Err(violations
            .into_iter()
            .map(|p| Problem {
                code: format!("checker:{}", p.code),
                ..p
            })
            .collect())
    }
}
