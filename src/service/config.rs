//! Service configuration: `waveopt serve` flags, each with a `WAVEOPT_*` environment variable
//! as fallback (clap's `env`), and the defaults. A flag beats its variable; the variable beats
//! the default.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use clap::{Args, ValueEnum};

/// How log lines are written to stderr.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// One JSON object per line (for log shippers).
    Json,
    /// Human-readable lines.
    Text,
}

/// The defaults, shared by [`ServiceConfig::default`] and the flags.
pub mod defaults {
    pub const PORT: u16 = 8080;
    pub const MAX_BODY_BYTES: usize = 256 * 1024 * 1024;
    pub const MAX_ORDERS: usize = 200_000;
    pub const MAX_JSON_DEPTH: usize = 32;
    pub const MAX_STRING_BYTES: usize = 4096;
    pub const MAX_ARRAY_LEN: usize = 2_000_000;
    pub const MAX_TIME_LIMIT_MS: i64 = 60_000;
    pub const SOLVER_THREADS: i64 = 1;
    pub const RETRY_AFTER_SECS: u64 = 2;
    pub const BODY_TIMEOUT_MS: u64 = 60_000;
}

/// The effective configuration of one server.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    pub bind: IpAddr,
    pub port: u16,
    /// A second port that serves only `GET /metrics`, without an API key, for a scraper that
    /// reaches the pod directly; `None`: `/metrics` only on `port`, behind the keys.
    pub metrics_port: Option<u16>,
    /// Largest accepted request body, in bytes (413 above).
    pub max_body_bytes: usize,
    /// Most orders in one wave (413 above).
    pub max_orders: usize,
    /// Deepest JSON nesting accepted (413 above); a wave needs 5.
    pub max_json_depth: usize,
    /// Longest JSON string accepted, in bytes (413 above).
    pub max_string_bytes: usize,
    /// Most elements in one JSON array (413 above).
    pub max_array_len: usize,
    /// Solves that run at once (one OS thread each).
    pub pool_size: usize,
    /// Waves that may wait for a solver beyond those running; more get 503.
    pub queue_size: usize,
    /// Upper bound on `options.time_limit_ms`.
    pub max_time_limit_ms: i64,
    /// HiGHS threads per solve; fixed for every request, so that replicas can be sized by it.
    pub solver_threads: i64,
    /// Seconds announced in `Retry-After` on 503.
    pub retry_after_secs: u64,
    /// Longest silence while a request body arrives (408 beyond): slow senders hold no slot.
    pub body_timeout_ms: u64,
    /// Accepted bearer tokens; empty: no authentication.
    pub api_keys: Vec<String>,
    pub log_format: LogFormat,
    /// Test hook: a wave whose `wave_id` is [`PANIC_WAVE_ID`] panics inside the solve.
    pub fault_injection: bool,
    /// Plan jobs: store, TTL, lease.
    pub jobs: super::jobs::JobsConfig,
}

/// The `wave_id` that triggers the fault-injection panic (only with `fault_injection`).
pub const PANIC_WAVE_ID: &str = "__waveopt_fault_injection_panic__";

impl Default for ServiceConfig {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        ServiceConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: defaults::PORT,
            metrics_port: None,
            max_body_bytes: defaults::MAX_BODY_BYTES,
            max_orders: defaults::MAX_ORDERS,
            max_json_depth: defaults::MAX_JSON_DEPTH,
            max_string_bytes: defaults::MAX_STRING_BYTES,
            max_array_len: defaults::MAX_ARRAY_LEN,
            pool_size: cores,
            queue_size: 2 * cores,
            max_time_limit_ms: defaults::MAX_TIME_LIMIT_MS,
            solver_threads: defaults::SOLVER_THREADS,
            retry_after_secs: defaults::RETRY_AFTER_SECS,
            body_timeout_ms: defaults::BODY_TIMEOUT_MS,
            api_keys: Vec::new(),
            log_format: LogFormat::Json,
            fault_injection: false,
            jobs: super::jobs::JobsConfig::default(),
        }
    }
}

impl ServiceConfig {
    pub fn socket_addr(&self) -> SocketAddr {
        SocketAddr::new(self.bind, self.port)
    }

    /// Where the metrics-only listener binds, when one is configured.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_port
            .map(|port| SocketAddr::new(self.bind, port))
    }
}

/// `waveopt serve` arguments. Every flag also reads the `WAVEOPT_*` variable its help names; a
/// malformed variable is a usage error naming it.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to bind; use 0.0.0.0 in containers.
    #[arg(long, env = "WAVEOPT_BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// TCP port.
    #[arg(long, env = "WAVEOPT_PORT", default_value_t = defaults::PORT)]
    pub port: u16,
    /// Also serve GET /metrics, without an API key, on this port (for a scraper).
    #[arg(long, env = "WAVEOPT_METRICS_PORT")]
    pub metrics_port: Option<u16>,
    /// Largest request body in bytes, after gzip decoding.
    #[arg(long, env = "WAVEOPT_MAX_BODY_BYTES", default_value_t = defaults::MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
    /// Most orders per wave.
    #[arg(long, env = "WAVEOPT_MAX_ORDERS", default_value_t = defaults::MAX_ORDERS)]
    pub max_orders: usize,
    /// Deepest JSON nesting.
    #[arg(long, env = "WAVEOPT_MAX_JSON_DEPTH", default_value_t = defaults::MAX_JSON_DEPTH)]
    pub max_json_depth: usize,
    /// Longest JSON string in bytes.
    #[arg(long, env = "WAVEOPT_MAX_STRING_BYTES", default_value_t = defaults::MAX_STRING_BYTES)]
    pub max_string_bytes: usize,
    /// Most elements per JSON array.
    #[arg(long, env = "WAVEOPT_MAX_ARRAY_LEN", default_value_t = defaults::MAX_ARRAY_LEN)]
    pub max_array_len: usize,
    /// Concurrent solves [default: the number of cores].
    #[arg(long, env = "WAVEOPT_POOL_SIZE")]
    pub pool_size: Option<usize>,
    /// Waves allowed to wait for a solver [default: 2 × the number of cores].
    #[arg(long, env = "WAVEOPT_QUEUE_SIZE")]
    pub queue_size: Option<usize>,
    /// Cap on options.time_limit_ms.
    #[arg(long, env = "WAVEOPT_MAX_TIME_LIMIT_MS", default_value_t = defaults::MAX_TIME_LIMIT_MS)]
    pub max_time_limit_ms: i64,
    /// HiGHS threads per solve.
    #[arg(long, env = "WAVEOPT_SOLVER_THREADS", default_value_t = defaults::SOLVER_THREADS)]
    pub solver_threads: i64,
    /// Retry-After seconds on 503.
    #[arg(long, env = "WAVEOPT_RETRY_AFTER_SECS", default_value_t = defaults::RETRY_AFTER_SECS)]
    pub retry_after_secs: u64,
    /// Longest silence while a request body arrives, in ms (408 beyond).
    #[arg(long, env = "WAVEOPT_BODY_TIMEOUT_MS", default_value_t = defaults::BODY_TIMEOUT_MS)]
    pub body_timeout_ms: u64,
    /// Log format.
    #[arg(long, env = "WAVEOPT_LOG_FORMAT", value_enum, default_value = "json")]
    pub log_format: LogFormat,
    /// Test hook (never in production): lets a wave with a reserved id panic inside the solve.
    #[arg(long, hide = true)]
    pub fault_injection: bool,
    #[command(flatten)]
    pub jobs: super::jobs::JobArgs,
}

/// The variable API keys are read from (comma-separated). There is deliberately no flag for
/// them, so that they never show in a process list.
pub const API_KEYS_VAR: &str = "WAVEOPT_API_KEYS";

impl ServeArgs {
    /// The configuration these arguments describe, with `api_keys` (the value of
    /// [`API_KEYS_VAR`], if set). Counts are raised to their minimum of 1 where 0 is meaningless;
    /// an unusable job store is an error.
    pub fn into_config(self, api_keys: Option<&str>) -> Result<ServiceConfig, String> {
        let d = ServiceConfig::default();
        Ok(ServiceConfig {
            bind: self.bind,
            port: self.port,
            metrics_port: self.metrics_port,
            max_body_bytes: self.max_body_bytes,
            max_orders: self.max_orders,
            max_json_depth: self.max_json_depth,
            max_string_bytes: self.max_string_bytes,
            max_array_len: self.max_array_len,
            pool_size: self.pool_size.unwrap_or(d.pool_size).max(1),
            queue_size: self.queue_size.unwrap_or(d.queue_size),
            max_time_limit_ms: self.max_time_limit_ms.max(1),
            solver_threads: self.solver_threads.max(1),
            retry_after_secs: self.retry_after_secs,
            body_timeout_ms: self.body_timeout_ms.max(1),
            api_keys: api_keys.map(parse_keys).unwrap_or_default(),
            log_format: self.log_format,
            fault_injection: self.fault_injection,
            jobs: self.jobs.resolve()?,
        })
    }
}

/// Splits `WAVEOPT_API_KEYS` on commas, trimming blanks and dropping empty entries.
pub fn parse_keys(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}
