//! Shapes: structurally different waves at every size preset, so that benchmarks and tests
//! measure more than one kind of wave. A shape is a set of [`GeneratorConfig`] settings laid
//! over a preset's; the standard shape is the preset itself.

use std::fmt;
use std::str::FromStr;

use super::{generate_with, GeneratorConfig, LineMix, Preset};
use crate::format::Wave;

/// The structure of a generated wave (its size comes from a [`Preset`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// The preset as it is: about a third of the nodes bind, stock covers ordinary SKUs 1.6×.
    Standard,
    /// Capacity-bound: half the nodes capped at 40–60% of their expected load in both
    /// shipments and units, stock only about 1/0.7 of demand and spread a few units a record
    /// over many nodes, fixed costs on 40% of the nodes, scarce SKUs (with reservations) three
    /// times as common, late penalty 30 a day and split penalty 4.
    Tight,
    /// Two regions (west and east by longitude) with their own nodes, customers and SKUs, so
    /// the wave falls apart into independent components.
    Regional,
    /// Orders of 1–12 lines (about 6.5 on average), 15% ship-complete and 5% fill-or-kill, so
    /// that split and side rules matter.
    MultiLine,
}

impl Shape {
    pub const ALL: [Shape; 4] = [
        Shape::Standard,
        Shape::Tight,
        Shape::Regional,
        Shape::MultiLine,
    ];

    /// The lower-case name used on the command line and in wave ids.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Standard => "standard",
            Shape::Tight => "tight",
            Shape::Regional => "regional",
            Shape::MultiLine => "multiline",
        }
    }

    /// The generator settings of this shape at a preset's size. The name (and so the wave id
    /// `gen-<name>-seed<seed>`) is the preset's for the standard shape (`m`), and
    /// `<shape>-<preset>` otherwise (`tight-m`).
    pub fn config(self, preset: Preset) -> GeneratorConfig {
        let base = preset.config();
        let name = format!("{}-{}", self.name(), preset.name());
        match self {
            Shape::Standard => base,
            Shape::Tight => GeneratorConfig {
                name,
                scarce_sku_share: 0.2,
                supply_cover: 1.4,
                scarce_cover: 0.6,
                binding_node_share: 0.5,
                binding_load: Some((0.4, 0.6)),
                units_per_record: Some((1, 5)),
                fixed_cost_share: Some(0.4),
                late_penalty_per_day: 30.0,
                split_penalty: 4.0,
                ..base
            },
            Shape::Regional => GeneratorConfig {
                name,
                regions: 2,
                ..base
            },
            Shape::MultiLine => GeneratorConfig {
                name,
                max_lines: 12,
                line_mix: LineMix::Wide,
                ship_complete_share: 0.15,
                fill_or_kill_share: 0.05,
                ..base
            },
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Shape {
    type Err = String;

    /// A shape's name, in any case; `multi-line` and `multi_line` also name [`Shape::MultiLine`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let plain: String = text.chars().filter(|c| !matches!(c, '-' | '_')).collect();
        Shape::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(&plain))
            .ok_or_else(|| {
                format!("unknown shape '{text}' (expected standard, tight, regional or multiline)")
            })
    }
}

/// Generates the wave of a preset in a shape.
pub fn generate_shape(preset: Preset, shape: Shape, seed: u64) -> Wave {
    generate_with(&shape.config(preset), seed)
}

/// [`generate_shape`] with `regions` disjoint regions (no shared node or SKU: see
/// [`GeneratorConfig::regions`]) instead of the shape's own count. A count other than the
/// shape's goes into the name (`s-regions3`, so the wave id `gen-s-regions3-seed1`); the
/// shape's own count gives the shape's wave, byte for byte.
pub fn generate_regions(preset: Preset, shape: Shape, regions: usize, seed: u64) -> Wave {
    let variant = Variant {
        regions: Some(regions),
        ..Variant::default()
    };
    generate_with(&variant.config(preset, shape), seed)
}

/// Departures from a shape's settings at a preset's size: the number of regions, and the
/// wave's size, so that a shape can be generated at any size between and beyond the presets
/// (`tight` at 500 orders × 12 nodes). Every departure goes into the name (`tight-s-o500-n12`),
/// and none gives the shape's own wave, byte for byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Variant {
    pub regions: Option<usize>,
    pub orders: Option<usize>,
    pub nodes: Option<usize>,
    pub skus: Option<usize>,
}

impl Variant {
    /// The generator settings of `shape` at `preset` with these departures.
    pub fn config(self, preset: Preset, shape: Shape) -> GeneratorConfig {
        let mut config = shape.config(preset);
        let mut name = config.name.clone();
        let mut change = |value: Option<usize>, field: &mut usize, tag: &str| {
            if let Some(value) = value.filter(|v| v != field) {
                name.push_str(&format!("-{tag}{value}"));
                *field = value;
            }
        };
        change(self.regions, &mut config.regions, "regions");
        change(self.orders, &mut config.orders, "o");
        change(self.nodes, &mut config.nodes, "n");
        change(self.skus, &mut config.skus, "k");
        config.name = name;
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_names_parse_back() {
        for shape in Shape::ALL {
            assert_eq!(shape.name().parse::<Shape>(), Ok(shape));
            assert_eq!(shape.name().to_uppercase().parse::<Shape>(), Ok(shape));
        }
        assert_eq!("multi-line".parse::<Shape>(), Ok(Shape::MultiLine));
        assert!("round".parse::<Shape>().is_err());
    }

    #[test]
    fn the_standard_shape_is_the_preset() {
        for preset in Preset::ALL {
            assert_eq!(Shape::Standard.config(preset), preset.config());
        }
        assert_eq!(Shape::Tight.config(Preset::M).name, "tight-m");
    }

    #[test]
    fn a_variant_names_its_departures_and_keeps_the_rest() {
        let sized = Variant {
            orders: Some(500),
            nodes: Some(12),
            ..Variant::default()
        };
        let config = sized.config(Preset::S, Shape::Tight);
        assert_eq!(config.name, "tight-s-o500-n12");
        assert_eq!((config.orders, config.nodes, config.skus), (500, 12, 300));
        assert_eq!(config.late_penalty_per_day, 30.0);
        let same = Variant {
            orders: Some(200),
            regions: Some(1),
            ..Variant::default()
        };
        assert_eq!(
            same.config(Preset::S, Shape::Tight),
            Shape::Tight.config(Preset::S)
        );
    }
}
