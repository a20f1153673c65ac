//! Reading a folder: every problem of every file is collected before giving up.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::sheets::{
    Sheet, INVENTORY, LANES, NODES, ORDERS, ORDER_LINES, RESERVATIONS, SHIP_METHODS,
};
use super::{io_error, Header, WAVE_JSON};
use crate::error::{pointer_token, Error, Problem};
use crate::format::{
    self, InventoryRecord, Lane, Node, Order, OrderLine, Reservation, ShipMethod, Wave,
};

/// Where the folder's files come from: a directory on disk, or files uploaded and held in
/// memory by name (a .zip or a multipart form).
pub(super) enum Source<'a> {
    Dir(&'a Path),
    Memory(&'a BTreeMap<String, Vec<u8>>),
}

/// Reads a wave from a folder of CSV files. Every problem in every file is reported at once.
pub fn read_folder(path: &Path) -> Result<Wave, Error> {
    if !path.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder");
        return Err(io_error(path, source));
    }
    read_source(&Source::Dir(path), &folder_name(path))
}

/// Reads a wave from the folder's files given by name (`orders.csv` → its bytes), as an upload
/// carries them. `wave_id` defaults to `default_id`. Files the folder form does not know are
/// ignored, as they are in a folder on disk.
pub fn read_files(files: &BTreeMap<String, Vec<u8>>, default_id: &str) -> Result<Wave, Error> {
    read_source(&Source::Memory(files), default_id)
}

fn read_source(path: &Source, default_id: &str) -> Result<Wave, Error> {
    let mut problems = Vec::new();
    let header = read_header(path, &mut problems)?;
    let mut order_rows = read_sheet(path, &ORDERS, &mut problems)?;
    let listed: HashSet<String> = order_rows
        .iter()
        .filter_map(|row| Some(row.fields.get("id")?.as_str()?.to_string()))
        .collect();
    for row in &mut order_rows {
        row.fields
            .insert("lines".to_string(), Value::Array(Vec::new()));
    }
    let mut orders: Vec<Order> = typed(ORDERS.file, order_rows, &mut problems);
    attach_lines(path, &mut orders, &listed, &mut problems)?;
    let nodes: Vec<Node> = load(path, &NODES, &mut problems)?;
    let inventory: Vec<InventoryRecord> = load(path, &INVENTORY, &mut problems)?;
    let reservations: Vec<Reservation> = load(path, &RESERVATIONS, &mut problems)?;
    let ship_methods: Vec<ShipMethod> = load(path, &SHIP_METHODS, &mut problems)?;
    let lanes: Vec<Lane> = load(path, &LANES, &mut problems)?;
    match header {
        Some(header) if problems.is_empty() => Ok(Wave {
            wave_id: header.wave_id.unwrap_or_else(|| default_id.to_string()),
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

fn read_header(dir: &Source, problems: &mut Vec<Problem>) -> Result<Option<Header>, Error> {
    let Some(bytes) = read_file(dir, WAVE_JSON, true, problems)? else {
        return Ok(None);
    };
    let text = String::from_utf8_lossy(&bytes);
    match format::parse_json::<Header>(&text) {
        Ok(header) => Ok(Some(header)),
        Err(err) => {
            for p in err.details() {
                let path = format!("/{WAVE_JSON}{}", p.path);
                problems.push(Problem::new(path, &p.code, p.message));
            }
            Ok(None)
        }
    }
}

/// The file's bytes; `None` (with a `missing_file` problem if it is required) when absent.
fn read_file(
    dir: &Source,
    file: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Result<Option<Vec<u8>>, Error> {
    let found = match dir {
        Source::Dir(dir) => {
            let path = dir.join(file);
            match std::fs::read(&path) {
                Ok(bytes) => Some(bytes),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => return Err(io_error(&path, source)),
            }
        }
        Source::Memory(files) => files.get(file).cloned(),
    };
    match found {
        Some(bytes) => Ok(Some(bytes)),
        None => {
            if required {
                problems.push(Problem::new(
                    format!("/{file}"),
                    "missing_file",
                    format!("the folder has no {file}, which every wave needs"),
                ));
            }
            Ok(None)
        }
    }
}

/// One data row: the wire fields its non-empty cells fill.
struct Row {
    /// 1-based, counting blank rows too.
    number: usize,
    fields: Map<String, Value>,
    /// No problem was found in it (so it can be deserialized without repeating one).
    complete: bool,
}

fn load<T: DeserializeOwned>(
    dir: &Source,
    sheet: &Sheet,
    problems: &mut Vec<Problem>,
) -> Result<Vec<T>, Error> {
    let rows = read_sheet(dir, sheet, problems)?;
    Ok(typed(sheet.file, rows, problems))
}

/// The wire values of the complete rows (incomplete ones were already reported).
fn typed<T: DeserializeOwned>(file: &str, rows: Vec<Row>, problems: &mut Vec<Problem>) -> Vec<T> {
    rows.into_iter()
        .filter(|row| row.complete)
        .filter_map(|row| deserialize(file, row.number, row.fields, problems))
        .collect()
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
/// `listed` holds every id in `orders.csv`, including those of rows with problems, so that
/// their lines are not reported a second time.
fn attach_lines(
    dir: &Source,
    orders: &mut [Order],
    listed: &HashSet<String>,
    problems: &mut Vec<Problem>,
) -> Result<(), Error> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(orders.len());
    for (i, order) in orders.iter().enumerate() {
        index.entry(order.id.clone()).or_insert(i);
    }
    for Row {
        number,
        fields: mut row,
        complete,
    } in read_sheet(dir, &ORDER_LINES, problems)?
    {
        let Some(Value::String(order_id)) = row.remove("order_id") else {
            continue; // reported as a missing cell
        };
        let Some(&order) = index.get(&order_id) else {
            if listed.contains(&order_id) {
                continue; // its order has problems of its own
            }
            problems.push(Problem::new(
                format!("/{}/{number}/order_id", ORDER_LINES.file),
                "unknown_order",
                format!("no order '{order_id}' in {}", ORDERS.file),
            ));
            continue;
        };
        if !complete {
            continue;
        }
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
fn read_sheet(dir: &Source, sheet: &Sheet, problems: &mut Vec<Problem>) -> Result<Vec<Row>, Error> {
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
    let known = problems.len();
    let columns = match_header(sheet, &headers, problems);
    let header_ok = problems.len() == known;
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
        let known = problems.len();
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
        let fields = row_fields(sheet, &columns, &record, number, problems);
        rows.push(Row {
            number,
            fields,
            complete: header_ok && problems.len() == known,
        });
    }
    Ok(rows)
}

/// The wire fields one record's cells fill; bad cells are problems.
fn row_fields(
    sheet: &Sheet,
    columns: &[Option<usize>],
    record: &csv::StringRecord,
    number: usize,
    problems: &mut Vec<Problem>,
) -> Map<String, Value> {
    let known = problems.len();
    let file = sheet.file;
    let mut row = Map::new();
    for (column, position) in sheet.columns.iter().zip(columns) {
        let cell = position.and_then(|p| record.get(p)).unwrap_or("");
        let path = || format!("/{file}/{number}/{}", pointer_token(column.name));
        if cell.is_empty() {
            if column.required && position.is_some() {
                let message = format!("{} is required", column.name);
                problems.push(Problem::new(path(), "bad_cell", message));
            }
            continue;
        }
        match column.kind.parse(cell) {
            Ok(value) => insert(&mut row, column.field, value),
            Err((code, message)) => problems.push(Problem::new(path(), code, message)),
        }
    }
    // Only nodes have a `location`; a bad coordinate was reported already.
    let half_location = problems.len() == known
        && row
            .get("location")
            .and_then(Value::as_object)
            .is_some_and(|l| l.len() == 1);
    if half_location {
        problems.push(Problem::new(
            format!("/{file}/{number}/lat"),
            "bad_cell",
            "give both lat and lon, or neither",
        ));
    }
    row
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
