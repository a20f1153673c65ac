//! Policy and options rules: tiers, penalties, shipment limits, the road factor, and the
//! solver options.

use super::ids::{check_duplicate_id, check_empty_string, FirstSeen};
use super::numbers::{
    check_bounded, check_money, check_not_positive, check_out_of_range, check_value_too_large,
};
use super::sink::{Pointer, Sink};
use crate::format::{Options, Policy, Tier};

/// Range of `policy.road_factor` (road km per great-circle km).
const ROAD_FACTOR: (f64, f64) = (1.0, 10.0);
/// Range of `options.mip_gap` (relative).
const MIP_GAP: (f64, f64) = (0.0, 1.0);
/// Range of `options.threads`.
const THREADS: (i64, i64) = (1, 1024);
/// Longest accepted `options.time_limit_ms` (about 11.6 days), so deadlines never overflow.
const MAX_TIME_LIMIT_MS: i64 = 1_000_000_000;

/// Every rule about `policy`, in field order.
pub(super) fn check_policy(sink: &mut Sink, at: &Pointer, policy: &Policy) {
    check_no_tiers(sink, at, &policy.tiers);
    check_tiers(sink, &at.field("tiers"), &policy.tiers);
    check_money(
        sink,
        at,
        "late_penalty_per_day",
        policy.late_penalty_per_day,
    );
    check_money(sink, at, "split_penalty", policy.split_penalty);
    if let Some(max) = policy.max_shipments_per_order {
        check_not_positive(
            sink,
            at,
            "max_shipments_per_order",
            max,
            1,
            "allow at least one shipment, or omit the limit",
        );
    }
    check_bounded(
        sink,
        at,
        "road_factor",
        policy.road_factor,
        ROAD_FACTOR,
        "it is road km per great-circle km, typically 1.2 to 1.4",
    );
}

/// `no_tiers`: `policy.tiers` is empty, so orders have no priority to take.
fn check_no_tiers(sink: &mut Sink, at: &Pointer, tiers: &[Tier]) {
    if !tiers.is_empty() {
        return;
    }
    sink.report(
        at.field("tiers"),
        "no_tiers",
        "policy.tiers is empty; list at least one tier, highest priority first, or omit tiers \
         for the default single tier 'standard'"
            .to_string(),
    );
}

/// Tier names are non-blank and unique; `unfilled_penalty`, when given, is an amount of money.
fn check_tiers(sink: &mut Sink, list: &Pointer, tiers: &[Tier]) {
    let mut names = FirstSeen::with_capacity(tiers.len());
    for (index, tier) in tiers.iter().enumerate() {
        let at = list.index(index);
        check_empty_string(
            sink,
            &at,
            "name",
            &tier.name,
            "name the tier, e.g. vip or standard",
        );
        check_duplicate_id(sink, &mut names, list, index, "name", &tier.name);
        if let Some(penalty) = tier.unfilled_penalty {
            check_money(sink, &at, "unfilled_penalty", penalty);
        }
    }
}

/// Every rule about `options`, in field order.
pub(super) fn check_options(sink: &mut Sink, at: &Pointer, options: &Options) {
    let _ = check_not_positive(
        sink,
        at,
        "time_limit_ms",
        options.time_limit_ms,
        1,
        "give the solver at least 1 ms",
    ) && check_value_too_large(
        sink,
        at,
        "time_limit_ms",
        options.time_limit_ms,
        MAX_TIME_LIMIT_MS,
    );
    check_bounded(
        sink,
        at,
        "mip_gap",
        options.mip_gap,
        MIP_GAP,
        "it is a relative gap, e.g. 0.0001 for 0.01%",
    );
    if let Some(threads) = options.threads {
        check_out_of_range(
            sink,
            at,
            "threads",
            threads,
            THREADS,
            "omit threads to use every core",
        );
    }
}
