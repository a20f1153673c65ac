//! The CSV folder form of a wave (SPEC.md §5), for planners who live in spreadsheets.
//!
//! A folder holds `wave.json` (`wave_id`, `as_of`, `policy`, `options`), `orders.csv`,
//! `order_lines.csv`, `nodes.csv`, `inventory.csv`, and optionally `reservations.csv`,
//! `ship_methods.csv` and `lanes.csv`. Each CSV column maps onto one field of the JSON form
//! (nested fields such as `ship_to.lat` are flattened), so an empty cell means exactly what an
//! absent JSON field means. The format is documented in `docs/datasets.md`.
//!
//! Reading reports every problem of every file at once, each with a path
//! `/<file>/<data row, 1-based>/<column>` (row 0 is the header).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{pointer_token, Error, Problem};
use crate::format::{
    self, InventoryRecord, Lane, Node, Options, Order, OrderLine, Policy, Reservation, ShipMethod,
    Wave,
};

/// How a cell's text becomes a JSON value.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Int,
    Float,
    Bool,
    /// `;`-separated strings.
    List,
    /// One of a fixed set of strings.
    Choice(&'static [&'static str]),
}

/// One column: its header, its kind, whether a row needs a value, and the JSON field it fills
/// (a pointer into the wire object; `order_id` is the one column that is not a wire field).
struct Column {
    name: &'static str,
    kind: Kind,
    required: bool,
    field: &'static str,
}

const fn req(name: &'static str, kind: Kind, field: &'static str) -> Column {
    Column {
        name,
        kind,
        required: true,
        field,
    }
}

const fn opt(name: &'static str, kind: Kind, field: &'static str) -> Column {
    Column {
        name,
        kind,
        required: false,
        field,
    }
}

/// One file of the folder.
struct Sheet {
    file: &'static str,
    required: bool,
    columns: &'static [Column],
}

use Kind::{Bool, Float, Int, List, Text};

const NODE_KINDS: &[&str] = &["warehouse", "store", "3pl", "dropship"];

const ORDERS: Sheet = Sheet {
    file: "orders.csv",
    required: true,
    columns: &[
        req("id", Text, "/id"),
        req("channel", Text, "/channel"),
        req("customer", Text, "/customer"),
        opt("tier", Text, "/tier"),
        opt("placed_at", Text, "/placed_at"),
        opt("lat", Float, "/ship_to/lat"),
        opt("lon", Float, "/ship_to/lon"),
        opt("zone", Text, "/ship_to/zone"),
        opt("due_by", Text, "/due_by"),
        opt("ship_complete", Bool, "/ship_complete"),
        opt("fill_or_kill", Bool, "/fill_or_kill"),
        opt("hold", Text, "/hold"),
    ],
};

const ORDER_LINES: Sheet = Sheet {
    file: "order_lines.csv",
    required: true,
    columns: &[
        req("order_id", Text, "/order_id"),
        opt("line_id", Text, "/id"),
        req("sku", Text, "/sku"),
        req("qty", Int, "/qty"),
    ],
};

const NODES: Sheet = Sheet {
    file: "nodes.csv",
    required: true,
    columns: &[
        req("id", Text, "/id"),
        req("kind", Kind::Choice(NODE_KINDS), "/kind"),
        opt("lat", Float, "/location/lat"),
        opt("lon", Float, "/location/lon"),
        opt("active", Bool, "/active"),
        opt("processing_days", Int, "/processing_days"),
        opt("handling_per_shipment", Float, "/handling/per_shipment"),
        opt("handling_per_unit", Float, "/handling/per_unit"),
        opt("fixed_cost", Float, "/fixed_cost"),
        opt("capacity_shipments", Int, "/capacity/shipments"),
        opt("capacity_units", Int, "/capacity/units"),
        opt("channels", List, "/channels"),
    ],
};

const INVENTORY: Sheet = Sheet {
    file: "inventory.csv",
    required: true,
    columns: &[
        req("node", Text, "/node"),
        req("sku", Text, "/sku"),
        req("on_hand", Int, "/on_hand"),
        opt("safety_stock", Int, "/safety_stock"),
    ],
};

const RESERVATIONS: Sheet = Sheet {
    file: "reservations.csv",
    required: false,
    columns: &[
        req("channel", Text, "/channel"),
        req("sku", Text, "/sku"),
        opt("node", Text, "/node"),
        opt("qty", Int, "/qty"),
        opt("share", Float, "/share"),
    ],
};

const SHIP_METHODS: Sheet = Sheet {
    file: "ship_methods.csv",
    required: false,
    columns: &[
        req("id", Text, "/id"),
        opt("base_cost", Float, "/base_cost"),
        opt("per_unit", Float, "/per_unit"),
        opt("per_unit_km", Float, "/per_unit_km"),
        opt("km_per_day", Float, "/km_per_day"),
        opt("min_days", Int, "/min_days"),
    ],
};

const LANES: Sheet = Sheet {
    file: "lanes.csv",
    required: false,
    columns: &[
        req("from", Text, "/from"),
        req("to_zone", Text, "/to_zone"),
        opt("method", Text, "/method"),
        opt("per_shipment", Float, "/per_shipment"),
        opt("per_unit", Float, "/per_unit"),
        opt("days", Int, "/days"),
    ],
};

const WAVE_JSON: &str = "wave.json";

/// `wave.json`: everything of a wave that is not a table.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    wave_id: Option<String>,
    as_of: String,
    #[serde(default)]
    policy: Policy,
    #[serde(default)]
    options: Options,
}

/// Reads a wave from a folder of CSV files. Every problem in every file is reported at once.
pub fn read_folder(path: &Path) -> Result<Wave, Error> {
    if !path.is_dir() {
        return Err(Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
        });
    }
    let mut problems = Vec::new();
    let header = read_header(path, &mut problems)?;
    let mut orders: Vec<Order> = typed_rows(path, &ORDERS, &mut problems, |row| {
        row.insert("lines".to_string(), Value::Array(Vec::new()));
    })?;
    attach_lines(path, &mut orders, &mut problems)?;
    let nodes: Vec<Node> = typed_rows(path, &NODES, &mut problems, |_| {})?;
    let inventory: Vec<InventoryRecord> = typed_rows(path, &INVENTORY, &mut problems, |_| {})?;
    let reservations: Vec<Reservation> = typed_rows(path, &RESERVATIONS, &mut problems, |_| {})?;
    let ship_methods: Vec<ShipMethod> = typed_rows(path, &SHIP_METHODS, &mut problems, |_| {})?;
    let lanes: Vec<Lane> = typed_rows(path, &LANES, &mut problems, |_| {})?;
    match header {
        Some(header) if problems.is_empty() => Ok(Wave {
            wave_id: header.wave_id.unwrap_or_else(|| folder_name(path)),
            as_of: header.as_of,
            orders,
            nodes,
            inventory,
            reservations,
            ship_methods,
            lanes,
            policy: header.policy,
            options: header.options,
        }),
        _ => Err(Error::Invalid(problems)),
    }
}

/// The folder's own name (resolving `.` and `..`), the default `wave_id`.
fn folder_name(path: &Path) -> String {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    name(path)
        .or_else(|| path.canonicalize().ok().as_deref().and_then(name))
        .unwrap_or_else(|| "wave".to_string())
}

fn read_header(dir: &Path, problems: &mut Vec<Problem>) -> Result<Option<Header>, Error> {
    let Some(bytes) = read_file(dir, WAVE_JSON, true, problems)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes);
    match format::parse_json::<Header>(&text) {
        Ok(header) => Ok(Some(header)),
        Err(err) => {
            for p in err.details() {
                let code = if p.code.is_empty() {
                    "bad_json"
                } else {
                    &p.code
                };
                problems.push(Problem::new(
                    format!("/{WAVE_JSON}{}", p.path),
                    code,
                    p.message,
                ));
            }
            Ok(None)
        }
    }
}

/// The file's bytes; `None` (with a `missing_file` problem if it is required) when absent.
fn read_file(
    dir: &Path,
    file: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Result<Option<Vec<u8>>, Error> {
    let path = dir.join(file);
    match std::fs::read(&path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required {
                problems.push(Problem::new(
                    format!("/{file}"),
                    "missing_file",
                    format!("the folder has no {file}, which every wave needs"),
                ));
            }
            Ok(None)
        }
        Err(source) => Err(Error::Io {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// Reads one sheet into wire objects, each with its 1-based data row. `adjust` completes a row
/// before it is deserialized.
fn typed_rows<T: DeserializeOwned>(
    dir: &Path,
    sheet: &Sheet,
    problems: &mut Vec<Problem>,
    adjust: impl Fn(&mut Map<String, Value>),
) -> Result<Vec<T>, Error> {
    let rows = read_sheet(dir, sheet, problems)?;
    Ok(rows
        .into_iter()
        .filter_map(|(number, mut row)| {
            adjust(&mut row);
            deserialize(sheet.file, number, row, problems)
        })
        .collect())
}

fn deserialize<T: DeserializeOwned>(
    file: &str,
    number: usize,
    row: Map<String, Value>,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    serde_json::from_value(Value::Object(row))
        .map_err(|e| {
            problems.push(Problem::new(
                format!("/{file}/{number}"),
                "bad_row",
                e.to_string(),
            ))
        })
        .ok()
}

/// Groups `order_lines.csv` under the orders of `orders.csv` (by `order_id`, in file order).
fn attach_lines(
    dir: &Path,
    orders: &mut [Order],
    problems: &mut Vec<Problem>,
) -> Result<(), Error> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(orders.len());
    for (i, order) in orders.iter().enumerate() {
        index.entry(order.id.clone()).or_insert(i);
    }
    for (number, mut row) in read_sheet(dir, &ORDER_LINES, problems)? {
        let Some(Value::String(order_id)) = row.remove("order_id") else {
            continue; // reported as a missing cell
        };
        let Some(&order) = index.get(&order_id) else {
            problems.push(Problem::new(
                format!("/{}/{number}/order_id", ORDER_LINES.file),
                "unknown_order",
                format!("no order '{order_id}' in {}", ORDERS.file),
            ));
            continue;
        };
        let lines = &mut orders[order].lines;
        row.entry("id")
            .or_insert_with(|| Value::String((lines.len() + 1).to_string()));
        if let Some(line) = deserialize::<OrderLine>(ORDER_LINES.file, number, row, problems) {
            lines.push(line);
        }
    }
    Ok(())
}

/// Reads one sheet: checks its header, and turns every row into a JSON object of the wire
/// fields its non-empty cells fill. Rows whose cells are all empty are skipped.
#[allow(clippy::type_complexity)]
fn read_sheet(
    dir: &Path,
    sheet: &Sheet,
    problems: &mut Vec<Problem>,
) -> Result<Vec<(usize, Map<String, Value>)>, Error> {
    let Some(bytes) = read_file(dir, sheet.file, sheet.required, problems)? else {
        return Ok(Vec::new());
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let file = sheet.file;
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(Problem::new(format!("/{file}/0"), "bad_row", e.to_string()));
            return Ok(Vec::new());
        }
    };
    let columns = match_header(sheet, &headers, problems);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let number = i + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                problems.push(Problem::new(
                    format!("/{file}/{number}"),
                    "bad_row",
                    e.to_string(),
                ));
                if fatal {
                    break;
                }
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            problems.push(Problem::new(
                format!("/{file}/{number}"),
                "bad_row",
                format!(
                    "{} cells, but the header has {}",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        let mut row = Map::new();
        for (column, position) in sheet.columns.iter().zip(&columns) {
            let cell = position.and_then(|p| record.get(p)).unwrap_or("");
            let path = || format!("/{file}/{number}/{}", pointer_token(column.name));
            if cell.is_empty() {
                if column.required && position.is_some() {
                    problems.push(Problem::new(
                        path(),
                        "bad_cell",
                        format!("{} is required", column.name),
                    ));
                }
                continue;
            }
            match parse_cell(column.kind, cell) {
                Ok(value) => insert(&mut row, column.field, value),
                Err((code, message)) => problems.push(Problem::new(path(), code, message)),
            }
        }
        if sheet.file == NODES.file
            && row
                .get("location")
                .is_some_and(|l| l.as_object().is_some_and(|l| l.len() == 1))
        {
            problems.push(Problem::new(
                format!("/{file}/{number}/lat"),
                "bad_cell",
                "give both lat and lon, or neither",
            ));
            row.remove("location");
        }
        rows.push((number, row));
    }
    Ok(rows)
}

/// The position of each of the sheet's columns in this file's header (`None`: left out).
/// Unknown, duplicate and missing required columns are problems.
fn match_header(
    sheet: &Sheet,
    headers: &csv::StringRecord,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let file = sheet.file;
    let mut seen = HashSet::new();
    for (position, name) in headers.iter().enumerate() {
        let path = format!("/{file}/0/{}", pointer_token(name));
        if !seen.insert(name) {
            problems.push(Problem::new(
                path,
                "duplicate_column",
                format!("column '{name}' appears twice"),
            ));
        } else if !sheet.columns.iter().any(|c| c.name == name) {
            let expected: Vec<&str> = sheet.columns.iter().map(|c| c.name).collect();
            problems.push(Problem::new(
                path,
                "unknown_column",
                format!(
                    "column {} '{name}' is not one of: {}",
                    position + 1,
                    expected.join(", ")
                ),
            ));
        }
    }
    sheet
        .columns
        .iter()
        .map(|column| {
            let position = headers.iter().position(|h| h == column.name);
            if position.is_none() && column.required {
                problems.push(Problem::new(
                    format!("/{file}/0/{}", column.name),
                    "missing_column",
                    format!("{file} needs a '{}' column", column.name),
                ));
            }
            position
        })
        .collect()
}

fn parse_cell(kind: Kind, cell: &str) -> Result<Value, (&'static str, String)> {
    let bad = |expected: &str| ("bad_cell", format!("expected {expected}, got '{cell}'"));
    match kind {
        Text => Ok(Value::String(cell.to_string())),
        Int => cell
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| bad("an integer")),
        Float => match cell.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Value::from(x)),
            Ok(_) => Err((
                "not_finite",
                format!("expected a finite number, got '{cell}'"),
            )),
            Err(_) => Err(bad("a number")),
        },
        Bool => match cell.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(Value::Bool(true)),
            "false" | "no" | "0" => Ok(Value::Bool(false)),
            _ => Err(bad("true or false")),
        },
        List => Ok(Value::Array(
            cell.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        )),
        Kind::Choice(options) if options.contains(&cell) => Ok(Value::String(cell.to_string())),
        Kind::Choice(options) => Err(bad(&format!("one of {}", options.join(", ")))),
    }
}

/// Sets `field` (a pointer such as `/ship_to/lat`) in `row`, creating objects on the way.
fn insert(row: &mut Map<String, Value>, field: &str, value: Value) {
    let mut keys = field.trim_start_matches('/').split('/').peekable();
    let mut target = row;
    while let Some(key) = keys.next() {
        if keys.peek().is_none() {
            target.insert(key.to_string(), value);
            return;
        }
        let next = target
            .entry(key)
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(map) = next else { return };
        target = map;
    }
}

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

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}
