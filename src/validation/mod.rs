//! Semantic validation of a wave (placeholder until the validation module lands).
use crate::error::Problem;
use crate::format::Wave;

/// Every problem in the wave, each with a JSON pointer and a stable code.
pub fn validate(_wave: &Wave) -> Vec<Problem> {
    Vec::new()
}
