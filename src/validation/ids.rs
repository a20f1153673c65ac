//! Identity rules: required strings are not blank (`empty_string`), and ids are unique within
//! their list (`duplicate_id`; inventory and lanes have their own duplicate codes in their files).

use std::collections::HashMap;
use std::hash::Hash;

use super::sink::{quoted, Pointer, Sink};

/// Whether a string carries no information: empty or only whitespace.
pub(super) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// `empty_string`: a required string (an id, a reference, a name) is empty or only whitespace.
/// Returns whether the string is usable, so that reference and duplicate checks can skip it.
pub(super) fn check_empty_string(
    sink: &mut Sink,
    at: &Pointer,
    name: &str,
    value: &str,
    hint: &str,
) -> bool {
    if !is_blank(value) {
        return true;
    }
    sink.report(
        at.field(name),
        "empty_string",
        format!(
            "{name} must not be empty or blank, got {}; {hint}",
            quoted(value)
        ),
    );
    false
}

/// Remembers where each key was first seen in a list.
#[derive(Debug)]
pub(super) struct FirstSeen<K> {
    first: HashMap<K, usize>,
}

impl<K: Hash + Eq> FirstSeen<K> {
    /// Room for a list of `len` entries, so that big lists never rehash.
    pub(super) fn with_capacity(len: usize) -> Self {
        FirstSeen {
            first: HashMap::with_capacity(len),
        }
    }

    /// Records `key` at `index`; returns the earlier index when the key was already seen.
    pub(super) fn earlier(&mut self, key: K, index: usize) -> Option<usize> {
        let first = *self.first.entry(key).or_insert(index);
        (first != index).then_some(first)
    }
}

/// `duplicate_id`: the id at `index` of the list at `list` was already used by an earlier entry.
/// Blank ids are skipped (they are `empty_string` already).
pub(super) fn check_duplicate_id<'w>(
    sink: &mut Sink,
    seen: &mut FirstSeen<&'w str>,
    list: &Pointer,
    index: usize,
    name: &str,
    value: &'w str,
) {
    if is_blank(value) {
        return;
    }
    if let Some(first) = seen.earlier(value, index) {
        sink.report(
            list.index(index).field(name),
            "duplicate_id",
            format!(
                "{name} {} is already used at {}; every entry of {} needs its own {name}",
                quoted(value),
                list.index(first).render(),
                list.render(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_only_counts_as_empty() {
        assert!(is_blank(""));
        assert!(is_blank(" \t"));
        assert!(!is_blank(" a "));
    }

    #[test]
    fn a_duplicate_is_reported_at_every_later_occurrence_naming_the_first() {
        let mut sink = Sink::default();
        let mut seen = FirstSeen::with_capacity(5);
        let root = Pointer::root();
        let list = root.field("orders");
        for (i, id) in ["A", "B", "A", "A", ""].into_iter().enumerate() {
            check_duplicate_id(&mut sink, &mut seen, &list, i, "id", id);
        }
        let problems = sink.into_problems();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["/orders/2/id", "/orders/3/id"]);
        assert!(
            problems[1].message.contains("/orders/0"),
            "{}",
            problems[1].message
        );
    }
}
