//! `hold` and `release`: orders selected by id, customer and/or channel.

use crate::format::{Order, Wave};

use super::EditSink;

/// Reads one field of an order.
type OrderField = fn(&Order) -> &str;

/// The order filters of a `hold` or `release` edit; every given one must match.
pub(super) struct OrderFilter<'e> {
    pub order: Option<&'e str>,
    pub customer: Option<&'e str>,
    pub channel: Option<&'e str>,
}

impl OrderFilter<'_> {
    /// Reports an empty filter and names the wave does not have; true when the filter is usable.
    fn check(&self, wave: &Wave, op: &str, i: usize, sink: &mut EditSink) -> bool {
        if self.order.is_none() && self.customer.is_none() && self.channel.is_none() {
            let message = format!("{op} needs `order`, `customer` or `channel`");
            sink.report(i, "", "empty_edit", message);
            return false;
        }
        let mut ok = true;
        let fields: [(&str, &str, Option<&str>, OrderField); 3] = [
            ("order", "order", self.order, |o| &o.id),
            ("customer", "customer (of any order)", self.customer, |o| {
                &o.customer
            }),
            ("channel", "channel (of any order)", self.channel, |o| {
                &o.channel
            }),
        ];
        for (field, what, wanted, value) in fields {
            if let Some(wanted) = wanted {
                if !wave.orders.iter().any(|o| value(o) == wanted) {
                    sink.missing(i, field, what, wanted);
                    ok = false;
                }
            }
        }
        ok
    }

    fn matches(&self, o: &Order) -> bool {
        self.order.is_none_or(|id| o.id == id)
            && self.customer.is_none_or(|c| o.customer == c)
            && self.channel.is_none_or(|c| o.channel == c)
    }
}

/// `hold`: every matching order gets `hold = reason` (default `scenario`); an order already on
/// hold keeps its own reason.
pub(super) fn hold(
    wave: &mut Wave,
    filter: &OrderFilter,
    reason: Option<&str>,
    i: usize,
    sink: &mut EditSink,
) {
    if reason.is_some_and(|r| r.trim().is_empty()) {
        sink.report(
            i,
            "reason",
            "empty_string",
            "reason must not be empty".into(),
        );
        return;
    }
    if !filter.check(wave, "hold", i, sink) {
        return;
    }
    let mut matched = false;
    for order in wave.orders.iter_mut().filter(|o| filter.matches(o)) {
        matched = true;
        if order.hold.is_none() {
            order.hold = Some(reason.unwrap_or("scenario").to_string());
        }
    }
    if !matched {
        sink.matches_nothing(i, "order");
    }
}

/// `release`: every matching order that is on hold is released; none on hold is a problem.
pub(super) fn release(wave: &mut Wave, filter: &OrderFilter, i: usize, sink: &mut EditSink) {
    if !filter.check(wave, "release", i, sink) {
        return;
    }
    let mut matched = false;
    for order in wave
        .orders
        .iter_mut()
        .filter(|o| o.hold.is_some() && filter.matches(o))
    {
        matched = true;
        order.hold = None;
    }
    if !matched {
        sink.matches_nothing(i, "order on hold");
    }
}
