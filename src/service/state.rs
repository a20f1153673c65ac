//! What every handler shares: the configuration, the solve pool, the metrics, the readiness
//! cache and the OpenAPI document (rendered once).

use std::sync::Arc;
use std::time::Instant;

use super::config::ServiceConfig;
use super::jobs::Jobs;
use super::limits::JsonLimits;
use super::metrics::Metrics;
use super::pool::SolvePool;

/// Cheap to clone: everything sits behind one `Arc`.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    config: ServiceConfig,
    pool: SolvePool,
    metrics: Metrics,
    /// When readiness was last established, and whether it passed.
    readiness: tokio::sync::Mutex<Option<(Instant, bool)>>,
    openapi_json: String,
    jobs: Jobs,
}

impl AppState {
    pub fn new(config: ServiceConfig) -> Self {
        let pool = SolvePool::new(config.pool_size, config.queue_size);
        let openapi_json = super::openapi::document_json();
        // `ServeArgs::resolve` has checked the store's URL already.
        let jobs = Jobs::open(config.jobs.clone()).expect("a valid job store URL");
        AppState {
            inner: Arc::new(Inner {
                config,
                pool,
                metrics: Metrics::default(),
                readiness: tokio::sync::Mutex::new(None),
                openapi_json,
                jobs,
            }),
        }
    }

    pub fn config(&self) -> &ServiceConfig {
        &self.inner.config
    }

    pub fn pool(&self) -> &SolvePool {
        &self.inner.pool
    }

    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    pub fn jobs(&self) -> &Jobs {
        &self.inner.jobs
    }

    pub fn json_limits(&self) -> JsonLimits {
        let c = &self.inner.config;
        JsonLimits {
            max_depth: c.max_json_depth,
            max_string_bytes: c.max_string_bytes,
            max_array_len: c.max_array_len,
        }
    }

    pub(super) fn readiness(&self) -> &tokio::sync::Mutex<Option<(Instant, bool)>> {
        &self.inner.readiness
    }

    pub(super) fn openapi_json(&self) -> &str {
        &self.inner.openapi_json
    }
}
