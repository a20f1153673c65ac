//! Writing a folder: one row per wire value, one cell per column, empty for absent fields.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::sheets::{
    Sheet, INVENTORY, LANES, NODES, ORDERS, ORDER_LINES, RESERVATIONS, SHIP_METHODS,
};
use super::{io_error, Header, WAVE_JSON};
use crate::error::Error;
use crate::format::{self, Wave};

/// Writes a wave as a CSV folder (creating it if needed). `reservations.csv` is always
/// written; `ship_methods.csv` and `lanes.csv` only when the wave has any, and removed if a
/// previous write left them. Reading the folder back gives an equal wave.
pub fn write_folder(wave: &Wave, path: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(path).map_err(|source| io_error(path, source))?;
    let header = Header {
        wave_id: Some(wave.wave_id.clone()),
        as_of: wave.as_of.clone(),
        policy: wave.policy.clone(),
        options: wave.options.clone(),
    };
    write_bytes(
        &path.join(WAVE_JSON),
        format::to_pretty_json(&header).as_bytes(),
    )?;
    write_sheet(
        path,
        &ORDERS,
        wave.orders.iter().map(|o| {
            let mut row = to_value(o);
            if let Value::Object(map) = &mut row {
                map.remove("lines");
            }
            row
        }),
    )?;
    write_sheet(
        path,
        &ORDER_LINES,
        wave.orders.iter().flat_map(|o| {
            o.lines.iter().map(move |line| {
                let mut row = to_value(line);
                if let Value::Object(map) = &mut row {
                    map.insert("order_id".to_string(), Value::String(o.id.clone()));
                }
                row
            })
        }),
    )?;
    write_sheet(path, &NODES, wave.nodes.iter().map(to_value))?;
    write_sheet(path, &INVENTORY, wave.inventory.iter().map(to_value))?;
    write_sheet(path, &RESERVATIONS, wave.reservations.iter().map(to_value))?;
    for (sheet, rows) in [
        (
            &SHIP_METHODS,
            wave.ship_methods.iter().map(to_value).collect::<Vec<_>>(),
        ),
        (&LANES, wave.lanes.iter().map(to_value).collect()),
    ] {
        if rows.is_empty() {
            let stale = path.join(sheet.file);
            match std::fs::remove_file(&stale) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_error(&stale, e))
                }
                _ => {}
            }
        } else {
            write_sheet(path, sheet, rows.into_iter())?;
        }
    }
    Ok(())
}

fn to_value<T: Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

fn write_sheet(dir: &Path, sheet: &Sheet, rows: impl Iterator<Item = Value>) -> Result<(), Error> {
    let path = dir.join(sheet.file);
    let csv_error = |e: csv::Error| io_error(&path, std::io::Error::other(e.to_string()));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(sheet.columns.iter().map(|c| c.name))
        .map_err(csv_error)?;
    for row in rows {
        let cells = sheet
            .columns
            .iter()
            .map(|c| cell_text(row.pointer(c.field)));
        writer.write_record(cells).map_err(csv_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| io_error(&path, std::io::Error::other(e.to_string())))?;
    write_bytes(&path, &bytes)
}

/// The text of a cell holding a wire value: empty for an absent field, `;` between list items.
fn cell_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| cell_text(Some(item)))
            .collect::<Vec<_>>()
            .join(";"),
        Some(other) => other.to_string(),
    }
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|source| io_error(path, source))
}
