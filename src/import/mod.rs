//! Importers: public benchmark instances turned into waves.
//!
//! Each importer reads a foreign text format and produces a plain [`Wave`](crate::format::Wave),
//! so that the whole pipeline (validation, model, solvers, checker) runs on it unchanged.
//! Parse errors are [`Error::Invalid`](crate::Error::Invalid) problems whose path is
//! `/line/N` (1-based line of the input text), never panics.

pub mod orlib;

pub use orlib::{orlib_cap_to_wave, CapInstance, CapWarehouse, Customer};
