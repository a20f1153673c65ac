//! Calendar arithmetic of SPEC.md §1: UTC calendar days, counted from the Unix epoch.

use chrono::{DateTime, NaiveDate};

/// A UTC calendar day, as days since 1970-01-01.
pub type Day = i64;

/// The UTC calendar day of an RFC 3339 timestamp.
pub fn day_of_timestamp(text: &str) -> Option<Day> {
    let instant = DateTime::parse_from_rfc3339(text).ok()?;
    Some(instant.timestamp().div_euclid(86_400))
}

/// Seconds since the epoch of an RFC 3339 timestamp (for ordering orders by age).
pub fn seconds_of_timestamp(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}

/// A due date: `YYYY-MM-DD`, or an RFC 3339 timestamp whose UTC date is used.
pub fn day_of_date_or_timestamp(text: &str) -> Option<Day> {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Some(day_of_date(date)),
        Err(_) => day_of_timestamp(text),
    }
}

fn day_of_date(date: NaiveDate) -> Day {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    (date - epoch).num_days()
}

/// Formats a day as an ISO date, `YYYY-MM-DD`.
pub fn format_day(day: Day) -> String {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    match epoch.checked_add_signed(chrono::Duration::days(day)) {
        Some(date) => date.format("%Y-%m-%d").to_string(),
        None => format!("day{day}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_day_of_a_late_evening_offset_timestamp_is_the_next_day() {
        let a = day_of_timestamp("2026-11-26T22:00:00-05:00").unwrap();
        assert_eq!(format_day(a), "2026-11-27");
    }

    #[test]
    fn due_dates_accept_plain_dates_and_timestamps() {
        assert_eq!(
            day_of_date_or_timestamp("2026-11-28"),
            day_of_date_or_timestamp("2026-11-28T12:00:00Z")
        );
        assert_eq!(day_of_date_or_timestamp("28/11/2026"), None);
    }
}
