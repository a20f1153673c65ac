//! One-column moves that improve a feasible point of a stage without leaving it feasible.
//!
//! HiGHS's presolve fixes a column at the bound its cost favours when no row can stop it (dual
//! fixing), and judges a MIP start in that reduced space. When such a fixing improves the start
//! and the search finds nothing better, HiGHS 1.16 reports the improved objective but hands back
//! the start's own columns (HiGHS issue #3510): the improvement is lost. Moving each column
//! towards its cheaper bound as far as every row allows recovers those fixings on the point
//! HiGHS returned, and applied to a start first, keeps presolve from changing it at all.

use super::program::{Program, Row, StageModel};

/// Slack below which a row counts as tight, against rounding in the row activities.
const TOLERANCE: f64 = 1e-9;

/// One stage's rows, indexed by the columns that have a cost: built once per run, then applied
/// to the start and to each point HiGHS hands back.
pub struct Pusher<'a> {
    program: &'a Program,
    stage: &'a StageModel,
    upper: &'a [f64],
    rows: Vec<&'a Row>,
    /// Each column's rows and coefficients, only for the columns that have a cost.
    column_rows: Vec<Vec<(usize, f64)>>,
}

impl<'a> Pusher<'a> {
    pub fn new(program: &'a Program, stage: &'a StageModel) -> Self {
        let rows: Vec<&Row> = program.rows.iter().chain(&stage.extra_rows).collect();
        let mut column_rows: Vec<Vec<(usize, f64)>> = vec![Vec::new(); program.num_cols()];
        for (r, row) in rows.iter().enumerate() {
            for &(c, a) in &row.entries {
                if stage.objective[c] != 0.0 {
                    column_rows[c].push((r, a));
                }
            }
        }
        Pusher {
            program,
            stage,
            upper: stage.upper.as_deref().unwrap_or(&program.upper),
            rows,
            column_rows,
        }
    }

    pub fn program(&self) -> &'a Program {
        self.program
    }

    pub fn stage(&self) -> &'a StageModel {
        self.stage
    }

    /// Moves each column whose stage cost is not zero, in column order, towards its cheaper
    /// bound as far as its bounds and every row allow (whole units for integer columns);
    /// repeated until a pass moves nothing, at most `MAX_PASSES` times. A feasible `values`
    /// stays feasible, and its objective never gets worse. Returns whether anything moved.
    pub fn push(&self, values: &mut [f64]) -> bool {
        const MAX_PASSES: usize = 3;
        if values.len() != self.program.num_cols() {
            return false;
        }
        let mut activity: Vec<f64> = self
            .rows
            .iter()
            .map(|r| Program::evaluate(&r.entries, values))
            .collect();
        let mut moved_any = false;
        for _ in 0..MAX_PASSES {
            let mut moved = false;
            for (c, entries) in self.column_rows.iter().enumerate() {
                let cost = self.stage.objective[c];
                if cost == 0.0 {
                    continue;
                }
                // +1 to raise the column, −1 to lower it.
                let direction = if cost < 0.0 { 1.0 } else { -1.0 };
                let mut step = if direction > 0.0 {
                    self.upper[c] - values[c]
                } else {
                    values[c] - self.program.lower[c]
                };
                for &(r, a) in entries {
                    let change = a * direction;
                    let room = if change > 0.0 {
                        (self.rows[r].upper - activity[r]) / change
                    } else {
                        (self.rows[r].lower - activity[r]) / change
                    };
                    step = step.min(room.max(0.0));
                }
                if self.program.integer[c] {
                    step = (step + TOLERANCE).floor();
                }
                if !step.is_finite() || step <= TOLERANCE {
                    continue;
                }
                values[c] += direction * step;
                for &(r, a) in entries {
                    activity[r] += a * direction * step;
                }
                moved = true;
            }
            moved_any |= moved;
            if !moved {
                break;
            }
        }
        moved_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(objective: Vec<f64>) -> StageModel {
        StageModel {
            objective,
            extra_rows: Vec::new(),
            upper: None,
        }
    }

    #[test]
    fn raises_a_column_until_a_row_binds() {
        // max x + y subject to x + y ≤ 5, x ≤ 4, y ≤ 4; start (1, 1).
        let mut p = Program::new(false);
        let x = p.add_col(String::new, 0.0, 4.0, true);
        let y = p.add_col(String::new, 0.0, 4.0, true);
        p.add_row(
            String::new,
            f64::NEG_INFINITY,
            5.0,
            vec![(x, 1.0), (y, 1.0)],
        );
        let s = stage(vec![-1.0, -1.0]);
        let mut v = vec![1.0, 1.0];
        assert!(Pusher::new(&p, &s).push(&mut v));
        assert_eq!(v, vec![4.0, 1.0]);
        assert_eq!(p.violation(&s, &v), 0.0);
    }

    #[test]
    fn lowers_a_costly_column_and_respects_lower_rows() {
        // min 2a + b subject to a + b ≥ 3.5 (a, b continuous in [0, 10]); start (3, 3).
        let mut p = Program::new(false);
        let a = p.add_col(String::new, 0.0, 10.0, false);
        let b = p.add_col(String::new, 0.0, 10.0, false);
        p.add_row(String::new, 3.5, f64::INFINITY, vec![(a, 1.0), (b, 1.0)]);
        let s = stage(vec![2.0, 1.0]);
        let mut v = vec![3.0, 3.0];
        assert!(Pusher::new(&p, &s).push(&mut v));
        assert!(
            (v[0] - 0.5).abs() < 1e-12 && (v[1] - 3.0).abs() < 1e-12,
            "{v:?}"
        );
        assert!(p.violation(&s, &v) <= 1e-12);
    }

    #[test]
    fn an_integer_column_moves_whole_units_only_and_a_tight_point_stays() {
        let mut p = Program::new(false);
        let x = p.add_col(String::new, 0.0, 10.0, true);
        p.add_row(String::new, f64::NEG_INFINITY, 2.5, vec![(x, 1.0)]);
        let s = stage(vec![-1.0]);
        let mut v = vec![0.0];
        assert!(Pusher::new(&p, &s).push(&mut v));
        assert_eq!(v, vec![2.0]);
        assert!(!Pusher::new(&p, &s).push(&mut v));
    }
}
