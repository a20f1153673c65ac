//! The wire format: serde types for requests and responses, and their readers.
//!
//! Nothing here knows about the domain model or the solver.

pub mod csv_folder;
pub mod plan;
pub mod wave;

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

fn path_error(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let pointer = json_pointer(err.path());
    let inner = err.into_inner();
    use serde_json::error::Category;
    match inner.classify() {
        Category::Data => {
            let message = strip_position(&inner.to_string());
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
            message: strip_position(&inner.to_string()),
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
                pointer.push_str(&pointer_token(key));
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

/// Serialises any wire type as pretty JSON with a trailing newline.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("wire types always serialise");
    text.push('\n');
    text
}
