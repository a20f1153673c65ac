//! Where problems go: JSON pointers (RFC 6901) into the wave, and the list they are collected in.

use crate::error::{pointer_token, Problem};

/// A JSON pointer to one value of the wave, e.g. `/orders/3/lines/0`. It is a chain of borrowed
/// segments, free to build while walking; the text is only made when a problem is reported.
#[derive(Debug, Clone, Copy)]
pub(super) enum Pointer<'p> {
    Root,
    Field(&'p Pointer<'p>, &'p str),
    Index(&'p Pointer<'p>, usize),
}

impl Pointer<'_> {
    /// The whole document (the empty pointer).
    pub(super) fn root() -> Self {
        Pointer::Root
    }

    /// The member `name` of the object at this pointer.
    pub(super) fn field<'q>(&'q self, name: &'q str) -> Pointer<'q> {
        Pointer::Field(self, name)
    }

    /// The element `index` of the array at this pointer.
    pub(super) fn index(&self, index: usize) -> Pointer<'_> {
        Pointer::Index(self, index)
    }

    /// The pointer as RFC 6901 text, member names escaped.
    pub(super) fn render(&self) -> String {
        let mut text = String::new();
        self.render_into(&mut text);
        text
    }

    fn render_into(&self, text: &mut String) {
        match self {
            Pointer::Root => {}
            Pointer::Field(parent, name) => {
                parent.render_into(text);
                text.push('/');
                text.push_str(&pointer_token(name));
            }
            Pointer::Index(parent, index) => {
                parent.render_into(text);
                text.push('/');
                text.push_str(&index.to_string());
            }
        }
    }
}

/// The problems found so far, in the order the wave is walked.
#[derive(Debug, Default)]
pub(super) struct Sink {
    problems: Vec<Problem>,
}

impl Sink {
    pub(super) fn report(&mut self, at: Pointer, code: &str, message: String) {
        self.problems.push(Problem::new(at.render(), code, message));
    }

    pub(super) fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}

/// Longest excerpt of an offending string quoted in a message.
const QUOTE_LIMIT: usize = 64;

/// An offending string as messages quote it: single-quoted, escaped, cut at [`QUOTE_LIMIT`] chars.
pub(super) fn quoted(text: &str) -> String {
    let mut shown: String = text.chars().take(QUOTE_LIMIT).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    format!("'{}'", shown.escape_debug())
}

/// Names as messages list them: quoted, comma-separated, at most a handful.
pub(super) fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    const SHOWN: usize = 8;
    let names: Vec<&str> = names.into_iter().collect();
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(|n| quoted(n))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    if text.is_empty() {
        text.push_str("none");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_tilde_and_slash_in_member_names() {
        let root = Pointer::root();
        let outer = root.field("a/b");
        let inner = outer.field("c~d");
        assert_eq!(inner.index(2).render(), "/a~1b/c~0d/2");
        assert_eq!(root.render(), "");
    }

    #[test]
    fn long_strings_are_cut_and_control_characters_escaped() {
        assert_eq!(quoted("a\nb"), "'a\\nb'");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long).chars().count(), QUOTE_LIMIT + 3);
    }

    #[test]
    fn long_name_lists_are_summarised() {
        let names: Vec<String> = (0..10).map(|i| format!("N{i}")).collect();
        let text = listed(names.iter().map(String::as_str));
        assert!(text.ends_with("and 2 more"), "{text}");
        assert_eq!(listed([]), "none");
    }
}
