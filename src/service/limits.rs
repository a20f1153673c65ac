//! Structural limits on a JSON body, checked by one pass over the bytes before serde sees them:
//! nesting depth, string length and array length. A body that breaks one is refused with 413,
//! so that a hostile body cannot make the parser recurse deeply or allocate without bound.
//!
//! The scan does not validate JSON (serde does that next); on malformed input it may count
//! loosely, which only matters if the limits are exceeded anyway.

use crate::error::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimits {
    pub max_depth: usize,
    pub max_string_bytes: usize,
    pub max_array_len: usize,
}

/// An open container: arrays count their elements.
enum Open {
    Object,
    Array {
        elements: usize,
        awaiting_value: bool,
    },
}

/// The first limit `bytes` breaks, as a problem with a stable code and the line and column.
pub fn scan(bytes: &[u8], limits: &JsonLimits) -> Result<(), Problem> {
    let mut stack: Vec<Open> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0usize;
    let mut line = 1usize;
    let mut line_start = 0usize;
    let problem = |code: &str, message: String, at: usize, line: usize, line_start: usize| {
        let column = at - line_start + 1;
        Problem::new(
            "",
            code,
            format!("{message} (line {line}, column {column})"),
        )
    };
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            } else if i - string_start > limits.max_string_bytes {
                return Err(problem(
                    "string_too_long",
                    format!("a string is longer than {} bytes", limits.max_string_bytes),
                    string_start,
                    line,
                    line_start,
                ));
            }
            continue;
        }
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                line += 1;
                line_start = i + 1;
            }
            continue;
        }
        match b {
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Open::Array { awaiting_value, .. }) = stack.last_mut() {
                    *awaiting_value = true;
                }
            }
            b':' => {}
            _ => {
                // A value starts here (or continues, for scalars): count it once per array slot.
                if let Some(Open::Array {
                    elements,
                    awaiting_value,
                }) = stack.last_mut()
                {
                    if *awaiting_value {
                        *awaiting_value = false;
                        *elements += 1;
                        if *elements > limits.max_array_len {
                            return Err(problem(
                                "array_too_long",
                                format!("an array has more than {} elements", limits.max_array_len),
                                i,
                                line,
                                line_start,
                            ));
                        }
                    }
                }
                match b {
                    b'"' => {
                        in_string = true;
                        string_start = i;
                    }
                    b'{' | b'[' => {
                        stack.push(if b == b'[' {
                            Open::Array {
                                elements: 0,
                                awaiting_value: true,
                            }
                        } else {
                            Open::Object
                        });
                        if stack.len() > limits.max_depth {
                            return Err(problem(
                                "json_too_deep",
                                format!("JSON nesting is deeper than {}", limits.max_depth),
                                i,
                                line,
                                line_start,
                            ));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: JsonLimits = JsonLimits {
        max_depth: 3,
        max_string_bytes: 5,
        max_array_len: 2,
    };

    fn code(text: &str) -> Option<String> {
        scan(text.as_bytes(), &LIMITS).err().map(|p| p.code)
    }

    #[test]
    fn within_limits() {
        assert_eq!(code(r#"{"a": [[1, 2], ["abcde", "x\"y"]], "b": {}}"#), None);
        assert_eq!(code("[]"), None);
    }

    #[test]
    fn each_limit() {
        assert_eq!(code("[[[[1]]]]").as_deref(), Some("json_too_deep"));
        assert_eq!(
            code(r#"{"abcdefg": 1}"#).as_deref(),
            Some("string_too_long")
        );
        assert_eq!(code("[1, 2, 3]").as_deref(), Some("array_too_long"));
        assert_eq!(
            code(r#"[{"a": [1,2]}, [3], "x"]"#).as_deref(),
            Some("array_too_long")
        );
    }
}
