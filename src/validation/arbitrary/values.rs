//! Field values for random waves: typical ones, the boundaries validation still accepts, and
//! edge values (blank, out of range, NaN, huge) it must reject.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;

use crate::validation::MAX_QUANTITY;

/// A valid draw (weight 300) or an edge draw (weight `edge`).
pub(super) fn either<T: std::fmt::Debug + Clone + 'static>(
    edge: u32,
    valid: impl Strategy<Value = T> + 'static,
    bad: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<T> {
    Union::new_weighted(vec![(300, valid.boxed()), (edge, bad.boxed())]).boxed()
}

/// A list of 1 to `max - 1` elements, or (an edge draw) an empty one.
pub(super) fn non_empty<T: std::fmt::Debug + Clone + 'static>(
    edge: u32,
    element: impl Strategy<Value = T> + 'static,
    max: usize,
) -> BoxedStrategy<Vec<T>> {
    let empty = either(edge, Just(false), Just(true));
    (vec(element, 1..max), empty)
        .prop_map(|(list, empty)| if empty { Vec::new() } else { list })
        .boxed()
}

pub(super) fn name(edge: u32, pool: &'static [&'static str]) -> BoxedStrategy<String> {
    let bad: &[&str] = &["", " ", "a/b~c", "ü\n"];
    either(edge, select(pool), select(bad))
        .prop_map(str::to_string)
        .boxed()
}

/// Typical values (weight 4) or the boundaries validation still accepts (weight 1).
pub(super) fn typical_or_boundary<T: std::fmt::Debug + Clone + 'static>(
    typical: impl Strategy<Value = T> + 'static,
    boundary: Vec<T>,
) -> BoxedStrategy<T> {
    if boundary.is_empty() {
        return typical.boxed();
    }
    prop_oneof![4 => typical, 1 => select(boundary)].boxed()
}

pub(super) fn count(edge: u32, low: i64) -> BoxedStrategy<i64> {
    let bad = vec![-1, 0, MAX_QUANTITY + 1, i64::MAX, i64::MIN];
    either(
        edge,
        typical_or_boundary(low..20, vec![low, MAX_QUANTITY]),
        select(bad),
    )
}

pub(super) fn days(edge: u32) -> BoxedStrategy<i64> {
    let bad = vec![-1, 366, i64::MAX, i64::MIN];
    either(
        edge,
        typical_or_boundary(0i64..4, vec![0, 365]),
        select(bad),
    )
}

pub(super) fn float(
    edge: u32,
    typical: std::ops::Range<f64>,
    boundary: &[f64],
    extra: &[f64],
) -> BoxedStrategy<f64> {
    let mut bad = vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1.0,
        -0.0,
        1e300,
        5e-324,
    ];
    bad.extend_from_slice(extra);
    either(
        edge,
        typical_or_boundary(typical, boundary.to_vec()),
        select(bad),
    )
}

pub(super) fn amount(edge: u32) -> BoxedStrategy<f64> {
    float(edge, 0.0..20.0, &[0.0, 1e9], &[1.000001e9])
}

pub(super) fn date(edge: u32, valid: &'static [&'static str]) -> BoxedStrategy<String> {
    let bad: &[&str] = &[
        "",
        "bad",
        "2026-02-30",
        "2026-11-26",
        "+262143-12-31",
        "-262144-01-01",
    ];
    either(edge, select(valid), select(bad))
        .prop_map(str::to_string)
        .boxed()
}
