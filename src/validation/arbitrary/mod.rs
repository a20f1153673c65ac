//! Random waves for the property tests in `properties.rs`.
//!
//! Waves are drawn field by field from small pools of names (so references both resolve and
//! miss) and numbers, each field sometimes taking an edge value (blank, out of range, NaN, huge).
//! `wave(EDGE_HOSTILE)` takes edge values often; `wave(EDGE_RARE)` rarely, and also makes ids
//! unique, so that a good share of its waves are valid.

use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

use crate::format::*;
use values::{amount, count, date, days, either, float, name, non_empty};

mod values;

/// Edge values in about a third of the fields.
pub(in crate::validation) const EDGE_HOSTILE: u32 = 150;
/// Edge values in about one field in 300.
pub(in crate::validation) const EDGE_RARE: u32 = 1;

const TIMESTAMPS: &[&str] = &[
    "2026-11-26T10:00:00Z",
    "2026-11-20T23:30:00-05:00",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
];
const DUE: &[&str] = &[
    "2026-11-28",
    "2026-11-27T18:00:00Z",
    "2026-11-01",
    "9999-12-31",
    "0001-01-01",
];
const NODES: &[&str] = &["N0", "N1", "N2"];
const SKUS: &[&str] = &["A", "B", "C"];
const CHANNELS: &[&str] = &["web", "edi"];
const ZONES: &[&str] = &["NY", "TX"];

fn ship_to(e: u32) -> impl Strategy<Value = ShipTo> {
    let coordinates = either(e, Just(true), Just(false));
    (
        coordinates,
        float(e, -60.0..60.0, &[-90.0, 90.0], &[90.5]),
        float(e, -170.0..170.0, &[-180.0, 180.0], &[180.5]),
        of(name(e, ZONES)),
        of(float(e, 0.0..1.0, &[], &[])),
    )
        .prop_map(|(both, lat, lon, zone, lone)| match (both, zone) {
            (true, zone) => ShipTo {
                lat: Some(lat),
                lon: Some(lon),
                zone,
            },
            (false, Some(zone)) => ShipTo {
                lat: None,
                lon: None,
                zone: Some(zone),
            },
            (false, None) => ShipTo {
                lat: lone,
                lon: None,
                zone: None,
            },
        })
}

fn order(e: u32) -> impl Strategy<Value = Order> {
    let line =
        (name(e, &["1", "2"]), name(e, SKUS), count(e, 1)).prop_map(|(id, sku, qty)| OrderLine {
            id,
            sku,
            qty,
            metadata: None,
        });
    let head = (
        name(e, &["O1", "O2"]),
        name(e, CHANNELS),
        name(e, &["C1"]),
        of(either(e, select(vec!["vip", "standard"]), Just("gold"))),
    );
    let rest = (
        of(date(e, TIMESTAMPS)),
        ship_to(e),
        of(date(e, DUE)),
        any::<(bool, bool)>(),
        of(name(e, &["credit"])),
        non_empty(e, line, 3),
    );
    (head, rest).prop_map(
        |(
            (id, channel, customer, tier),
            (placed_at, ship_to, due_by, (ship_complete, fill_or_kill), hold, lines),
        )| Order {
            id,
            channel,
            customer,
            tier: tier.map(str::to_string),
            placed_at,
            ship_to,
            due_by,
            ship_complete,
            fill_or_kill,
            hold,
            lines,
            metadata: None,
        },
    )
}

fn node(e: u32) -> impl Strategy<Value = Node> {
    let kind = select(vec![
        NodeKind::Warehouse,
        NodeKind::Store,
        NodeKind::ThirdParty,
        NodeKind::Dropship,
    ]);
    let location = of((
        float(e, -60.0..60.0, &[-90.0, 90.0], &[-90.5]),
        float(e, -170.0..170.0, &[-180.0, 180.0], &[-180.5]),
    )
        .prop_map(|(lat, lon)| LatLon { lat, lon }));
    let capacity = (of(count(e, 0)), of(count(e, 0)))
        .prop_map(|(shipments, units)| Capacity { shipments, units });
    let head = (name(e, NODES), kind, location, any::<bool>(), days(e));
    let rest = (
        (amount(e), amount(e)),
        amount(e),
        capacity,
        of(vec(name(e, CHANNELS), 0..3)),
    );
    (head, rest).prop_map(
        |(
            (id, kind, location, active, processing_days),
            ((per_shipment, per_unit), fixed_cost, capacity, channels),
        )| Node {
            id,
            kind,
            location,
            active,
            processing_days,
            handling: Handling {
                per_shipment,
                per_unit,
            },
            fixed_cost,
            capacity,
            channels,
        },
    )
}

fn inventory(e: u32) -> impl Strategy<Value = InventoryRecord> {
    (name(e, NODES), name(e, SKUS), count(e, 0), count(e, 0)).prop_map(
        |(node, sku, on_hand, safety_stock)| InventoryRecord {
            node,
            sku,
            on_hand,
            safety_stock,
        },
    )
}

fn reservation(e: u32) -> impl Strategy<Value = Reservation> {
    let amount = either(e, any::<bool>(), Just(true)).prop_flat_map(move |by_qty| {
        (
            Just(by_qty),
            count(e, 0),
            float(e, 0.0..1.0, &[0.0, 1.0], &[1.5]),
        )
    });
    let both = either(e, Just(false), Just(true));
    (
        name(e, CHANNELS),
        name(e, SKUS),
        of(name(e, NODES)),
        amount,
        both,
    )
        .prop_map(
            |(channel, sku, node, (by_qty, qty, share), both)| Reservation {
                channel,
                sku,
                node,
                qty: (by_qty || both).then_some(qty),
                share: (!by_qty || both).then_some(share),
            },
        )
}

fn ship_method(e: u32) -> impl Strategy<Value = ShipMethod> {
    let km = float(e, 100.0..2000.0, &[1.0, 1e9], &[0.0, 0.5, 1e-300]);
    (
        name(e, &["ground", "express"]),
        amount(e),
        amount(e),
        float(e, 0.0..0.01, &[1e9], &[]),
        km,
        days(e),
    )
        .prop_map(
            |(id, base_cost, per_unit, per_unit_km, km_per_day, min_days)| ShipMethod {
                id,
                base_cost,
                per_unit,
                per_unit_km,
                km_per_day,
                min_days,
            },
        )
}

fn lane(e: u32) -> impl Strategy<Value = Lane> {
    (
        name(e, NODES),
        name(e, ZONES),
        of(name(e, &["ground", "express"])),
        of(amount(e)),
        of(amount(e)),
        of(days(e)),
    )
        .prop_map(
            |(from, to_zone, method, per_shipment, per_unit, days)| Lane {
                from,
                to_zone,
                method,
                per_shipment,
                per_unit,
                days,
            },
        )
}

fn policy(e: u32) -> impl Strategy<Value = Policy> {
    let tier =
        (name(e, &["vip", "standard"]), of(amount(e))).prop_map(|(name, unfilled_penalty)| Tier {
            name,
            unfilled_penalty,
        });
    let tiers = non_empty(e, tier, 3);
    let modes = (
        select(vec![Allocation::Strict, Allocation::Weighted]),
        select(vec![WithinTier::Cost, WithinTier::Fifo]),
        select(vec![SlaMode::Hard, SlaMode::Soft]),
    );
    (
        tiers,
        modes,
        amount(e),
        amount(e),
        of(count(e, 1)),
        float(e, 1.0..2.0, &[1.0, 10.0], &[0.99, 10.01]),
    )
        .prop_map(
            |(
                tiers,
                (allocation, within_tier, sla),
                late_penalty_per_day,
                split_penalty,
                max_shipments_per_order,
                road_factor,
            )| Policy {
                tiers,
                allocation,
                within_tier,
                sla,
                late_penalty_per_day,
                split_penalty,
                max_shipments_per_order,
                road_factor,
            },
        )
}

fn options(e: u32) -> impl Strategy<Value = Options> {
    let time = either(
        e,
        1i64..10_000,
        select(vec![0, -1, 1_000_000_000, 1_000_000_001, i64::MAX]),
    );
    let threads = of(either(
        e,
        1i64..8,
        select(vec![0, 1024, 1025, -1, i64::MIN]),
    ));
    (time, float(e, 0.0..0.01, &[0.0, 1.0], &[1.01]), threads).prop_map(
        |(time_limit_ms, mip_gap, threads)| Options {
            time_limit_ms,
            mip_gap,
            threads,
            ..Options::default()
        },
    )
}

pub(in crate::validation) fn wave(e: u32) -> impl Strategy<Value = Wave> {
    let head = (
        name(e, &["w"]),
        date(e, TIMESTAMPS),
        vec(order(e), 0..4),
        non_empty(e, node(e), 4),
        vec(inventory(e), 0..5),
    );
    let rest = (
        vec(reservation(e), 0..3),
        vec(ship_method(e), 0..3),
        vec(lane(e), 0..3),
        policy(e),
        options(e),
    );
    (head, rest).prop_map(
        move |(
            (wave_id, as_of, orders, nodes, inventory),
            (reservations, ship_methods, lanes, policy, options),
        )| {
            let mut wave = Wave {
                wave_id,
                as_of,
                orders,
                nodes,
                inventory,
                reservations,
                ship_methods,
                lanes,
                policy,
                options,
            };
            if e == EDGE_RARE {
                make_ids_unique(&mut wave);
            }
            wave
        },
    )
}

/// Renames orders, lines and nodes by position, points node references at existing nodes, and
/// drops later duplicates of methods, tiers, inventory records and lanes, so that mostly-valid
/// waves are often entirely valid.
fn make_ids_unique(wave: &mut Wave) {
    for (i, order) in wave.orders.iter_mut().enumerate() {
        order.id = format!("O{i}");
        for (j, line) in order.lines.iter_mut().enumerate() {
            line.id = format!("L{j}");
        }
    }
    for (i, node) in wave.nodes.iter_mut().enumerate() {
        node.id = format!("N{i}");
    }
    let nodes = wave.nodes.len().max(1);
    let existing = |id: &mut String| {
        if let Some(k) = id.strip_prefix('N').and_then(|k| k.parse::<usize>().ok()) {
            *id = format!("N{}", k % nodes);
        }
    };
    wave.inventory
        .iter_mut()
        .for_each(|r| existing(&mut r.node));
    wave.lanes.iter_mut().for_each(|l| existing(&mut l.from));
    wave.reservations
        .iter_mut()
        .filter_map(|r| r.node.as_mut())
        .for_each(existing);
    let mut seen = std::collections::HashSet::new();
    wave.ship_methods.retain(|m| seen.insert(m.id.clone()));
    let mut seen = std::collections::HashSet::new();
    wave.policy.tiers.retain(|t| seen.insert(t.name.clone()));
    let mut seen = std::collections::HashSet::new();
    wave.inventory
        .retain(|r| seen.insert((r.node.clone(), r.sku.clone())));
    let mut seen = std::collections::HashSet::new();
    wave.lanes
        .retain(|l| seen.insert((l.from.clone(), l.to_zone.clone(), l.method.clone())));
}
