//! Edits to demand and time: scaling order quantities, shifting `as_of` and due dates.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat};

use crate::format::Wave;

use super::{order_tier, EditSink};

/// Checks the `channel` and `tier` filters name something in the wave; false after reporting.
fn order_filters_ok(
    wave: &Wave,
    channel: Option<&str>,
    tier: Option<&str>,
    i: usize,
    sink: &mut EditSink,
) -> bool {
    let mut ok = true;
    if let Some(channel) = channel {
        if !wave.orders.iter().any(|o| o.channel == channel) {
            sink.missing(i, "channel", "channel (of any order)", channel);
            ok = false;
        }
    }
    if let Some(tier) = tier {
        if !wave.policy.tiers.iter().any(|t| t.name == tier) {
            sink.missing(i, "tier", "tier (in policy.tiers)", tier);
            ok = false;
        }
    }
    ok
}

/// Indexes of the orders matching both filters.
fn matching_orders(wave: &Wave, channel: Option<&str>, tier: Option<&str>) -> Vec<usize> {
    (0..wave.orders.len())
        .filter(|&o| {
            let order = &wave.orders[o];
            channel.is_none_or(|c| order.channel == c)
                && tier.is_none_or(|t| order_tier(wave, order) == Some(t))
        })
        .collect()
}

/// `scale_demand`: the matching lines' quantities are multiplied by `factor` and rounded by the
/// largest-remainder method, so the matching total becomes exactly `round(total × factor)`:
/// each line gets `floor(qty × factor)`, and the units still missing go one each to the lines
/// with the largest fractional parts (ties: earlier lines first). A line that ends at 0 units is
/// dropped, and so is an order left without lines.
pub(super) fn scale_demand(
    wave: &mut Wave,
    factor: f64,
    channel: Option<&str>,
    tier: Option<&str>,
    i: usize,
    sink: &mut EditSink,
) {
    let factor_ok = sink.factor_ok(i, factor);
    if !order_filters_ok(wave, channel, tier, i, sink) || !factor_ok {
        return;
    }
    let orders = matching_orders(wave, channel, tier);
    if orders.is_empty() {
        sink.matches_nothing(i, "order");
        return;
    }
    let lines: Vec<(usize, usize)> = orders
        .iter()
        .flat_map(|&o| (0..wave.orders[o].lines.len()).map(move |l| (o, l)))
        .collect();
    let quantities: Vec<i64> = lines
        .iter()
        .map(|&(o, l)| wave.orders[o].lines[l].qty)
        .collect();
    for (&(o, l), qty) in lines.iter().zip(largest_remainder(&quantities, factor)) {
        wave.orders[o].lines[l].qty = qty;
    }
    for order in &mut wave.orders {
        order.lines.retain(|line| line.qty > 0);
    }
    wave.orders.retain(|order| !order.lines.is_empty());
}

/// `quantities × factor`, each rounded so that the total is `round(Σ quantities × factor)`.
pub(crate) fn largest_remainder(quantities: &[i64], factor: f64) -> Vec<i64> {
    let exact: Vec<f64> = quantities
        .iter()
        .map(|&q| q.max(0) as f64 * factor)
        .collect();
    let mut result: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let target = exact.iter().sum::<f64>().round() as i64;
    let missing = (target - result.iter().sum::<i64>()).max(0) as usize;
    let mut by_remainder: Vec<usize> = (0..exact.len()).collect();
    by_remainder.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &index in by_remainder.iter().take(missing) {
        result[index] += 1;
    }
    result
}

/// `shift_as_of`: "now" moves by whole days; the offset and precision are kept.
pub(super) fn shift_as_of(wave: &mut Wave, days: i64, i: usize, sink: &mut EditSink) {
    match shift_timestamp(&wave.as_of, days) {
        Some(shifted) => wave.as_of = shifted,
        None => sink.report(
            i,
            "days",
            "invalid_date",
            format!(
                "cannot shift as_of \"{}\" by {days} days (not RFC 3339, or out of range)",
                wave.as_of
            ),
        ),
    }
}

/// `shift_due_dates`: every matching order's `due_by` moves by whole days, keeping its form
/// (a plain date stays a plain date). Orders without a due date are left alone.
pub(super) fn shift_due_dates(
    wave: &mut Wave,
    days: i64,
    channel: Option<&str>,
    tier: Option<&str>,
    i: usize,
    sink: &mut EditSink,
) {
    if !order_filters_ok(wave, channel, tier, i, sink) {
        return;
    }
    let orders: Vec<usize> = matching_orders(wave, channel, tier)
        .into_iter()
        .filter(|&o| wave.orders[o].due_by.is_some())
        .collect();
    if orders.is_empty() {
        sink.matches_nothing(i, "order with a due_by");
        return;
    }
    for o in orders {
        let order = &mut wave.orders[o];
        let due = order.due_by.clone().unwrap_or_default();
        match shift_date_or_timestamp(&due, days) {
            Some(shifted) => order.due_by = Some(shifted),
            None => sink.report(
                i,
                "days",
                "invalid_date",
                format!(
                    "cannot shift due_by \"{due}\" of order \"{}\" by {days} days",
                    order.id
                ),
            ),
        }
    }
}

fn shift_timestamp(text: &str, days: i64) -> Option<String> {
    let instant = DateTime::parse_from_rfc3339(text).ok()?;
    let shifted = instant.checked_add_signed(Duration::try_days(days)?)?;
    Some(shifted.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn shift_date_or_timestamp(text: &str, days: i64) -> Option<String> {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => {
            let shifted = date.checked_add_signed(Duration::try_days(days)?)?;
            Some(shifted.format("%Y-%m-%d").to_string())
        }
        Err(_) => shift_timestamp(text, days),
    }
}

#[cfg(test)]
mod tests {
    use super::largest_remainder;

    #[test]
    fn largest_remainder_keeps_the_scaled_total() {
        let scaled = largest_remainder(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1.3);
        assert_eq!(scaled.iter().sum::<i64>(), 13);
        assert_eq!(scaled, vec![2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(largest_remainder(&[4, 3], 0.5), vec![2, 2]);
        assert_eq!(largest_remainder(&[5], 0.0), vec![0]);
    }
}
