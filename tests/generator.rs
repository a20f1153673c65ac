//! The deterministic generator: the same preset and seed give the same wave, byte for byte;
//! presets have the reference sizes of SPEC.md §7; and the S preset exercises every feature of
//! the contract, so that benchmarks and property tests built on it cover the whole model.
//!
//! Shapes vary the structure at a preset's size: each generates valid, deterministic waves, and
//! each has the structure it promises (binding capacities, independent regions, long orders).
//!
//! `datasets/presets/s.wave.json` is `generate(S, 1)`, committed. After an intended change to
//! the generator, rewrite it with `WAVEOPT_BLESS=1 cargo test --test generator`.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};

use common::dataset_path;
use waveopt::format::{to_pretty_json, NodeKind, ShipMethod, Wave};
use waveopt::generate::{
    generate, generate_shape, generate_with, Bands, GeneratorConfig, Preset, Shape,
};

fn s_wave() -> Wave {
    generate(Preset::S, 1)
}

#[test]
fn the_same_preset_and_seed_give_byte_identical_waves() {
    assert_eq!(to_pretty_json(&s_wave()), to_pretty_json(&s_wave()));
}

#[test]
fn different_seeds_give_different_waves() {
    assert_ne!(generate(Preset::S, 1).orders, generate(Preset::S, 2).orders);
}

#[test]
fn the_committed_s_preset_is_what_the_generator_makes_for_seed_1() {
    let path = dataset_path("presets/s.wave.json");
    let generated = to_pretty_json(&s_wave());
    if std::env::var_os("WAVEOPT_BLESS").is_some() {
        waveopt::io::write_text(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{} differs from generate(S, 1); if the change is intended, rerun with WAVEOPT_BLESS=1",
        path.display()
    );
}

#[test]
fn the_wave_id_names_the_preset_and_the_seed() {
    assert_eq!(generate(Preset::S, 7).wave_id, "gen-s-seed7");
    assert_eq!(generate(Preset::S, 7).as_of, "2026-11-26T10:00:00Z");
}

fn distinct_skus(wave: &Wave) -> usize {
    let lines = wave.orders.iter().flat_map(|o| &o.lines).map(|l| &l.sku);
    let stock = wave.inventory.iter().map(|r| &r.sku);
    lines.chain(stock).collect::<HashSet<_>>().len()
}

fn assert_reference_size(preset: Preset, orders: usize, nodes: usize, skus: usize) {
    let wave = generate(preset, 1);
    assert_eq!(wave.orders.len(), orders, "{preset} orders");
    assert_eq!(wave.nodes.len(), nodes, "{preset} nodes");
    let used = distinct_skus(&wave);
    assert!(
        used <= skus && used * 10 >= skus * 9,
        "{preset}: {used} SKUs"
    );
    assert!(wave.orders.iter().all(|o| (1..=5).contains(&o.lines.len())));
}

#[test]
fn the_s_preset_has_200_orders_8_nodes_and_300_skus() {
    assert_reference_size(Preset::S, 200, 8, 300);
}

#[test]
fn the_m_preset_has_5000_orders_25_nodes_and_2000_skus() {
    assert_reference_size(Preset::M, 5_000, 25, 2_000);
}

#[test]
fn the_larger_presets_are_configured_with_the_reference_sizes() {
    let sizes = |p: Preset| {
        let c = p.config();
        (c.orders, c.nodes, c.skus)
    };
    assert_eq!(sizes(Preset::L), (50_000, 60, 10_000));
    assert_eq!(sizes(Preset::Xl), (200_000, 150, 20_000));
}

#[test]
fn preset_names_parse_back_case_insensitively() {
    for preset in Preset::ALL {
        assert_eq!(preset.name().parse::<Preset>(), Ok(preset));
        assert_eq!(preset.name().to_uppercase().parse::<Preset>(), Ok(preset));
    }
    assert!("xxl".parse::<Preset>().is_err());
}

#[test]
fn generating_a_preset_is_generating_with_its_config() {
    assert_eq!(
        generate(Preset::S, 3),
        generate_with(&Preset::S.config(), 3)
    );
}

#[test]
fn the_s_preset_has_every_node_kind_with_its_costs_and_restrictions() {
    let wave = s_wave();
    let kinds: HashSet<NodeKind> = wave.nodes.iter().map(|n| n.kind).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    for node in &wave.nodes {
        assert!(node.location.is_some(), "{} has no location", node.id);
        assert!(
            node.handling.per_unit > 0.0,
            "{} has no handling cost",
            node.id
        );
        let fixed = matches!(node.kind, NodeKind::ThirdParty | NodeKind::Dropship);
        assert_eq!(node.fixed_cost > 0.0, fixed, "{} fixed cost", node.id);
    }
    let processing: BTreeSet<i64> = wave.nodes.iter().map(|n| n.processing_days).collect();
    assert!(
        processing.contains(&0) && processing.contains(&2),
        "{processing:?}"
    );
    let stores = wave.nodes.iter().filter(|n| n.kind == NodeKind::Store);
    assert!(stores
        .into_iter()
        .all(|n| n.channels == Some(vec!["web".to_string()])));
}

#[test]
fn about_a_third_of_the_s_nodes_have_a_capacity_and_both_limits_occur() {
    let wave = s_wave();
    let capped = wave.nodes.iter().filter(|n| !n.capacity.is_unlimited());
    assert!(capped.count() >= 3);
    assert!(wave.nodes.iter().any(|n| n.capacity.units.is_some()));
    assert!(wave.nodes.iter().any(|n| n.capacity.shipments.is_some()));
}

#[test]
fn the_s_preset_has_five_channels_three_tiers_and_every_order_flag() {
    let wave = s_wave();
    let channels: HashSet<&str> = wave.orders.iter().map(|o| o.channel.as_str()).collect();
    assert_eq!(channels.len(), 5, "{channels:?}");
    let tiers: Vec<&str> = wave.policy.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tiers, ["strategic", "key", "standard"]);
    let penalties: Vec<f64> = wave
        .policy
        .tiers
        .iter()
        .map(|t| t.unfilled_penalty.unwrap())
        .collect();
    assert!(penalties.windows(2).all(|w| w[0] > w[1]));
    let used: HashSet<&str> = wave
        .orders
        .iter()
        .filter_map(|o| o.tier.as_deref())
        .collect();
    assert_eq!(used.len(), 3);
    assert!(wave.orders.iter().any(|o| o.hold.is_some()));
    assert!(wave.orders.iter().any(|o| o.ship_complete));
    assert!(wave.orders.iter().any(|o| o.fill_or_kill));
    assert!(wave.orders.iter().all(|o| o.placed_at.is_some()));
    let due: BTreeSet<&str> = wave
        .orders
        .iter()
        .filter_map(|o| o.due_by.as_deref())
        .collect();
    assert_eq!(due.first(), Some(&"2026-11-27"));
    assert_eq!(due.last(), Some(&"2026-12-02"));
}

#[test]
fn the_s_preset_has_zone_orders_and_lanes_of_every_shape() {
    let wave = s_wave();
    let zoned: Vec<_> = wave
        .orders
        .iter()
        .filter(|o| o.ship_to.zone.is_some())
        .collect();
    assert!(zoned.iter().any(|o| o.ship_to.lat.is_some()));
    assert!(!wave.lanes.is_empty());
    assert!(wave.lanes.iter().any(|l| l.method.is_some()));
    assert!(wave.lanes.iter().any(|l| l.method.is_none()));
    assert!(wave.lanes.iter().any(|l| l.days.is_none()));
    let zones: HashSet<&str> = wave.lanes.iter().map(|l| l.to_zone.as_str()).collect();
    assert!(zoned
        .iter()
        .all(|o| zones.contains(o.ship_to.zone.as_deref().unwrap())));
}

#[test]
fn the_s_preset_ships_ground_and_a_faster_dearer_express() {
    let wave = s_wave();
    assert_eq!(wave.ship_methods[0], ShipMethod::default_ground());
    let express = &wave.ship_methods[1];
    assert_eq!(express.id, "express");
    assert!(express.base_cost > 8.759 && express.per_unit > 0.423);
    assert_eq!((express.km_per_day, express.min_days), (2000.0, 1));
}

/// Units available per SKU over active nodes, and units demanded by orders not on hold.
fn supply_and_demand(wave: &Wave) -> (HashMap<&str, i64>, HashMap<&str, i64>) {
    let active: HashSet<&str> = wave
        .nodes
        .iter()
        .filter(|n| n.active)
        .map(|n| n.id.as_str())
        .collect();
    let mut supply = HashMap::new();
    for r in wave
        .inventory
        .iter()
        .filter(|r| active.contains(r.node.as_str()))
    {
        *supply.entry(r.sku.as_str()).or_default() += (r.on_hand - r.safety_stock).max(0);
    }
    let mut demand = HashMap::new();
    for order in wave.orders.iter().filter(|o| o.hold.is_none()) {
        for line in &order.lines {
            *demand.entry(line.sku.as_str()).or_default() += line.qty;
        }
    }
    (supply, demand)
}

#[test]
fn the_s_preset_has_scarce_skus_and_reserves_them_in_every_form() {
    let wave = s_wave();
    let (supply, demand) = supply_and_demand(&wave);
    let scarce: HashSet<&str> = demand
        .iter()
        .filter(|(sku, &d)| supply.get(*sku).copied().unwrap_or(0) < d)
        .map(|(sku, _)| *sku)
        .collect();
    assert!(scarce.len() >= 5, "{scarce:?}");
    let r = &wave.reservations;
    assert!(r.iter().all(|r| scarce.contains(r.sku.as_str())));
    assert!(r.iter().any(|r| r.node.is_some() && r.qty.is_some()));
    assert!(r.iter().any(|r| r.node.is_some() && r.share.is_some()));
    assert!(r.iter().any(|r| r.node.is_none() && r.qty.is_some()));
    assert!(r.iter().any(|r| r.node.is_none() && r.share.is_some()));
    assert!(wave.inventory.iter().any(|r| r.safety_stock > 0));
}

#[test]
fn sku_popularity_is_skewed() {
    let wave = generate(Preset::M, 1);
    let (_, demand) = supply_and_demand(&wave);
    let mut units: Vec<i64> = demand.into_values().collect();
    units.sort_unstable_by(|a, b| b.cmp(a));
    let top: i64 = units.iter().take(units.len() / 10).sum();
    let all: i64 = units.iter().sum();
    assert!(top * 3 > all, "top 10% of SKUs have {top} of {all} units");
}

#[test]
fn the_m_preset_closes_one_warehouse() {
    let wave = generate(Preset::M, 1);
    let closed: Vec<_> = wave.nodes.iter().filter(|n| !n.active).collect();
    assert_eq!(closed.len(), 1);
    assert_eq!(closed[0].kind, NodeKind::Warehouse);
}

#[test]
fn every_reference_in_a_generated_wave_resolves() {
    for wave in [s_wave(), generate(Preset::M, 2)] {
        let nodes: HashSet<&str> = wave.nodes.iter().map(|n| n.id.as_str()).collect();
        let methods: HashSet<&str> = wave.ship_methods.iter().map(|m| m.id.as_str()).collect();
        assert!(wave
            .inventory
            .iter()
            .all(|r| nodes.contains(r.node.as_str())));
        assert!(wave
            .reservations
            .iter()
            .all(|r| r.node.as_deref().is_none_or(|n| nodes.contains(n))));
        assert!(wave.lanes.iter().all(|l| nodes.contains(l.from.as_str())));
        assert!(wave
            .lanes
            .iter()
            .all(|l| l.method.as_deref().is_none_or(|m| methods.contains(m))));
        for order in &wave.orders {
            let skus: HashSet<&str> = order.lines.iter().map(|l| l.sku.as_str()).collect();
            assert_eq!(skus.len(), order.lines.len(), "{} repeats a SKU", order.id);
            assert!(order.lines.iter().all(|l| l.qty >= 1));
        }
    }
}

#[test]
fn tiny_custom_waves_can_be_generated() {
    let config = GeneratorConfig {
        name: "tiny".to_string(),
        orders: 12,
        nodes: 4,
        skus: 10,
        max_lines: 3,
        ..GeneratorConfig::default()
    };
    let wave = generate_with(&config, 9);
    assert_eq!(wave.wave_id, "gen-tiny-seed9");
    assert_eq!((wave.orders.len(), wave.nodes.len()), (12, 4));
    assert!(wave.orders.iter().all(|o| (1..=3).contains(&o.lines.len())));
    assert!(distinct_skus(&wave) <= 10);
}

#[test]
fn degenerate_configs_do_not_panic() {
    for (orders, nodes, skus) in [(0, 1, 0), (5, 1, 1), (3, 2, 0), (50, 3, 2)] {
        let config = GeneratorConfig {
            orders,
            nodes,
            skus,
            ..GeneratorConfig::default()
        };
        let wave = generate_with(&config, 1);
        assert_eq!((wave.orders.len(), wave.nodes.len()), (orders, nodes));
    }
}

#[test]
fn generated_waves_are_valid() {
    let tiny = GeneratorConfig {
        orders: 30,
        nodes: 5,
        skus: 20,
        ..GeneratorConfig::default()
    };
    for wave in [s_wave(), generate(Preset::M, 1), generate_with(&tiny, 4)] {
        let problems = waveopt::validation::validate(&wave);
        assert!(problems.is_empty(), "{}: {problems:#?}", wave.wave_id);
    }
}

#[test]
fn every_shape_at_s_generates_a_valid_wave() {
    for shape in Shape::ALL {
        let wave = generate_shape(Preset::S, shape, 1);
        let problems = waveopt::validation::validate(&wave);
        assert!(problems.is_empty(), "{}: {problems:#?}", wave.wave_id);
        assert_eq!(wave.orders.len(), 200, "{shape}");
        assert_eq!(wave.nodes.len(), 8, "{shape}");
    }
}

#[test]
fn every_shape_gives_byte_identical_waves_for_the_same_seed() {
    for shape in Shape::ALL {
        let a = to_pretty_json(&generate_shape(Preset::S, shape, 7));
        let b = to_pretty_json(&generate_shape(Preset::S, shape, 7));
        assert!(a == b, "{shape} is not deterministic");
        assert_ne!(
            generate_shape(Preset::S, shape, 7).orders,
            generate_shape(Preset::S, shape, 8).orders,
            "{shape}"
        );
    }
}

#[test]
fn the_standard_shape_is_the_preset_and_other_shapes_name_themselves() {
    assert_eq!(generate_shape(Preset::S, Shape::Standard, 1), s_wave());
    assert_eq!(
        generate_shape(Preset::S, Shape::Tight, 7).wave_id,
        "gen-tight-s-seed7"
    );
    assert_eq!(Shape::MultiLine.config(Preset::M).name, "multiline-m");
}

#[test]
fn tight_waves_cap_half_the_nodes_in_both_limits_and_use_the_tight_policy() {
    let wave = generate_shape(Preset::M, Shape::Tight, 1);
    let capped: Vec<_> = wave
        .nodes
        .iter()
        .filter(|n| !n.capacity.is_unlimited())
        .collect();
    assert_eq!(capped.len(), 13);
    assert!(capped
        .iter()
        .all(|n| n.capacity.units.is_some() && n.capacity.shipments.is_some()));
    let fixed = wave.nodes.iter().filter(|n| n.fixed_cost > 0.0).count();
    assert_eq!(fixed, 10);
    assert_eq!(wave.policy.late_penalty_per_day, 30.0);
    assert_eq!(wave.policy.split_penalty, 4.0);
    assert!((150..=300).contains(&wave.reservations.len()));
    assert!(wave.orders.iter().any(|o| o.ship_complete));
    assert!(wave.orders.iter().any(|o| o.fill_or_kill));
}

#[test]
fn tight_stock_is_about_demand_over_0_7_spread_a_few_units_a_record() {
    for preset in [Preset::S, Preset::M] {
        let wave = generate_shape(preset, Shape::Tight, 1);
        let (supply, demand) = supply_and_demand(&wave);
        let stocked: i64 = demand.keys().filter_map(|sku| supply.get(sku)).sum();
        let ratio = demand.values().sum::<i64>() as f64 / stocked as f64;
        assert!(
            (0.6..0.85).contains(&ratio),
            "{preset}: demand/stock {ratio}"
        );
        let mut units: Vec<i64> = wave.inventory.iter().map(|r| r.on_hand).collect();
        units.sort_unstable();
        let median = units[units.len() / 2];
        assert!(
            (1..=5).contains(&median),
            "{preset}: median record {median}"
        );
    }
}

#[test]
fn tight_capacities_bind_under_the_greedy_router() {
    let wave = generate_shape(Preset::S, Shape::Tight, 1);
    let options = waveopt::format::Options {
        engine: waveopt::format::Engine::Greedy,
        ..wave.options.clone()
    };
    let plan = waveopt::plan(&wave, &options).unwrap();
    let capped: Vec<&str> = wave
        .nodes
        .iter()
        .filter(|n| !n.capacity.is_unlimited())
        .map(|n| n.id.as_str())
        .collect();
    let full = plan
        .nodes
        .iter()
        .filter(|n| capped.contains(&n.id.as_str()))
        .filter(|n| {
            let used = [n.utilization.shipments, n.utilization.units];
            used.into_iter().flatten().any(|u| u >= 0.9)
        })
        .count();
    assert!(
        full * 3 >= capped.len(),
        "{full} of {} capped nodes at 90%",
        capped.len()
    );
}

#[test]
fn regional_waves_stock_no_sku_in_both_regions() {
    let bands = Bands::new(2);
    for preset in [Preset::S, Preset::M] {
        let wave = generate_shape(preset, Shape::Regional, 1);
        let region: HashMap<&str, usize> = wave
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), bands.of(n.location.unwrap().lon)))
            .collect();
        assert_eq!(region.values().collect::<HashSet<_>>().len(), 2);
        let mut regions_of_sku: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        for r in &wave.inventory {
            regions_of_sku
                .entry(r.sku.as_str())
                .or_default()
                .insert(region[r.node.as_str()]);
        }
        assert!(
            regions_of_sku.values().all(|r| r.len() == 1),
            "{preset}: a SKU is stocked in both regions"
        );
        // Every order draws on one region only, and both regions have orders.
        let mut order_regions = BTreeSet::new();
        for order in &wave.orders {
            let used: BTreeSet<usize> = order
                .lines
                .iter()
                .filter_map(|l| regions_of_sku.get(l.sku.as_str()))
                .flatten()
                .copied()
                .collect();
            assert!(used.len() <= 1, "{}: {used:?}", order.id);
            order_regions.extend(used);
        }
        assert_eq!(order_regions.len(), 2, "{preset}");
    }
}

#[test]
fn multiline_orders_have_up_to_twelve_lines_and_more_ship_complete() {
    let wave = generate_shape(Preset::M, Shape::MultiLine, 1);
    let lines: Vec<usize> = wave.orders.iter().map(|o| o.lines.len()).collect();
    let mean = lines.iter().sum::<usize>() as f64 / lines.len() as f64;
    assert!((5.0..8.0).contains(&mean), "mean {mean} lines");
    assert_eq!(lines.iter().max(), Some(&12));
    let ship_complete = wave.orders.iter().filter(|o| o.ship_complete).count();
    assert_eq!(ship_complete, 750);
}

#[test]
fn regions_k_makes_k_disjoint_regions_and_leaves_the_shapes_own_count_unchanged() {
    use waveopt::generate::generate_regions;
    use waveopt::model::{components, Model};
    let three = generate_regions(Preset::S, Shape::Standard, 3, 5);
    assert_eq!(three.wave_id, "gen-s-regions3-seed5");
    // Each region may fall apart further (uncapacitated nodes link nothing), never less.
    let model = Model::from_wave(&three).unwrap();
    assert!(components::count(&model) >= 3);
    // No SKU is stocked in two regions: the nodes holding each SKU lie in one band.
    let bands = Bands::new(3);
    let band_of: HashMap<&str, usize> = three
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), bands.of(n.location.as_ref().unwrap().lon)))
        .collect();
    let mut sku_bands: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for record in &three.inventory {
        sku_bands
            .entry(record.sku.as_str())
            .or_default()
            .insert(band_of[record.node.as_str()]);
    }
    assert!(sku_bands.values().all(|b| b.len() == 1), "{sku_bands:?}");
    // The shape's own count is the shape's wave, byte for byte.
    assert_eq!(
        to_pretty_json(&generate_regions(Preset::S, Shape::Standard, 1, 5)),
        to_pretty_json(&generate(Preset::S, 5))
    );
    assert_eq!(
        to_pretty_json(&generate_regions(Preset::S, Shape::Regional, 2, 5)),
        to_pretty_json(&generate_shape(Preset::S, Shape::Regional, 5))
    );
}

/// `waveopt generate --orders/--nodes/--skus` makes a shape at any size: the counts asked for,
/// the shape's settings kept, the departures in the wave id, and a wave that validates.
#[test]
fn the_cli_generates_a_shape_at_a_size_between_the_presets() {
    let dir = std::env::temp_dir().join(format!("waveopt-gen-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("tight.json");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_waveopt"))
        .args([
            "generate", "--preset", "s", "--shape", "tight", "--seed", "3",
        ])
        .args(["--orders", "60", "--nodes", "6", "--skus", "40", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let wave: Wave = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(wave.wave_id, "gen-tight-s-o60-n6-k40-seed3");
    assert_eq!((wave.orders.len(), wave.nodes.len()), (60, 6));
    assert!(distinct_skus(&wave) <= 40);
    assert_eq!(wave.policy.late_penalty_per_day, 30.0, "the tight shape's");
    assert_eq!(waveopt::validation::validate(&wave), vec![]);
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_waveopt"))
        .args(["generate", "--orders", "0"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "a usage error");
    std::fs::remove_dir_all(&dir).ok();
}
