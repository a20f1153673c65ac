//! Service configuration: `waveopt serve` flags, each with a `WAVEOPT_*` environment variable
//! as fallback, and the defaults. A flag beats its variable; the variable beats the default.

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

/// The effective configuration of one server.
#[derive(Clone, Debug)]
pub struct ServiceConfig {
    pub bind: IpAddr,
    pub port: u16,
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
    /// Time allowed to receive a whole request body (408 beyond): slow senders hold no slot.
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
            port: 8080,
            max_body_bytes: 256 * 1024 * 1024,
            max_orders: 200_000,
            max_json_depth: 32,
            max_string_bytes: 4096,
            max_array_len: 2_000_000,
            pool_size: cores,
            queue_size: 2 * cores,
            max_time_limit_ms: 60_000,
            solver_threads: 1,
            retry_after_secs: 2,
            body_timeout_ms: 60_000,
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
}

/// `waveopt serve` arguments. Every flag also reads the environment variable named in its help.
#[derive(Args, Debug, Default)]
pub struct ServeArgs {
    /// Address to bind [env WAVEOPT_BIND; default 127.0.0.1; use 0.0.0.0 in containers].
    #[arg(long)]
    pub bind: Option<IpAddr>,
    /// TCP port [env WAVEOPT_PORT; default 8080].
    #[arg(long)]
    pub port: Option<u16>,
    /// Largest request body in bytes [env WAVEOPT_MAX_BODY_BYTES; default 268435456].
    #[arg(long)]
    pub max_body_bytes: Option<usize>,
    /// Most orders per wave [env WAVEOPT_MAX_ORDERS; default 200000].
    #[arg(long)]
    pub max_orders: Option<usize>,
    /// Deepest JSON nesting [env WAVEOPT_MAX_JSON_DEPTH; default 32].
    #[arg(long)]
    pub max_json_depth: Option<usize>,
    /// Longest JSON string in bytes [env WAVEOPT_MAX_STRING_BYTES; default 4096].
    #[arg(long)]
    pub max_string_bytes: Option<usize>,
    /// Most elements per JSON array [env WAVEOPT_MAX_ARRAY_LEN; default 2000000].
    #[arg(long)]
    pub max_array_len: Option<usize>,
    /// Concurrent solves [env WAVEOPT_POOL_SIZE; default: number of cores].
    #[arg(long)]
    pub pool_size: Option<usize>,
    /// Waves allowed to wait for a solver [env WAVEOPT_QUEUE_SIZE; default 2 × cores].
    #[arg(long)]
    pub queue_size: Option<usize>,
    /// Cap on options.time_limit_ms [env WAVEOPT_MAX_TIME_LIMIT_MS; default 60000].
    #[arg(long)]
    pub max_time_limit_ms: Option<i64>,
    /// HiGHS threads per solve [env WAVEOPT_SOLVER_THREADS; default 1].
    #[arg(long)]
    pub solver_threads: Option<i64>,
    /// Retry-After seconds on 503 [env WAVEOPT_RETRY_AFTER_SECS; default 2].
    #[arg(long)]
    pub retry_after_secs: Option<u64>,
    /// Time to receive a request body, ms [env WAVEOPT_BODY_TIMEOUT_MS; default 60000].
    #[arg(long)]
    pub body_timeout_ms: Option<u64>,
    /// Log format [env WAVEOPT_LOG_FORMAT; default json].
    #[arg(long, value_enum)]
    pub log_format: Option<LogFormat>,
    /// Reads no flag: API keys come only from WAVEOPT_API_KEYS (comma-separated), so that they
    /// never show in a process list.
    #[arg(skip)]
    pub api_keys: Option<Vec<String>>,
    /// Test hook (never in production): lets a wave with a reserved id panic inside the solve.
    #[arg(long, hide = true)]
    pub fault_injection: bool,
    #[command(flatten)]
    pub jobs: super::jobs::JobArgs,
}

impl ServeArgs {
    /// Resolves flags, then environment variables, then defaults. A malformed variable is an
    /// error naming it.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> Result<ServiceConfig, String> {
        let d = ServiceConfig::default();
        let keys = match self.api_keys {
            Some(keys) => keys,
            None => env("WAVEOPT_API_KEYS")
                .map(|v| parse_keys(&v))
                .unwrap_or_default(),
        };
        let log_format = match self.log_format {
            Some(f) => f,
            None => match env("WAVEOPT_LOG_FORMAT").as_deref() {
                None | Some("json") => LogFormat::Json,
                Some("text") => LogFormat::Text,
                Some(other) => {
                    return Err(format!(
                        "WAVEOPT_LOG_FORMAT: expected json or text, got {other:?}"
                    ))
                }
            },
        };
        let config = ServiceConfig {
            bind: pick(self.bind, &env, "WAVEOPT_BIND", d.bind)?,
            port: pick(self.port, &env, "WAVEOPT_PORT", d.port)?,
            max_body_bytes: pick(
                self.max_body_bytes,
                &env,
                "WAVEOPT_MAX_BODY_BYTES",
                d.max_body_bytes,
            )?,
            max_orders: pick(self.max_orders, &env, "WAVEOPT_MAX_ORDERS", d.max_orders)?,
            max_json_depth: pick(
                self.max_json_depth,
                &env,
                "WAVEOPT_MAX_JSON_DEPTH",
                d.max_json_depth,
            )?,
            max_string_bytes: pick(
                self.max_string_bytes,
                &env,
                "WAVEOPT_MAX_STRING_BYTES",
                d.max_string_bytes,
            )?,
            max_array_len: pick(
                self.max_array_len,
                &env,
                "WAVEOPT_MAX_ARRAY_LEN",
                d.max_array_len,
            )?,
            pool_size: pick(self.pool_size, &env, "WAVEOPT_POOL_SIZE", d.pool_size)?.max(1),
            queue_size: pick(self.queue_size, &env, "WAVEOPT_QUEUE_SIZE", d.queue_size)?,
            max_time_limit_ms: pick(
                self.max_time_limit_ms,
                &env,
                "WAVEOPT_MAX_TIME_LIMIT_MS",
                d.max_time_limit_ms,
            )?
            .max(1),
            solver_threads: pick(
                self.solver_threads,
                &env,
                "WAVEOPT_SOLVER_THREADS",
                d.solver_threads,
            )?
            .max(1),
            retry_after_secs: pick(
                self.retry_after_secs,
                &env,
                "WAVEOPT_RETRY_AFTER_SECS",
                d.retry_after_secs,
            )?,
            body_timeout_ms: pick(
                self.body_timeout_ms,
                &env,
                "WAVEOPT_BODY_TIMEOUT_MS",
                d.body_timeout_ms,
            )?
            .max(1),
            api_keys: keys,
            log_format,
            fault_injection: self.fault_injection,
            jobs: self.jobs.resolve()?,
        };
        Ok(config)
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

fn pick<T: std::str::FromStr>(
    flag: Option<T>,
    env: &impl Fn(&str) -> Option<String>,
    var: &str,
    default: T,
) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    if let Some(v) = flag {
        return Ok(v);
    }
    match env(var) {
        Some(text) => text
            .trim()
            .parse()
            .map_err(|e| format!("{var}={text:?}: {e}")),
        None => Ok(default),
    }
}
