//! Waves uploaded as the CSV folder's files (docs/datasets.md) rather than JSON: one
//! `application/zip`, or `multipart/form-data` with one part per file, each named by its file
//! name (the part's `filename`, else its field name); a `.zip` part is unpacked in place. The
//! files are then read exactly as `waveopt plan FOLDER` reads a folder, with every problem
//! reported at once by file, row and column (`/orders.csv/3/qty`).
//!
//! Limits: the body's size and time limits of every route; decompressed, the files together
//! may hold at most the body limit, in at most [`MAX_FILES`] entries.

use std::collections::BTreeMap;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart};
use axum::http::{header, HeaderMap, Request};

use super::errors::ApiError;
use super::handlers::{check_order_count, read_limited};
use super::state::AppState;
use crate::error::{Error, Problem};
use crate::format::csv_folder::{self, ArchiveLimits};
use crate::format::Wave;

/// Most entries an uploaded archive or form may hold.
pub const MAX_FILES: usize = 64;

/// The `wave_id` of an uploaded folder whose `wave.json` names none.
pub const UPLOAD_WAVE_ID: &str = "upload";

/// The upload forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadKind {
    Zip,
    Multipart,
}

/// An upload, read: a zip's bytes (unpacked on the pool) or a form's files.
pub enum Upload {
    Zip(Bytes),
    Files(BTreeMap<String, Vec<u8>>),
}

/// The upload form the request's `Content-Type` names, if any (JSON is not an upload).
pub fn kind(headers: &HeaderMap) -> Option<UploadKind> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())?
        .split(';')
        .next()?
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "application/zip" | "application/x-zip-compressed" => Some(UploadKind::Zip),
        "multipart/form-data" => Some(UploadKind::Multipart),
        _ => None,
    }
}

fn limits(state: &AppState) -> ArchiveLimits {
    ArchiveLimits {
        max_entries: MAX_FILES,
        max_bytes: state.config().max_body_bytes as u64,
    }
}

/// Reads the body within the usual limits; a form is taken apart into its files here.
pub async fn read(
    kind: UploadKind,
    headers: &HeaderMap,
    body: Body,
    state: &AppState,
) -> Result<Upload, ApiError> {
    let bytes = read_limited(body, state).await?;
    match kind {
        UploadKind::Zip => Ok(Upload::Zip(bytes)),
        UploadKind::Multipart => form_files(headers, bytes, state).await.map(Upload::Files),
    }
}

fn bad_form(message: String) -> ApiError {
    ApiError::BadRequest {
        code: "bad_multipart",
        message,
    }
}

/// The form's parts by file name; `.zip` parts unpacked, their files merged in.
async fn form_files(
    headers: &HeaderMap,
    bytes: Bytes,
    state: &AppState,
) -> Result<BTreeMap<String, Vec<u8>>, ApiError> {
    let mut request = Request::new(Body::from(bytes));
    if let Some(content_type) = headers.get(header::CONTENT_TYPE) {
        request
            .headers_mut()
            .insert(header::CONTENT_TYPE, content_type.clone());
    }
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|e| bad_form(e.body_text()))?;
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    let mut parts = 0;
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|e| bad_form(e.body_text()))?
    {
        parts += 1;
        if parts > MAX_FILES {
            return Err(ApiError::TooLarge(Problem::new(
                "",
                "too_many_files",
                format!("more than {MAX_FILES} parts in the form"),
            )));
        }
        let name = field
            .file_name()
            .or(field.name())
            .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string())
            .unwrap_or_default();
        let content = field.bytes().await.map_err(|e| bad_form(e.body_text()))?;
        let unpacked = if name.to_ascii_lowercase().ends_with(".zip") {
            csv_folder::unzip(&content, limits(state))?
        } else if name.is_empty() {
            continue;
        } else {
            BTreeMap::from([(name, content.to_vec())])
        };
        for (name, content) in unpacked {
            match files.entry(name) {
                std::collections::btree_map::Entry::Vacant(slot) => {
                    slot.insert(content);
                }
                std::collections::btree_map::Entry::Occupied(taken) => {
                    problems.push(Problem::new(
                        format!("/{}", crate::error::pointer_token(taken.key())),
                        "duplicate_file",
                        format!("the form holds {} twice", taken.key()),
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(ApiError::Wave(Error::Invalid(problems)))
    }
}

/// The wave of an upload (on the pool: unpacking and parsing cost CPU), within the order limit.
pub fn wave(state: &AppState, upload: &Upload) -> Result<Wave, ApiError> {
    let wave = match upload {
        Upload::Zip(bytes) => csv_folder::read_zip(bytes, UPLOAD_WAVE_ID, limits(state))?,
        Upload::Files(files) => csv_folder::read_files(files, UPLOAD_WAVE_ID)?,
    };
    check_order_count(state, wave)
}
