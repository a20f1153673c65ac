//! OR-Library capacitated warehouse location (J.E. Beasley, EJOR 33 (1988) 314–325) as a wave.
//!
//! The file format (capinfo): line 1 `m n` (warehouses, customers); then `m` pairs
//! `capacity fixed_cost`; then, per customer, its demand followed by `m` numbers, the cost of
//! serving **all** of that customer's demand from each warehouse. Numbers may wrap across lines,
//! so the whole file is read as one stream of whitespace-separated tokens. In the templates
//! `capa`/`capb`/`capc` every capacity is the literal word `capacity`, substituted by the caller.
//!
//! The mapping onto a wave keeps the objective exact: the wave's optimal total cost is the
//! instance's optimal cost.
//! - one SKU, [`SKU`], stocked at every node with the total demand (stock never binds);
//! - one order per customer with positive demand, id `C0001` (the customer's 1-based position
//!   in the file), one line of `demand` units, ship-to zone `Z0001`, no coordinates.
//!   **Customers with demand 0 are skipped**: they need nothing and cost nothing; the ids of the
//!   others keep their file position, so a skipped customer leaves a gap in the numbering;
//! - one node per warehouse, id `W001`, kind `warehouse`, no location, `capacity.units` and
//!   `fixed_cost` from the file;
//! - one lane per (node, zone) with `per_unit = cost / demand`, `per_shipment = 0` and
//!   `days = 1`; a single ship method with every cost 0 (the lanes override it anyway);
//! - policy: one tier, strict allocation, soft SLA with `late_penalty_per_day = 0`,
//!   `split_penalty = 0`, and no due dates: splitting a customer's demand is free, as in the
//!   published optima, and only fixed costs, lane costs and capacities matter.

use crate::error::{Error, Problem};
use crate::format::{
    Allocation, Capacity, Handling, InventoryRecord, Lane, Node, NodeKind, Options, Order,
    OrderLine, Policy, ShipMethod, ShipTo, SlaMode, Tier, Wave, WithinTier,
};

/// The one SKU of an imported instance.
pub const SKU: &str = "ITEM";
/// The channel of every imported order.
pub const CHANNEL: &str = "b2b_portal";
/// The id of the imported wave's single, cost-free ship method.
pub const METHOD: &str = "lane";
/// The fixed `as_of` of an imported wave (no order has a due date, so it never matters).
pub const AS_OF: &str = "2026-11-26T10:00:00Z";

/// Integers above this are not exactly representable in the files' decimal notation anyway.
const MAX_INTEGER: f64 = 1e15;

/// A parsed instance, before it becomes a wave.
#[derive(Debug, Clone, PartialEq)]
pub struct CapInstance {
    pub warehouses: Vec<CapWarehouse>,
    /// Every customer of the file, in file order, including any with demand 0.
    pub customers: Vec<Customer>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CapWarehouse {
    pub capacity: i64,
    pub fixed_cost: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub demand: i64,
    /// Cost of serving all of the demand from each warehouse, in warehouse order.
    pub costs: Vec<f64>,
}

/// Parses an OR-Library `cap*` file and maps it onto a wave named `name` (its `wave_id`).
///
/// `capacity` substitutes the literal word `capacity` of the templates `capa`/`capb`/`capc`,
/// where it is required; for files with numeric capacities it must be `None`. Every error is an
/// [`Error::Invalid`] with code `orlib_parse` and path `/line/N`.
pub fn orlib_cap_to_wave(text: &str, capacity: Option<f64>, name: &str) -> Result<Wave, Error> {
    Ok(CapInstance::parse(text, capacity)?.to_wave(name))
}

impl CapInstance {
    /// Parses the file; see [`orlib_cap_to_wave`] for the meaning of `capacity`.
    pub fn parse(text: &str, capacity: Option<f64>) -> Result<CapInstance, Error> {
        parse(text, capacity).map_err(|p| Error::Invalid(vec![p]))
    }

    /// Sum of all customers' demand.
    pub fn total_demand(&self) -> i64 {
        self.customers
            .iter()
            .fold(0i64, |sum, c| sum.saturating_add(c.demand))
    }

    /// The wave of this instance (see the module documentation for the mapping).
    pub fn to_wave(&self, name: &str) -> Wave {
        let node_ids: Vec<String> = (1..=self.warehouses.len())
            .map(|w| format!("W{w:03}"))
            .collect();
        let nodes = self
            .warehouses
            .iter()
            .zip(&node_ids)
            .map(|(w, id)| Node {
                id: id.clone(),
                kind: NodeKind::Warehouse,
                location: None,
                active: true,
                processing_days: 0,
                handling: Handling::default(),
                fixed_cost: w.fixed_cost,
                capacity: Capacity {
                    shipments: None,
                    units: Some(w.capacity),
                },
                channels: None,
            })
            .collect();
        let stock = self.total_demand();
        let inventory = node_ids
            .iter()
            .map(|id| InventoryRecord {
                node: id.clone(),
                sku: SKU.to_string(),
                on_hand: stock,
                safety_stock: 0,
            })
            .collect();
        let mut orders = Vec::new();
        let mut lanes = Vec::new();
        for (c, customer) in self.customers.iter().enumerate() {
            if customer.demand == 0 {
                continue;
            }
            let id = format!("C{:04}", c + 1);
            let zone = format!("Z{:04}", c + 1);
            for (node, cost) in node_ids.iter().zip(&customer.costs) {
                lanes.push(Lane {
                    from: node.clone(),
                    to_zone: zone.clone(),
                    method: None,
                    per_shipment: Some(0.0),
                    per_unit: Some(cost / customer.demand as f64),
                    days: Some(1),
                });
            }
            orders.push(Order {
                id: id.clone(),
                channel: CHANNEL.to_string(),
                customer: id,
                tier: None,
                placed_at: None,
                ship_to: ShipTo {
                    lat: None,
                    lon: None,
                    zone: Some(zone),
                },
                due_by: None,
                ship_complete: false,
                fill_or_kill: false,
                hold: None,
                lines: vec![OrderLine {
                    id: "1".to_string(),
                    sku: SKU.to_string(),
                    qty: customer.demand,
                    metadata: None,
                }],
                metadata: None,
            });
        }
        Wave {
            wave_id: name.to_string(),
            as_of: AS_OF.to_string(),
            orders,
            nodes,
            inventory,
            reservations: Vec::new(),
            ship_methods: vec![ShipMethod {
                id: METHOD.to_string(),
                base_cost: 0.0,
                per_unit: 0.0,
                per_unit_km: 0.0,
                km_per_day: 800.0,
                min_days: 1,
            }],
            lanes,
            policy: Policy {
                tiers: vec![Tier {
                    name: "standard".to_string(),
                    unfilled_penalty: None,
                }],
                allocation: Allocation::Strict,
                within_tier: WithinTier::Cost,
                sla: SlaMode::Soft,
                late_penalty_per_day: 0.0,
                split_penalty: 0.0,
                max_shipments_per_order: None,
                road_factor: Policy::default().road_factor,
            },
            options: Options::default(),
        }
    }
}

fn problem(line: usize, message: String) -> Problem {
    Problem::new(format!("/line/{line}"), "orlib_parse", message)
}

/// The whitespace-separated tokens of the file, each with its 1-based line number.
struct Tokens<'a> {
    tokens: Vec<(usize, &'a str)>,
    next: usize,
    last_line: usize,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        let mut tokens = Vec::new();
        let mut last_line = 1;
        for (i, line) in text.lines().enumerate() {
            last_line = i + 1;
            tokens.extend(line.split_whitespace().map(|t| (i + 1, t)));
        }
        Tokens {
            tokens,
            next: 0,
            last_line,
        }
    }

    fn word(&mut self, what: &str) -> Result<(usize, &'a str), Problem> {
        let token = self.tokens.get(self.next).copied().ok_or_else(|| {
            problem(
                self.last_line,
                format!("unexpected end of file: expected {what}"),
            )
        })?;
        self.next += 1;
        Ok(token)
    }

    /// A finite, non-negative number.
    fn number(&mut self, what: &str) -> Result<(usize, f64), Problem> {
        let (line, token) = self.word(what)?;
        Ok((line, parse_number(line, token, what)?))
    }

    /// A non-negative integer (written with or without a decimal point, as in `5000.`).
    fn integer(&mut self, what: &str) -> Result<(usize, i64), Problem> {
        let (line, value) = self.number(what)?;
        Ok((line, integral(line, value, what)?))
    }

    fn finish(&self) -> Result<(), Problem> {
        match self.tokens.get(self.next) {
            Some(&(line, token)) => Err(problem(
                line,
                format!("unexpected trailing token '{token}' after the last customer"),
            )),
            None => Ok(()),
        }
    }
}

fn parse_number(line: usize, token: &str, what: &str) -> Result<f64, Problem> {
    match token.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(_) => Err(problem(
            line,
            format!("{what} must be a finite number >= 0, got '{token}'"),
        )),
        Err(_) => Err(problem(
            line,
            format!("expected {what} (a number), got '{token}'"),
        )),
    }
}

fn integral(line: usize, value: f64, what: &str) -> Result<i64, Problem> {
    if value.fract() != 0.0 || value > MAX_INTEGER {
        return Err(problem(
            line,
            format!("{what} must be a whole number, got {value}"),
        ));
    }
    Ok(value as i64)
}

fn parse(text: &str, capacity: Option<f64>) -> Result<CapInstance, Problem> {
    let mut tokens = Tokens::new(text);
    let (m_line, m) = tokens.integer("the number of warehouses")?;
    let (_, n) = tokens.integer("the number of customers")?;
    if m == 0 {
        return Err(problem(m_line, "the file has no warehouses".to_string()));
    }
    let mut warehouses = Vec::new();
    let mut used_template = false;
    for w in 1..=m {
        let what = format!("the capacity of warehouse {w}");
        let (line, token) = tokens.word(&what)?;
        let capacity = if token.eq_ignore_ascii_case("capacity") {
            used_template = true;
            let Some(value) = capacity else {
                return Err(problem(
                    line,
                    "this is a template (capacity is the word 'capacity'): give a capacity"
                        .to_string(),
                ));
            };
            if !value.is_finite() || value < 0.0 {
                return Err(problem(
                    line,
                    format!("the given capacity must be a finite number >= 0, got {value}"),
                ));
            }
            integral(line, value, "the given capacity")?
        } else {
            integral(line, parse_number(line, token, &what)?, &what)?
        };
        let (_, fixed_cost) = tokens.number(&format!("the fixed cost of warehouse {w}"))?;
        warehouses.push(CapWarehouse {
            capacity,
            fixed_cost,
        });
    }
    if capacity.is_some() && !used_template {
        return Err(problem(
            m_line + 1,
            "a capacity was given, but this file's capacities are numbers \
             (only the templates capa/capb/capc take one)"
                .to_string(),
        ));
    }
    let mut customers = Vec::new();
    for c in 1..=n {
        let (_, demand) = tokens.integer(&format!("the demand of customer {c}"))?;
        let mut costs = Vec::with_capacity(warehouses.len());
        for w in 1..=m {
            let (_, cost) =
                tokens.number(&format!("the cost of customer {c} from warehouse {w}"))?;
            costs.push(cost);
        }
        customers.push(Customer { demand, costs });
    }
    tokens.finish()?;
    Ok(CapInstance {
        warehouses,
        customers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two warehouses, three customers (the second with demand 0), costs wrapping a line.
    const TINY: &str = " 2 3 \n 10 100. \n 20 0. \n 4 \n 8.0 12.\n 0 \n 1 2 \n 6 3.0 \n 9 \n";

    fn codes_and_paths(err: Error) -> Vec<(String, String)> {
        err.details()
            .into_iter()
            .map(|p| (p.code, p.path))
            .collect()
    }

    fn one_problem(text: &str, capacity: Option<f64>) -> (String, String) {
        let err = orlib_cap_to_wave(text, capacity, "t").expect_err("must be an error");
        let mut problems = codes_and_paths(err);
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.remove(0)
    }

    #[test]
    fn parses_a_tiny_instance_with_wrapped_costs() {
        let instance = CapInstance::parse(TINY, None).unwrap();
        assert_eq!(instance.warehouses.len(), 2);
        assert_eq!(instance.warehouses[0].capacity, 10);
        assert_eq!(instance.warehouses[0].fixed_cost, 100.0);
        assert_eq!(instance.customers[0].costs, vec![8.0, 12.0]);
        assert_eq!(instance.customers[2].demand, 6);
        assert_eq!(instance.total_demand(), 10);
    }

    #[test]
    fn skips_customers_with_zero_demand_and_keeps_file_numbering() {
        let wave = orlib_cap_to_wave(TINY, None, "tiny").unwrap();
        let ids: Vec<&str> = wave.orders.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["C0001", "C0003"]);
        assert_eq!(wave.lanes.len(), 4);
        assert_eq!(wave.lanes[2].to_zone, "Z0003");
        assert_eq!(wave.lanes[2].per_unit, Some(0.5));
        assert!(wave.inventory.iter().all(|r| r.on_hand == 10));
    }

    #[test]
    fn substitutes_the_capacity_of_a_template() {
        let text = "2 1\ncapacity 5.\ncapacity 6.\n3 1 2\n";
        let wave = orlib_cap_to_wave(text, Some(14000.0), "t").unwrap();
        assert!(wave.nodes.iter().all(|n| n.capacity.units == Some(14000)));
        assert_eq!(wave.nodes[1].fixed_cost, 6.0);
    }

    #[test]
    fn rejects_a_template_without_a_capacity() {
        let text = "2 1\ncapacity 5.\ncapacity 6.\n3 1 2\n";
        assert_eq!(
            one_problem(text, None),
            ("orlib_parse".into(), "/line/2".into())
        );
    }

    #[test]
    fn rejects_a_fractional_or_negative_capacity_for_a_template() {
        let text = "1 1\ncapacity 5.\n3 1\n";
        assert_eq!(one_problem(text, Some(10.5)).1, "/line/2");
        assert_eq!(one_problem(text, Some(-1.0)).1, "/line/2");
        assert_eq!(one_problem(text, Some(f64::NAN)).1, "/line/2");
    }

    #[test]
    fn rejects_a_capacity_for_a_file_with_numeric_capacities() {
        assert_eq!(one_problem(TINY, Some(5.0)).1, "/line/2");
    }

    #[test]
    fn rejects_a_fractional_demand_at_its_line() {
        let text = "1 2\n10 0\n3 1\n2.5 1\n";
        assert_eq!(one_problem(text, None).1, "/line/4");
    }

    #[test]
    fn rejects_truncated_files_at_the_last_line() {
        for cut in [0, 3, 10, 20, TINY.len() - 3] {
            let (code, _) = one_problem(&TINY[..cut], None);
            assert_eq!(code, "orlib_parse", "cut at {cut}");
        }
        assert_eq!(one_problem("2 3\n10 100\n", None).1, "/line/2");
    }

    #[test]
    fn rejects_garbage_tokens_at_their_line() {
        assert_eq!(one_problem("2 x\n", None).1, "/line/1");
        assert_eq!(one_problem("1 1\n10 abc\n1 1\n", None).1, "/line/2");
        assert_eq!(one_problem("1 1\n10 1\n1 -3\n", None).1, "/line/3");
        assert_eq!(one_problem("1 1\n10 1\n1 inf\n", None).1, "/line/3");
        assert_eq!(one_problem("0 0\n", None).1, "/line/1");
        assert_eq!(one_problem("1 1\n10 1\n1 1\n7\n", None).1, "/line/4");
        assert_eq!(one_problem("\u{0}\u{ff}", None).1, "/line/1");
    }

    #[test]
    fn never_panics_on_arbitrary_prefixes_and_byte_noise() {
        let noisy: String = TINY
            .chars()
            .enumerate()
            .map(|(i, ch)| if i % 7 == 3 { '#' } else { ch })
            .collect();
        for end in 0..=noisy.len() {
            let _ = orlib_cap_to_wave(&noisy[..end], None, "t");
            let _ = orlib_cap_to_wave(&TINY[..end.min(TINY.len())], Some(3.0), "t");
        }
        // A huge declared size fails at the end of the file rather than allocating.
        assert!(orlib_cap_to_wave("1000000000000 5\n", None, "t").is_err());
    }
}
