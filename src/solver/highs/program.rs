//! A small, solver-neutral mixed-integer program: named columns and sparse rows. The formulation
//! writes into it; [`super::run`] hands it to HiGHS, and export writes it as LP or MPS.

pub type ColId = usize;

#[derive(Debug, Clone, Default)]
pub struct Program {
    pub cost: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    pub integer: Vec<bool>,
    pub col_names: Vec<String>,
    pub rows: Vec<Row>,
    /// Whether to keep names (only needed for export; skipping them saves time on big models).
    pub keep_names: bool,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    pub lower: f64,
    pub upper: f64,
    pub entries: Vec<(ColId, f64)>,
}

impl Program {
    pub fn new(keep_names: bool) -> Self {
        Program {
            keep_names,
            ..Default::default()
        }
    }

    pub fn num_cols(&self) -> usize {
        self.cost.len()
    }

    pub fn add_col(
        &mut self,
        name: impl FnOnce() -> String,
        lower: f64,
        upper: f64,
        integer: bool,
    ) -> ColId {
        self.cost.push(0.0);
        self.lower.push(lower);
        self.upper.push(upper);
        self.integer.push(integer);
        self.col_names.push(if self.keep_names {
            name()
        } else {
            String::new()
        });
        self.cost.len() - 1
    }

    pub fn add_row(
        &mut self,
        name: impl FnOnce() -> String,
        lower: f64,
        upper: f64,
        entries: Vec<(ColId, f64)>,
    ) {
        if entries.is_empty() {
            return;
        }
        let name = if self.keep_names {
            name()
        } else {
            String::new()
        };
        self.rows.push(Row::new(name, lower, upper, entries));
    }

    /// Σ c·v for a dense vector of coefficients.
    pub fn evaluate_dense(coefficients: &[f64], values: &[f64]) -> f64 {
        coefficients.iter().zip(values).map(|(c, v)| c * v).sum()
    }

    /// Σ coef·value for a linear expression.
    pub fn evaluate(expr: &[(ColId, f64)], values: &[f64]) -> f64 {
        expr.iter().map(|&(c, a)| a * values[c]).sum()
    }

    /// The largest violation of a bound, a row or integrality by `values` in this stage, scaled
    /// by each row's size; 0 for a feasible point.
    pub fn violation(&self, stage: &StageModel, values: &[f64]) -> f64 {
        if values.len() != self.num_cols() {
            return f64::INFINITY;
        }
        let upper = stage.upper.as_deref().unwrap_or(&self.upper);
        let mut worst = 0.0f64;
        for (c, &v) in values.iter().enumerate() {
            if !v.is_finite() {
                return f64::INFINITY;
            }
            worst = worst.max(self.lower[c] - v).max(v - upper[c]);
            if self.integer[c] {
                worst = worst.max((v - v.round()).abs());
            }
        }
        for row in self.rows.iter().chain(&stage.extra_rows) {
            let activity = Self::evaluate(&row.entries, values);
            let scale = 1.0 + row.entries.iter().map(|e| e.1.abs()).fold(0.0, f64::max);
            worst = worst
                .max((row.lower - activity) / scale)
                .max((activity - row.upper) / scale);
        }
        worst
    }

    /// Builds the HiGHS problem for one stage: this objective (minimised), the program's rows
    /// plus `extra` rows, and optionally other upper bounds.
    pub fn to_highs(&self, stage: &StageModel) -> highs::RowProblem {
        self.to_highs_with(stage, false)
    }

    /// [`Self::to_highs`] with integrality dropped: the stage's LP relaxation.
    pub fn to_highs_relaxed(&self, stage: &StageModel) -> highs::RowProblem {
        self.to_highs_with(stage, true)
    }

    fn to_highs_with(&self, stage: &StageModel, relax: bool) -> highs::RowProblem {
        let mut pb = highs::RowProblem::default();
        let upper = stage.upper.as_deref().unwrap_or(&self.upper);
        let cols: Vec<highs::Col> = (0..self.num_cols())
            .map(|c| {
                pb.add_column_with_integrality(
                    stage.objective[c],
                    self.lower[c]..=upper[c],
                    self.integer[c] && !relax,
                )
            })
            .collect();
        for row in self.rows.iter().chain(&stage.extra_rows) {
            let entries: Vec<(highs::Col, f64)> =
                row.entries.iter().map(|&(c, a)| (cols[c], a)).collect();
            pb.add_row(row.lower..=row.upper, entries);
        }
        pb
    }
}

/// What one stage changes on the shared program: the objective, rows that fix earlier stages'
/// results, and bounds (e.g. lower tiers switched off).
#[derive(Debug, Clone)]
pub struct StageModel {
    pub objective: Vec<f64>,
    pub extra_rows: Vec<Row>,
    pub upper: Option<Vec<f64>>,
}

impl Row {
    /// A row with duplicate columns merged (HiGHS rejects a column twice in one row).
    pub fn new(name: String, lower: f64, upper: f64, mut entries: Vec<(ColId, f64)>) -> Row {
        entries.sort_by_key(|&(c, _)| c);
        let mut merged: Vec<(ColId, f64)> = Vec::with_capacity(entries.len());
        for (c, a) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == c => last.1 += a,
                _ => merged.push((c, a)),
            }
        }
        merged.retain(|&(_, a)| a != 0.0);
        Row {
            name,
            lower,
            upper,
            entries: merged,
        }
    }
}
