//! The HTTP service (`waveopt serve`): an axum API an OMS calls every wave. See `docs/http.md`.
//!
//! - [`app`] builds the router from an [`AppState`]; tests drive it with `oneshot`.
//! - [`serve`] binds, serves and shuts down gracefully: on SIGTERM or ctrl-c it stops accepting
//!   and waits for the waves in flight.
//! - Parsing and solving run in the bounded [`pool`]; errors take SPEC.md §4's shape
//!   ([`errors`]); gzip, body limits, request ids, access logs and metrics come from
//!   [`middleware`].
//! - With a metrics port configured, [`serve`] also answers `GET /metrics` there, without an
//!   API key ([`metrics_app`]), for a scraper that reaches the pod directly.

pub mod config;
pub mod convert;
pub mod errors;
pub mod handlers;
pub mod jobs;
pub mod limits;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod planner;
pub mod pool;
pub mod readiness;
pub mod scenarios;
pub mod schema;
pub mod state;
pub mod upload;

use std::future::{Future, IntoFuture};
use std::process::ExitCode;

use axum::routing::{get, post};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;

pub use crate::format::assignments_csv;
pub use config::{LogFormat, ServeArgs, ServiceConfig};
pub use state::AppState;

use crate::error::{Error, Problem};
use errors::ApiError;

/// The whole API. `/healthz`, `/readyz` and `/openapi.json` are public; `/v1/*` and
/// `/metrics` need an API key when keys are configured.
pub fn app(state: AppState) -> Router {
    let protected = Router::new()
        .route("/v1/plan", post(handlers::plan))
        .route("/v1/validate", post(handlers::validate))
        .route("/v1/scenarios", post(scenarios::scenarios))
        .route("/v1/jobs", post(jobs::handlers::submit))
        .route(
            "/v1/jobs/{id}",
            get(jobs::handlers::status).delete(jobs::handlers::cancel),
        )
        .route("/v1/convert/wave", post(convert::convert_wave))
        .route("/v1/convert/scenario", post(convert::convert_scenario))
        .route("/v1/datasets", get(planner::datasets))
        .route("/v1/datasets/{name}", get(planner::dataset))
        .route("/metrics", get(handlers::metrics))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::require_api_key,
        ));
    let public = Router::new()
        .route("/healthz", get(handlers::healthz))
        .route("/readyz", get(handlers::readyz))
        .route("/openapi.json", get(handlers::openapi))
        .merge(planner::page_routes());
    let router = protected
        .merge(public)
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .layer(CatchPanicLayer::custom(
            |payload: Box<dyn std::any::Any + Send>| {
                tracing::error!(panic = %pool::panic_message(payload.as_ref()), "handler panicked");
                axum::response::IntoResponse::into_response(ApiError::Internal)
            },
        ))
        .with_state(state.clone());
    middleware::layered(router, &state)
}

/// Only `GET /metrics`, without an API key: what the metrics port serves.
pub fn metrics_app(state: AppState) -> Router {
    let router = Router::new()
        .route("/metrics", get(handlers::metrics))
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state.clone());
    middleware::layered(router, &state)
}

/// Binds the configured addresses and serves until SIGTERM or ctrl-c.
pub async fn serve(config: ServiceConfig) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.socket_addr()).await?;
    let state = AppState::new(config);
    let Some(metrics_addr) = state.config().metrics_addr() else {
        return serve_on(listener, state, shutdown_signal()).await;
    };
    let metrics_listener = tokio::net::TcpListener::bind(metrics_addr).await?;
    tracing::info!(address = %metrics_addr, "metrics served without an API key");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut stop_rx = stop_rx;
    let api_stopped = async move {
        let _ = stop_rx.wait_for(|stop| *stop).await;
    };
    let metrics = axum::serve(metrics_listener, metrics_app(state.clone()))
        .with_graceful_shutdown(api_stopped);
    let api = async move {
        let served = serve_on(listener, state, shutdown_signal()).await;
        let _ = stop_tx.send(true);
        served
    };
    let (api, metrics) = tokio::join!(api, metrics.into_future());
    api.and(metrics)
}

/// Serves on `listener` until `shutdown` completes, then finishes the requests in flight.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let c = state.config();
    tracing::info!(
        address = %listener.local_addr()?,
        pool_size = c.pool_size,
        queue_size = c.queue_size,
        solver_threads = c.solver_threads,
        max_time_limit_ms = c.max_time_limit_ms,
        max_body_bytes = c.max_body_bytes,
        max_orders = c.max_orders,
        api_keys = c.api_keys.len(),
        "waveopt serving"
    );
    jobs::start_sweeper(&state);
    let jobs = state.jobs().clone();
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await?;
    jobs::finish_local_jobs(&jobs).await;
    tracing::info!("waveopt stopped: every request in flight has been answered");
    Ok(())
}

/// Completes on SIGTERM (Kubernetes) or ctrl-c.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown requested: finishing the waves in flight");
}

/// Installs the global log subscriber (stderr; filter from `WAVEOPT_LOG`, default `info`).
pub fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("WAVEOPT_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = match format {
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// `waveopt serve`: resolves the configuration, starts a runtime and serves.
pub fn run_cli(args: ServeArgs) -> Result<ExitCode, Error> {
    let config = args
        .into_config(std::env::var(config::API_KEYS_VAR).ok().as_deref())
        .map_err(|m| Error::Invalid(vec![Problem::new("", "bad_config", m)]))?;
    init_logging(config.log_format);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io {
            path: "tokio runtime".to_string(),
            source,
        })?;
    let address = config.socket_addr();
    runtime
        .block_on(serve(config))
        .map_err(|source| Error::Io {
            path: address.to_string(),
            source,
        })?;
    Ok(ExitCode::SUCCESS)
}
