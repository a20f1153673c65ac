//! Numeric rules shared by every section: `not_finite`, `negative`, `not_positive`,
//! `value_too_large` and `out_of_range`, plus the composite checks for quantities, money and
//! day counts. The limits keep every sum the solver forms far from overflow: a wave of a million
//! lines of [`MAX_QUANTITY`] units still fits an `i64`.

use super::sink::{Pointer, Sink};

/// Largest quantity accepted anywhere (qty, on_hand, safety_stock, reservation qty, capacities).
pub const MAX_QUANTITY: i64 = 1_000_000_000;
/// Largest amount of money accepted anywhere (costs, penalties, handling, lane rates).
pub const MAX_MONEY: f64 = 1e9;
/// Largest day count accepted (processing_days, min_days, lane days).
pub const MAX_DAYS: i64 = 365;

/// A number as the rules see it: `i64` (counts) or `f64` (amounts).
pub(super) trait Number: Copy + PartialOrd + Default {
    fn is_finite(self) -> bool;
    /// The value as a message shows it (very large or small floats in scientific notation).
    fn shown(self) -> String;
}

impl Number for i64 {
    fn is_finite(self) -> bool {
        true
    }
    fn shown(self) -> String {
        self.to_string()
    }
}

impl Number for f64 {
    fn is_finite(self) -> bool {
        f64::is_finite(self)
    }
    fn shown(self) -> String {
        let magnitude = self.abs();
        if magnitude != 0.0 && !(1e-6..1e15).contains(&magnitude) {
            format!("{self:e}")
        } else {
            self.to_string()
        }
    }
}

/// Appends an action to a message, when there is one.
fn with_hint(message: String, hint: &str) -> String {
    if hint.is_empty() {
        message
    } else {
        format!("{message}; {hint}")
    }
}

/// `not_finite`: NaN or ±infinity. Returns whether the value is finite (later range checks
/// only make sense when it is).
pub(super) fn check_not_finite<T: Number>(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: T,
) -> bool {
    if value.is_finite() {
        return true;
    }
    sink.report(
        at.field(name),
        "not_finite",
        format!("{name} must be a finite number, got {}", value.shown()),
    );
    false
}

/// `negative`: below zero where only zero or more makes sense.
pub(super) fn check_negative<T: Number>(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: T,
    hint: &str,
) -> bool {
    let below = value < T::default();
    if !below {
        return true;
    }
    let message = format!("{name} must be >= 0, got {}", value.shown());
    sink.report(at.field(name), "negative", with_hint(message, hint));
    false
}

/// `not_positive`: zero or below where at least `minimum` (1 for counts, > 0 for amounts) is needed.
pub(super) fn check_not_positive<T: Number>(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: T,
    minimum: T,
    hint: &str,
) -> bool {
    let ok = if minimum > T::default() {
        value >= minimum
    } else {
        value > T::default()
    };
    if ok {
        return true;
    }
    let bound = if minimum > T::default() {
        format!(">= {}", minimum.shown())
    } else {
        "> 0".to_string()
    };
    let message = format!("{name} must be {bound}, got {}", value.shown());
    sink.report(at.field(name), "not_positive", with_hint(message, hint));
    false
}

/// `value_too_large`: above the limit that keeps sums safe.
pub(super) fn check_value_too_large<T: Number>(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: T,
    limit: T,
) -> bool {
    let above = value > limit;
    if !above {
        return true;
    }
    sink.report(
        at.field(name),
        "value_too_large",
        format!(
            "{name} must be <= {}, got {}; check the value and its unit",
            limit.shown(),
            value.shown()
        ),
    );
    false
}

/// `out_of_range`: outside a documented closed range `[low, high]`.
pub(super) fn check_out_of_range<T: Number>(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: T,
    (low, high): (T, T),
    hint: &str,
) -> bool {
    if value >= low && value <= high {
        return true;
    }
    let message = format!(
        "{name} must be in [{}, {}], got {}",
        low.shown(),
        high.shown(),
        value.shown()
    );
    sink.report(at.field(name), "out_of_range", with_hint(message, hint));
    false
}

/// An amount of money: finite, `>= 0` (`negative`) and `<= MAX_MONEY` (`value_too_large`).
pub(super) fn check_money(sink: &mut Sink, at: &Pointer, name: &str, value: f64) {
    let _ = check_not_finite(sink, at, name, value)
        && check_negative(
            sink,
            at,
            name,
            value,
            "amounts are never negative; use 0 for none",
        )
        && check_value_too_large(sink, at, name, value, MAX_MONEY);
}

/// A count of units or shipments that may be zero: `>= 0` and `<= MAX_QUANTITY`.
pub(super) fn check_quantity(sink: &mut Sink, at: &Pointer, name: &str, value: i64, hint: &str) {
    let _ = check_negative(sink, at, name, value, hint)
        && check_value_too_large(sink, at, name, value, MAX_QUANTITY);
}

/// A count of units that must be at least 1: `>= 1` and `<= MAX_QUANTITY`.
pub(super) fn check_positive_quantity(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: i64,
    hint: &str,
) {
    let _ = check_not_positive(sink, at, name, value, 1, hint)
        && check_value_too_large(sink, at, name, value, MAX_QUANTITY);
}

/// A number of days in `[0, MAX_DAYS]` (`out_of_range`).
pub(super) fn check_days(sink: &mut Sink, at: &Pointer, name: &str, value: i64) {
    check_out_of_range(
        sink,
        at,
        name,
        value,
        (0, MAX_DAYS),
        "days are whole calendar days, at most a year",
    );
}

/// A float in a closed range: finite (`not_finite`), then within it (`out_of_range`).
pub(super) fn check_bounded(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: f64,
    range: (f64, f64),
    hint: &str,
) {
    let _ = check_not_finite(sink, at, name, value)
        && check_out_of_range(sink, at, name, value, range, hint);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(run: impl FnOnce(&mut Sink, &Pointer)) -> Vec<(String, String)> {
        let mut sink = Sink::default();
        run(&mut sink, &Pointer::root().field("x"));
        sink.into_problems()
            .into_iter()
            .map(|p| (p.path, p.code))
            .collect()
    }

    fn one(path: &str, code: &str) -> Vec<(String, String)> {
        vec![(path.to_string(), code.to_string())]
    }

    #[test]
    fn money_reports_only_the_first_broken_bound() {
        assert_eq!(
            codes(|s, at| check_money(s, at, "cost", f64::NAN)),
            one("/x/cost", "not_finite")
        );
        assert_eq!(
            codes(|s, at| check_money(s, at, "cost", -0.5)),
            one("/x/cost", "negative")
        );
        assert_eq!(
            codes(|s, at| check_money(s, at, "cost", 2e9)),
            one("/x/cost", "value_too_large")
        );
        assert!(codes(|s, at| check_money(s, at, "cost", 0.0)).is_empty());
        assert!(codes(|s, at| check_money(s, at, "cost", MAX_MONEY)).is_empty());
    }

    #[test]
    fn quantities_may_be_zero_but_positive_quantities_may_not() {
        assert!(codes(|s, at| check_quantity(s, at, "q", 0, "")).is_empty());
        assert_eq!(
            codes(|s, at| check_positive_quantity(s, at, "q", 0, "")),
            one("/x/q", "not_positive")
        );
        assert_eq!(
            codes(|s, at| check_quantity(s, at, "q", MAX_QUANTITY + 1, "")),
            one("/x/q", "value_too_large")
        );
    }

    #[test]
    fn messages_show_the_offending_value_and_the_bound() {
        let mut sink = Sink::default();
        check_positive_quantity(
            &mut sink,
            &Pointer::root(),
            "qty",
            0,
            "order at least one unit",
        );
        check_bounded(&mut sink, &Pointer::root(), "lat", 91.5, (-90.0, 90.0), "");
        check_value_too_large(&mut sink, &Pointer::root(), "fee", 1e300, MAX_MONEY);
        let messages: Vec<String> = sink
            .into_problems()
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_eq!(
            messages[0],
            "qty must be >= 1, got 0; order at least one unit"
        );
        assert_eq!(messages[1], "lat must be in [-90, 90], got 91.5");
        assert!(messages[2].contains("got 1e300"), "{}", messages[2]);
    }

    #[test]
    fn a_positive_amount_rejects_zero() {
        assert_eq!(
            codes(|s, at| {
                check_not_positive(s, at, "km_per_day", 0.0, 0.0, "");
            }),
            one("/x/km_per_day", "not_positive")
        );
    }
}
