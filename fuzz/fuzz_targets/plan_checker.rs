//! cargo-fuzz entry point; the harness (and its oracles) is `waveopt_fuzz::plan_checker`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| waveopt_fuzz::plan_checker(data));
