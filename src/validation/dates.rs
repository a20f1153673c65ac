//! Date rules (`invalid_date`): every date the model reads parses with the same helpers the
//! model uses ([`crate::model::dates`]), so a wave that passes never fails to build on a date.

use super::sink::{quoted, Pointer, Sink};
use crate::model::dates;

/// `invalid_date`: a timestamp field (`as_of`, `placed_at`) is not RFC 3339.
pub(super) fn check_invalid_timestamp(sink: &mut Sink, at: &Pointer, name: &str, text: &str) {
    if dates::seconds_of_timestamp(text).is_some() {
        return;
    }
    sink.report(
        at.field(name),
        "invalid_date",
        format!(
            "{name} must be an RFC 3339 timestamp with a time zone, such as \
             2026-11-26T10:00:00Z, got {}",
            quoted(text)
        ),
    );
}

/// `invalid_date`: `due_by` is neither a `YYYY-MM-DD` date nor an RFC 3339 timestamp.
pub(super) fn check_invalid_due_date(sink: &mut Sink, at: &Pointer, name: &str, text: &str) {
    if dates::day_of_date_or_timestamp(text).is_some() {
        return;
    }
    sink.report(
        at.field(name),
        "invalid_date",
        format!(
            "{name} must be a date YYYY-MM-DD (such as 2026-11-28) or an RFC 3339 timestamp, \
             got {}",
            quoted(text)
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(run: impl FnOnce(&mut Sink)) -> Vec<String> {
        let mut sink = Sink::default();
        run(&mut sink);
        sink.into_problems().into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn timestamps_need_a_time_and_a_zone() {
        let at = Pointer::root();
        assert!(
            problems(|s| check_invalid_timestamp(s, &at, "as_of", "2026-11-26T10:00:00Z"))
                .is_empty()
        );
        assert!(problems(|s| check_invalid_timestamp(
            s,
            &at,
            "as_of",
            "2026-11-26T10:00:00+01:00"
        ))
        .is_empty());
        assert_eq!(
            problems(|s| check_invalid_timestamp(s, &at, "as_of", "2026-11-26")),
            ["invalid_date"]
        );
        assert_eq!(
            problems(|s| check_invalid_timestamp(s, &at, "as_of", "2026-11-26T10:00:00")),
            ["invalid_date"]
        );
    }

    #[test]
    fn due_dates_take_a_plain_date_or_a_timestamp_but_not_an_impossible_day() {
        let at = Pointer::root();
        assert!(problems(|s| check_invalid_due_date(s, &at, "due_by", "2026-11-28")).is_empty());
        assert!(
            problems(|s| check_invalid_due_date(s, &at, "due_by", "2026-11-28T18:00:00Z"))
                .is_empty()
        );
        assert_eq!(
            problems(|s| check_invalid_due_date(s, &at, "due_by", "2026-02-30")),
            ["invalid_date"]
        );
        assert_eq!(
            problems(|s| check_invalid_due_date(s, &at, "due_by", "")),
            ["invalid_date"]
        );
    }
}
