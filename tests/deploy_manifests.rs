//! The Kubernetes manifests in `deploy/` agree with the service's configuration: the scraper's
//! port is the metrics port (which needs no API key) and stays out of the Service, and the
//! grace period covers the longest wait of a wave admitted just before SIGTERM.

use std::path::Path;

fn manifest(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("deploy")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `key: value` on the first line that has it, quotes stripped.
fn value<'a>(text: &'a str, key: &str) -> &'a str {
    let prefix = format!("{key}:");
    text.lines()
        .find_map(|line| line.trim().strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {key} in the manifest"))
        .trim()
        .trim_matches('"')
}

/// The value of `- {name: NAME, value: "…"}` in the container's env.
fn env(text: &str, name: &str) -> u64 {
    let prefix = format!("- {{name: {name}, value: \"");
    let rest = text
        .lines()
        .find_map(|line| line.trim().strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("no {name} in the manifest's env"));
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

#[test]
fn the_scraper_reads_the_key_free_metrics_port() {
    let deployment = manifest("deployment.yaml");
    let metrics_port = env(&deployment, "WAVEOPT_METRICS_PORT");
    assert_eq!(
        value(&deployment, "prometheus.io/port"),
        metrics_port.to_string()
    );
    assert_eq!(value(&deployment, "prometheus.io/path"), "/metrics");
    assert_ne!(metrics_port, env(&deployment, "WAVEOPT_PORT"));
    let service = manifest("service.yaml");
    assert!(
        !service.contains(&metrics_port.to_string()) && !service.contains("metrics"),
        "the metrics port stays inside the cluster network, out of the Service:\n{service}"
    );
}

#[test]
fn the_grace_period_covers_the_longest_admitted_wait() {
    let deployment = manifest("deployment.yaml");
    let pool = env(&deployment, "WAVEOPT_POOL_SIZE");
    let queue = env(&deployment, "WAVEOPT_QUEUE_SIZE");
    let solve_secs = env(&deployment, "WAVEOPT_MAX_TIME_LIMIT_MS").div_ceil(1000);
    // The last admitted wave waits for ceil(queue / pool) rounds of solves, then runs one.
    let longest_wait = (queue.div_ceil(pool) + 1) * solve_secs;
    let pre_stop: u64 = deployment
        .lines()
        .find_map(|l| l.trim().strip_prefix("exec: {command: [\"sleep\", \""))
        .and_then(|rest| rest.split('"').next())
        .expect("a preStop sleep")
        .parse()
        .unwrap();
    let grace: u64 = value(&deployment, "terminationGracePeriodSeconds")
        .parse()
        .unwrap();
    // Parsing, assembling and sending an XL plan take seconds, not minutes.
    let slack = 20;
    assert!(
        grace >= pre_stop + longest_wait + slack,
        "terminationGracePeriodSeconds {grace} < {pre_stop} s preStop + {longest_wait} s \
         (pool {pool}, queue {queue}, {solve_secs} s solves) + {slack} s"
    );
}
