//! The wire format: serde types for requests and responses, and their readers.
//!
//! Nothing here knows about the domain model or the solver.

pub mod assignments_csv;
pub mod csv_folder;
pub mod metadata;
pub mod plan;
pub mod wave;

pub use assignments_csv::{assignments_csv, HEADER as ASSIGNMENTS_HEADER};
pub use plan::*;
pub use wave::*;

use crate::error::{pointer_token, Error, Problem};
use serde::de::DeserializeOwned;

/// Parses a wave from JSON text. Syntax errors give [`Error::Malformed`] with line and column;
/// shape errors (a wrong type, an unknown or duplicate field) give [`Error::Invalid`] with the
/// JSON pointer of the offending value.
pub fn parse_wave(text: &str) -> Result<Wave, Error> {
    parse_json(text)
}

/// Parses a plan from JSON text, with the same error conventions as [`parse_wave`].
pub fn parse_plan(text: &str) -> Result<Plan, Error> {
    parse_json(text)
}

/// Parses any wire type, mapping serde errors onto the project's error shape.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    de.end().map_err(|e| Error::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Longest quoted value, JSON-pointer token, and message kept from serde's errors. serde quotes
/// the offending value (an unknown field's name, an unknown variant), which may be megabytes
/// long; an error body should name it, not echo it.
const MAX_QUOTED: usize = 64;
const MAX_TOKEN: usize = 256;
const MAX_MESSAGE: usize = 1024;

/// `text` cut to at most `max` bytes (on a character boundary), saying how long it was.
fn clip(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &text[..end], text.len())
}

/// A serde message with every `quoted` value clipped, then clipped as a whole.
fn clip_message(message: &str) -> String {
    let quoted_clipped: Vec<String> = message
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                clip(part, MAX_QUOTED)
            } else {
                part.to_string()
            }
        })
        .collect();
    clip(&quoted_clipped.join("`"), MAX_MESSAGE)
}

fn path_error(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let pointer = json_pointer(err.path());
    let inner = err.into_inner();
    use serde_json::error::Category;
    match inner.classify() {
        Category::Data => {
            let message = clip_message(&strip_position(&inner.to_string()));
            let code = if message.starts_with("unknown field") {
                "unknown_field"
            } else if message.starts_with("missing field") {
                "missing_field"
            } else if message.starts_with("duplicate field") {
                "duplicate_field"
            } else if message.starts_with("unknown variant") {
                "unknown_variant"
            } else {
                "wrong_type"
            };
            Error::Invalid(vec![Problem::new(
                pointer,
                code,
                format!(
                    "{message} (line {}, column {})",
                    inner.line(),
                    inner.column()
                ),
            )])
        }
        _ => Error::Malformed {
            line: inner.line(),
            column: inner.column(),
            message: clip_message(&strip_position(&inner.to_string())),
        },
    }
}

/// serde_json appends " at line L column C"; the line and column are reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&pointer_token(&clip(key, MAX_TOKEN)));
            }
            Segment::Enum { variant } => {
                pointer.push('/');
                pointer.push_str(&pointer_token(variant));
            }
            Segment::Unknown => {}
        }
    }
    pointer
}

/// Serialises any wire type as compact JSON with a trailing newline (what the service sends
/// unless asked for `?pretty`).
pub fn to_compact_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string(value).expect("wire types always serialise");
    text.push('\n');
    text
}

/// Serialises any wire type as pretty JSON with a trailing newline.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("wire types always serialise");
    text.push('\n');
    text
}
