//! Helpers of the adversarial suites (`tests/adversarial*.rs`, which include this file with
//! `#[path]`): run an input under a watchdog thread, and turn whatever the library answers into
//! the HTTP class the service would give (SPEC.md §4). Its own tests check the watchdog.
#![allow(dead_code)]

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use waveopt::error::Error;
use waveopt::format::{Engine, Plan, Wave};

/// Runs `work` on its own thread (default 2 MiB stack, smaller than the main thread's) and
/// returns its result. A panic or no answer within `limit` fails the calling test by name.
pub fn within<T: Send + 'static>(
    name: &str,
    limit: Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (send, receive) = mpsc::channel();
    let worker = thread::Builder::new()
        .name(short(name).replace('\0', "\\0"))
        .spawn(move || {
            let _ = send.send(work());
        })
        .expect("spawn a worker");
    match receive.recv_timeout(limit) {
        Ok(value) => {
            let _ = worker.join();
            value
        }
        Err(RecvTimeoutError::Timeout) => panic!("{name}: no answer within {limit:?} (a hang)"),
        Err(RecvTimeoutError::Disconnected) => {
            let cause = worker.join().err().map(|p| panic_message(&*p));
            panic!("{name}: panicked: {}", cause.unwrap_or_default())
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a non-string panic".to_string()
    }
}

/// The HTTP status the service gives an error (SPEC.md §4, docs/errors.md).
pub fn http_status(error: &Error) -> u16 {
    match error {
        Error::Malformed { .. } => 400,
        Error::Invalid(_) => 422,
        Error::TooLarge(_) => 413,
        Error::Io { .. } | Error::Solver(_) => 500,
    }
}

/// Plans a wave with its own options on one thread (MIP unless told otherwise), and runs the
/// independent checker on the plan, panicking with every violation.
pub fn plan_and_check(wave: &Wave, engine: Engine) -> Result<Plan, Error> {
    let mut options = wave.options.clone();
    options.engine = engine;
    options.threads = Some(1);
    let plan = waveopt::plan(wave, &options)?;
    let violations = waveopt::checker::check(wave, &plan);
    assert!(
        violations.is_empty(),
        "{} plan of {} fails the checker: {violations:#?}",
        engine.as_str(),
        short(&wave.wave_id)
    );
    Ok(plan)
}

/// At most 80 characters of a possibly huge id, for messages.
pub fn short(text: &str) -> String {
    text.chars().take(80).collect()
}

/// `(path, code)` of every problem of an error, in order.
pub fn problem_codes(error: &Error) -> Vec<(String, String)> {
    error
        .details()
        .into_iter()
        .map(|p| (p.path, p.code))
        .collect()
}

#[test]
fn the_watchdog_reports_a_hang() {
    let hang = std::panic::catch_unwind(|| {
        within("sleeper", Duration::from_millis(50), || {
            thread::sleep(Duration::from_secs(2))
        })
    });
    let message = panic_message(&*hang.expect_err("a hang must fail"));
    assert!(message.contains("a hang"), "{message}");
}

#[test]
fn the_watchdog_reports_a_panic_and_passes_results_through() {
    let crash =
        std::panic::catch_unwind(|| within("crasher", Duration::from_secs(5), || panic!("boom")));
    let message = panic_message(&*crash.expect_err("a panic must fail"));
    assert!(message.contains("panicked: boom"), "{message}");
    assert_eq!(within("adder", Duration::from_secs(5), || 2 + 2), 4);
}
