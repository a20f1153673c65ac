//! Solving a job on this replica: wait for a solver slot in the pool `/v1/plan` uses, claim the
//! job, solve it under a cancel flag, heartbeat meanwhile (lease, progress, `DELETE`), and write
//! the outcome. Also the sweeper, which takes over jobs whose replica died.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::model::{JobProgress, JobStage, JobStatus};
use super::store::Outcome;
use super::Jobs;
use crate::error::ErrorBody;
use crate::service::config::PANIC_WAVE_ID;
use crate::service::errors::ApiError;
use crate::service::handlers::effective_options;
use crate::service::pool::{Admission, JobFailure};
use crate::service::state::AppState;
use crate::solver::progress::{self, Watch};

/// What the heartbeat reads while the solve runs.
struct Live {
    time_limit_ms: i64,
    inner: Mutex<LiveInner>,
}

#[derive(Default)]
struct LiveInner {
    solving_since: Option<Instant>,
    finished: bool,
    watch: Option<Arc<Watch>>,
}

impl Live {
    fn progress(&self, cancel_requested: bool) -> JobProgress {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let figures = inner
            .watch
            .as_ref()
            .map(|w| w.figures())
            .unwrap_or_default();
        let stage = match (inner.solving_since, inner.finished) {
            (_, true) => JobStage::Finished,
            (Some(_), false) => JobStage::Solving,
            (None, false) => JobStage::Queued,
        };
        JobProgress {
            stage,
            elapsed_ms: inner
                .solving_since
                .map_or(0, |t| t.elapsed().as_millis() as u64),
            time_limit_ms: self.time_limit_ms,
            highs_runs: figures.runs,
            objective: figures.objective,
            bound: figures.bound,
            gap: figures.gap,
            cancel_requested,
        }
    }

    fn update(&self, change: impl FnOnce(&mut LiveInner)) {
        change(&mut self.inner.lock().unwrap_or_else(|p| p.into_inner()));
    }
}

/// The first progress of a job, before it runs.
pub(super) fn queued_progress(time_limit_ms: i64) -> JobProgress {
    Live {
        time_limit_ms,
        inner: Mutex::default(),
    }
    .progress(false)
}

/// What happened on the solver thread.
enum Solved {
    /// Another replica holds the job now, or it was cancelled while queued.
    NotStarted,
    Plan(String),
    Failed(ApiError),
}

/// What the heartbeat saw.
#[derive(Default, Clone, Copy)]
struct Seen {
    cancel_requested: bool,
    lost: bool,
}

/// Solves job `id` on this replica, holding `admission` (a place in the shared pool).
pub(super) fn spawn(state: AppState, id: String, wave: crate::Wave, admission: Admission) {
    tokio::spawn(run(state, id, wave, admission));
}

async fn run(state: AppState, id: String, wave: crate::Wave, admission: Admission) {
    let jobs = state.jobs().clone();
    let options = effective_options(&wave, &state);
    let live = Arc::new(Live {
        time_limit_ms: options.time_limit_ms,
        inner: Mutex::default(),
    });
    let cancel = Arc::new(AtomicBool::new(false));
    let _local = jobs.solving(&id, cancel.clone());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let lost = Arc::new(tokio::sync::Notify::new());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let beating = tokio::spawn(heartbeat(
        jobs.clone(),
        id.clone(),
        Beat {
            live: live.clone(),
            cancel: cancel.clone(),
            seen: seen.clone(),
            lost: lost.clone(),
        },
        stopped,
    ));
    let handle = tokio::runtime::Handle::current();
    let (job_id, job_live, store, owner) = (
        id.clone(),
        live.clone(),
        jobs.store.clone(),
        jobs.worker_id.clone(),
    );
    let fault_injection = state.config().fault_injection;
    let solving = state
        .pool()
        .run_with_cancel(admission, cancel.clone(), move |cancel| {
            let started = handle.block_on(store.start(&job_id, &owner, &job_live.progress(false)));
            if !matches!(started, Ok(true)) {
                return Solved::NotStarted;
            }
            if fault_injection && wave.wave_id == PANIC_WAVE_ID {
                panic!("fault injection: wave {PANIC_WAVE_ID} panics on purpose");
            }
            let watching = progress::watch(cancel);
            job_live.update(|l| {
                l.solving_since = Some(Instant::now());
                l.watch = Some(watching.watch().clone());
            });
            let planned = crate::plan_cancellable(&wave, &options, cancel);
            job_live.update(|l| l.finished = true);
            drop(watching);
            match planned {
                Ok(plan) => Solved::Plan(serde_json::to_string(&plan).expect("plans serialise")),
                Err(e) => Solved::Failed(ApiError::Wave(e)),
            }
        });
    // A job cancelled while queued, or taken over by another replica, gives its place in the
    // pool back at once: dropping `solving` leaves the queue (or sets the cancel flag).
    let outcome = tokio::select! {
        outcome = solving => Some(outcome),
        _ = lost.notified() => None,
    };
    let _ = stop.send(());
    let _ = beating.await;
    let mut seen = *seen.lock().unwrap_or_else(|p| p.into_inner());
    if cancel.load(Ordering::Relaxed) && !seen.cancel_requested && !seen.lost {
        // Stopped through this replica's DELETE before a heartbeat saw it in the store.
        seen.cancel_requested =
            matches!(jobs.store.get(&id).await, Ok(Some(r)) if r.cancel_requested);
    }
    let Some(outcome) = outcome else {
        return;
    };
    let (status, plan, error) = match outcome {
        Ok(Solved::NotStarted) => return,
        _ if seen.lost => {
            tracing::warn!(job = %id, "lost the job's lease to another replica: result dropped");
            return;
        }
        Ok(Solved::Plan(plan)) if seen.cancel_requested => (JobStatus::Cancelled, Some(plan), None),
        Ok(Solved::Plan(plan)) => (JobStatus::Done, Some(plan), None),
        Ok(Solved::Failed(e)) => {
            if e.status().is_server_error() {
                tracing::error!(job = %id, error = ?e, "job failed");
            }
            (JobStatus::Failed, None, Some(e.body()))
        }
        Err(JobFailure::Panicked(message)) => {
            tracing::error!(job = %id, panic = %message, "job panicked");
            (JobStatus::Failed, None, Some(internal_error(&id)))
        }
    };
    let outcome = Outcome {
        status,
        plan,
        error,
        progress: Some(live.progress(seen.cancel_requested)),
        ttl_ms: jobs.config.ttl_ms,
    };
    match jobs.store.finish(&id, outcome).await {
        Ok(_) => tracing::info!(job = %id, status = status.as_str(), "job finished"),
        Err(e) => tracing::error!(job = %id, error = %e, "job result could not be stored"),
    }
}

fn internal_error(id: &str) -> ErrorBody {
    let mut body = ApiError::Internal.body();
    body.error.message = format!("internal error; quote the job id {id} when reporting it");
    body
}

/// Renews the lease and writes the progress every heartbeat period until `stopped`; passes a
/// `DELETE` (or a lost lease) on to the solver through `cancel`.
/// What the heartbeat shares with the job it beats for.
struct Beat {
    live: Arc<Live>,
    cancel: Arc<AtomicBool>,
    seen: Arc<Mutex<Seen>>,
    /// Notified once the job is no longer this replica's.
    lost: Arc<tokio::sync::Notify>,
}

async fn heartbeat(
    jobs: Jobs,
    id: String,
    beat: Beat,
    mut stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let Beat {
        live,
        cancel,
        seen,
        lost,
    } = beat;
    let period = Duration::from_millis(jobs.config.heartbeat_ms());
    loop {
        let cancel_requested = seen.lock().map(|s| s.cancel_requested).unwrap_or(false);
        let progress = live.progress(cancel_requested);
        match jobs
            .store
            .heartbeat(&id, &jobs.worker_id, jobs.config.lease_ms, &progress)
            .await
        {
            Ok(beat) => {
                let mut s = seen.lock().unwrap_or_else(|p| p.into_inner());
                s.cancel_requested |= beat.cancel_requested;
                if s.cancel_requested || !beat.owned {
                    cancel.store(true, Ordering::Relaxed);
                }
                if !beat.owned && !s.lost {
                    s.lost = true;
                    lost.notify_one();
                }
            }
            Err(e) => tracing::warn!(job = %id, error = %e, "job heartbeat failed"),
        }
        tokio::select! {
            _ = &mut stopped => return,
            _ = tokio::time::sleep(period) => {}
        }
    }
}

/// Looks for orphaned jobs (their lease ran out: the replica that held them died) while this
/// replica has a free place in its pool, takes them over and solves them again.
pub(super) async fn sweep(state: AppState) {
    let jobs = state.jobs().clone();
    let period = Duration::from_millis((jobs.config.lease_ms / 2).clamp(100, 5_000));
    loop {
        tokio::time::sleep(period).await;
        let orphans = match jobs.store.orphans(16).await {
            Ok(ids) => ids,
            Err(e) => {
                tracing::warn!(error = %e, "job sweep failed");
                continue;
            }
        };
        for id in orphans {
            let Some(admission) = state.pool().try_admit_spare() else {
                break;
            };
            if let Err(e) = adopt(&state, &id, admission).await {
                tracing::warn!(job = %id, error = %e, "job takeover failed");
            }
        }
    }
}

async fn adopt(state: &AppState, id: &str, admission: Admission) -> Result<(), String> {
    let jobs = state.jobs();
    let won = jobs
        .store
        .take_over(id, &jobs.worker_id, jobs.config.lease_ms)
        .await
        .map_err(|e| e.to_string())?;
    if !won {
        return Ok(());
    }
    tracing::info!(job = %id, "taking over a job whose replica stopped heartbeating");
    let bytes = jobs.store.wave(id).await.map_err(|e| e.to_string())?;
    let parse_state = state.clone();
    let parsed = match bytes {
        Some(bytes) => tokio::task::spawn_blocking(move || {
            crate::service::handlers::read_wave(&parse_state, &bytes)
        })
        .await
        .map_err(|e| e.to_string())?,
        None => Err(ApiError::Internal),
    };
    match parsed {
        Ok(wave) => spawn(state.clone(), id.to_string(), wave, admission),
        Err(e) => {
            let outcome = Outcome {
                status: JobStatus::Failed,
                plan: None,
                error: Some(e.body()),
                progress: None,
                ttl_ms: jobs.config.ttl_ms,
            };
            jobs.store
                .finish(id, outcome)
                .await
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
