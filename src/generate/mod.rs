//! Deterministic wave generator (placeholder until the generator lands).
