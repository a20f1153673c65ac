//! An LP that grows between solves, kept in one HiGHS instance so that each solve starts from
//! the last one's basis: the master of a column generation, where every round adds columns
//! (and the rows they are the first to touch) and solves again.

use std::num::NonZeroU32;

use highs::{HighsModelStatus, Model, RowProblem, Sense};

use super::run::{LpSolution, SEED};
use super::threads::use_threads;

/// A minimisation LP built row by row and column by column.
pub struct GrowingLp {
    /// `None` once HiGHS failed: the LP cannot be solved again.
    model: Option<Model>,
    rows: Vec<highs::Row>,
    cols: Vec<highs::Col>,
    /// Whether the next solve is by interior point (see [`GrowingLp::solve`]).
    interior_point: bool,
}

impl Default for GrowingLp {
    fn default() -> Self {
        let mut model = RowProblem::default().optimise(Sense::Minimise);
        model.make_quiet();
        model.set_threads(NonZeroU32::MIN);
        model.set_option("random_seed", SEED);
        GrowingLp {
            model: Some(model),
            rows: Vec::new(),
            cols: Vec::new(),
            interior_point: false,
        }
    }
}

impl GrowingLp {
    /// Adds an empty row `lower ≤ · ≤ upper`; returns its index.
    pub fn add_row(&mut self, lower: f64, upper: f64) -> usize {
        if let Some(model) = self.model.as_mut() {
            match model.try_add_row(lower..=upper, std::iter::empty()) {
                Ok(row) => self.rows.push(row),
                Err(_) => self.model = None,
            }
        }
        self.rows.len().saturating_sub(1)
    }

    /// Adds a column of cost `cost` within `[lower, upper]` with `entries` (row index,
    /// coefficient), each row at most once; returns its index.
    pub fn add_col(&mut self, cost: f64, (lower, upper): (f64, f64), entries: &[(usize, f64)]) {
        let Some(model) = self.model.as_mut() else {
            return;
        };
        let rows = &self.rows;
        let factors = entries.iter().map(|&(r, a)| (rows[r], a));
        match model.try_add_column(cost, lower..=upper, factors) {
            Ok(col) => self.cols.push(col),
            Err(_) => self.model = None,
        }
    }

    pub fn num_cols(&self) -> usize {
        self.cols.len()
    }

    pub fn set_cost(&mut self, col: usize, cost: f64) {
        if let (Some(model), Some(&c)) = (self.model.as_mut(), self.cols.get(col)) {
            model.change_column_cost(c, cost);
        }
    }

    /// Solves from the last basis within `time_limit_s` (this solve's own, HiGHS's clocks
    /// zeroed first). `None` unless HiGHS proves the LP optimal; after an error the LP is gone.
    pub fn solve(&mut self, time_limit_s: f64) -> Option<LpSolution> {
        let mut model = self.model.take()?;
        use_threads(1);
        // HiGHS counts its time limit over every run of one instance unless its clocks are reset.
        // SAFETY: the pointer is the live instance `model` owns, and no solve is running on it.
        unsafe {
            highs_sys::Highs_zeroAllClocks(model.as_mut_ptr());
        }
        model.set_option("time_limit", time_limit_s.max(0.01));
        // Primal simplex: new columns leave the last basis primal feasible. On M's master it
        // took 10–400 ms a round where HiGHS's default, dual, took 0.5–2 s (and its first
        // solve, from the slack basis, 0.26 s against more than 0.57 s). Once a solve needs
        // more iterations than the LP has rows, the basis is no help: interior point from then
        // on (tight M's master: 7.2 s by primal simplex, 1.0–1.6 s by interior point).
        if self.interior_point {
            model.set_option("solver", "ipm");
        } else {
            model.set_option("simplex_strategy", 4);
        }
        let started = std::time::Instant::now();
        let solved = model.try_solve().ok()?;
        let iterations = solved.simplex_iteration_count();
        self.interior_point |= iterations > self.rows.len() as i64;
        if std::env::var_os("WAVEOPT_MASTER_LOG").is_some() {
            // Debugging aid: one line per solve on stderr.
            eprintln!(
                "growing LP: {} rows, {} columns, {:?} in {} ms ({} simplex iterations)",
                self.rows.len(),
                self.cols.len(),
                solved.status(),
                started.elapsed().as_millis(),
                iterations
            );
        }
        let result = (solved.status() == HighsModelStatus::Optimal).then(|| {
            let solution = solved.get_solution();
            LpSolution {
                value: solved.objective_value(),
                columns: solution.columns().to_vec(),
                duals: solution.dual_rows().to_vec(),
            }
        });
        self.model = Some(Model::from(solved));
        result
    }
}
