//! Adversarial inputs too big to commit, built here from `datasets/adversarial/baseline.wave.json`:
//! 10 MB strings, 100,000-deep JSON nesting, and an order of 100,000 lines. Each must get a
//! precise answer (a correct checked plan, or a 400/422 with the exact problem) in bounded time
//! and memory, and never a panic, a stack overflow or a hang (each runs under a watchdog thread
//! with a 2 MiB stack). Error bodies stay small however big the offending value is.

mod common;
#[path = "adversarial_support.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{http_status, plan_and_check, problem_codes, short, within};
use waveopt::error::Error;
use waveopt::format::{self, Engine, OrderStatus};

const TEN_MB: usize = 10 * 1024 * 1024;
const DEPTH: usize = 100_000;

fn baseline() -> Value {
    let text = std::fs::read_to_string(common::dataset_path("adversarial/baseline.wave.json"))
        .expect("baseline fixture");
    serde_json::from_str(&text).unwrap()
}

/// Parses, validates and plans JSON text as the service would, under a watchdog.
fn answer(name: &str, limit: Duration, text: String) -> Result<format::Plan, Error> {
    answer_with(name, limit, text, Engine::Mip)
}

fn answer_with(
    name: &str,
    limit: Duration,
    text: String,
    engine: Engine,
) -> Result<format::Plan, Error> {
    within(name, limit, move || {
        let wave = format::parse_wave(&text)?;
        plan_and_check(&wave, engine)
    })
}

/// The error must be `status` with exactly these problems, and its body must stay small.
fn assert_error(result: Result<format::Plan, Error>, status: u16, problems: &[(&str, &str)]) {
    let error = result.expect_err("an error was expected, got a plan");
    assert_eq!(http_status(&error), status, "{}", short(&error.to_string()));
    let expected: Vec<(String, String)> = problems
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect();
    if status == 422 {
        let found: Vec<(String, String)> = problem_codes(&error)
            .into_iter()
            .map(|(path, code)| (short(&path), code))
            .collect();
        assert_eq!(found, expected);
    }
    let body = serde_json::to_string(&error.to_body()).unwrap();
    assert!(
        body.len() < 64 * 1024,
        "an error body of {} bytes echoes the input: {}",
        body.len(),
        short(&body)
    );
}

fn huge(letter: char) -> String {
    std::iter::repeat_n(letter, TEN_MB).collect()
}

#[test]
fn a_10_mb_wave_id_is_echoed_in_a_correct_plan() {
    let mut wave = baseline();
    wave["wave_id"] = json!(huge('w'));
    let plan = answer("10mb_wave_id", Duration::from_secs(60), wave.to_string()).unwrap();
    assert_eq!(plan.wave_id.len(), TEN_MB);
}

#[test]
fn a_10_mb_order_id_and_sku_plan_correctly() {
    let mut wave = baseline();
    wave["orders"][0]["id"] = json!(huge('o'));
    wave["orders"][0]["lines"][0]["sku"] = json!(huge('s'));
    let plan = answer("10mb_ids", Duration::from_secs(60), wave.to_string()).unwrap();
    assert_eq!(plan.orders[0].id.len(), TEN_MB);
    assert_eq!(
        plan.orders[0].status,
        OrderStatus::Partial,
        "the 10 MB SKU is stocked nowhere"
    );
}

#[test]
fn a_10_mb_unknown_tier_is_a_422_with_a_small_body() {
    let mut wave = baseline();
    wave["orders"][1]["tier"] = json!(huge('t'));
    let result = answer("10mb_tier", Duration::from_secs(60), wave.to_string());
    assert_error(result, 422, &[("/orders/1/tier", "unknown_tier")]);
}

#[test]
fn a_10_mb_node_kind_is_a_422_with_a_small_body() {
    let mut wave = baseline();
    wave["nodes"][0]["kind"] = json!(huge('k'));
    let result = answer("10mb_kind", Duration::from_secs(60), wave.to_string());
    assert_error(result, 422, &[("/nodes/0/kind", "unknown_variant")]);
}

#[test]
fn a_10_mb_date_is_a_422_with_a_small_body() {
    let mut wave = baseline();
    wave["as_of"] = json!(huge('9'));
    let result = answer("10mb_date", Duration::from_secs(60), wave.to_string());
    assert_error(result, 422, &[("/as_of", "invalid_date")]);
}

#[test]
fn a_10_mb_unknown_field_name_is_a_422_with_a_small_body() {
    let text = format!("{{\"{}\": 1}}", huge('f'));
    let result = answer("10mb_field", Duration::from_secs(60), text);
    // The pointer names the field, clipped to 256 bytes plus a note of its length.
    let path = format!("/{}… ({TEN_MB} bytes)", "f".repeat(256));
    let error = result.expect_err("an error");
    assert_eq!(problem_codes(&error), [(path, "unknown_field".to_string())]);
    assert_error(
        Err(error),
        422,
        &[(&short(&format!("/{}", "f".repeat(256))), "unknown_field")],
    );
}

#[test]
fn empty_and_whitespace_bodies_are_400() {
    for body in ["", " ", "\n\t", "null", "[]", "{}", "\u{feff}{}"] {
        let result = answer("empty", Duration::from_secs(10), body.to_string());
        let error = result.expect_err("an error");
        assert!(
            matches!(http_status(&error), 400 | 422),
            "{body:?}: {error}"
        );
    }
}

fn nested(open: &str, depth: usize) -> String {
    open.repeat(depth)
}

#[test]
fn deep_nesting_at_the_top_is_refused_without_overflowing_the_stack() {
    for (name, text) in [
        ("arrays", nested("[", DEPTH)),
        ("objects", nested("{\"a\":", DEPTH)),
        (
            "closed",
            format!("{}{}", nested("[", DEPTH), "]".repeat(DEPTH)),
        ),
    ] {
        let started = Instant::now();
        let error = answer(name, Duration::from_secs(20), text).expect_err("an error");
        let status = http_status(&error);
        assert!(matches!(status, 400 | 422), "{name}: {error}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn deep_nesting_inside_a_field_is_refused_without_overflowing_the_stack() {
    let mut wave = baseline();
    wave["orders"] = json!("PLACEHOLDER");
    let text = wave
        .to_string()
        .replace("\"PLACEHOLDER\"", &nested("[", DEPTH));
    let result = answer("nested_orders", Duration::from_secs(20), text);
    assert_error(result, 422, &[("/orders/0/0", "wrong_type")]);

    let text = format!("{{\"wave_id\": {}", nested("{\"a\":", DEPTH));
    let result = answer("nested_wave_id", Duration::from_secs(20), text);
    assert_error(result, 422, &[("/wave_id", "wrong_type")]);
}

#[test]
fn deep_nesting_in_a_plan_is_refused_without_overflowing_the_stack() {
    let text = format!("{{\"wave_id\": \"w\", \"status\": {}", nested("[", DEPTH));
    let error = within("nested_plan", Duration::from_secs(20), move || {
        format::parse_plan(&text).err()
    })
    .expect("an error");
    assert!(matches!(http_status(&error), 400 | 422), "{error}");
}

/// One order of `lines` lines over 500 SKUs, stocked at both nodes of the baseline.
fn long_order(lines: usize) -> String {
    let mut wave = baseline();
    let lines: Vec<Value> = (0..lines)
        .map(
            |i| json!({"id": format!("L{i}"), "sku": format!("SKU-{}", i % 500), "qty": 1 + i % 3}),
        )
        .collect();
    wave["orders"] = json!([{
        "id": "BIG", "channel": "edi", "customer": "ACME",
        "ship_to": {"lat": 40.71, "lon": -74.01}, "lines": lines,
    }]);
    let stock: Vec<Value> = (0..500)
        .flat_map(|s| {
            [
                json!({"node": "DC-E", "sku": format!("SKU-{s}"), "on_hand": 300}),
                json!({"node": "DC-W", "sku": format!("SKU-{s}"), "on_hand": 150}),
            ]
        })
        .collect();
    wave["inventory"] = json!(stock);
    wave["options"]["time_limit_ms"] = json!(10_000);
    wave.to_string()
}

fn assert_long_order_planned(plan: &format::Plan, lines: usize) {
    let order = &plan.orders[0];
    assert_eq!(
        order.status,
        OrderStatus::Filled,
        "the stock covers the order"
    );
    let shipped: i64 = order
        .shipments
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| l.qty))
        .sum();
    let demanded: i64 = (0..lines as i64).map(|i| 1 + i % 3).sum();
    assert_eq!(shipped, demanded);
    assert_eq!(plan.kpis.units_demanded, demanded);
}

#[test]
fn an_order_of_100_000_lines_gets_a_checked_greedy_plan_in_seconds() {
    let started = Instant::now();
    let text = long_order(100_000);
    let plan = answer_with("100k_lines", Duration::from_secs(120), text, Engine::Greedy).unwrap();
    eprintln!(
        "100,000 lines, greedy plan + checker: {:?}",
        started.elapsed()
    );
    assert_long_order_planned(&plan, 100_000);
}

#[test]
fn an_order_of_2_000_lines_gets_a_checked_mip_plan() {
    let started = Instant::now();
    let plan = answer("2k_lines", Duration::from_secs(120), long_order(2_000)).unwrap();
    eprintln!("2,000 lines, MIP plan + checker: {:?}", started.elapsed());
    assert_long_order_planned(&plan, 2_000);
}

/// HiGHS's MIP presolve (clique extraction while probing) is quadratic in the lines of one order
/// and does not watch the time limit (20,000 lines: 78 s for a 5 s limit), so the MIP engine
/// plans orders above `Tuning::max_lines_per_order_for_mip` lines greedily and says so.
#[test]
fn an_order_of_100_000_lines_gets_a_checked_mip_engine_plan_within_its_time_limit() {
    let started = Instant::now();
    let plan = answer(
        "100k_lines_mip",
        Duration::from_secs(60),
        long_order(100_000),
    )
    .unwrap();
    eprintln!("100,000 lines, MIP engine: {:?}", started.elapsed());
    assert_long_order_planned(&plan, 100_000);
    assert!(
        plan.solver
            .notes
            .iter()
            .any(|n| n.contains("planned greedily")),
        "{:?}",
        plan.solver.notes
    );
}
