//! Colours: one per node (by its position in the base wave), per tier, per variant and per
//! cost part, the same in every chart and map of a report.

use plotters::style::RGBColor;

/// Tableau 10, then darker companions, so up to 20 nodes get distinct colours.
const CATEGORICAL: [RGBColor; 20] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
    RGBColor(16, 74, 118),
    RGBColor(176, 80, 0),
    RGBColor(24, 100, 24),
    RGBColor(140, 20, 20),
    RGBColor(96, 60, 130),
    RGBColor(90, 50, 40),
    RGBColor(170, 60, 140),
    RGBColor(70, 70, 70),
    RGBColor(120, 120, 10),
    RGBColor(10, 120, 130),
];

/// The `index`-th categorical colour (cycling).
pub(crate) fn categorical(index: usize) -> RGBColor {
    CATEGORICAL[index % CATEGORICAL.len()]
}

/// Variants: the base in slate grey, then the categorical colours.
pub(crate) fn variant(index: usize) -> RGBColor {
    if index == 0 {
        RGBColor(110, 120, 135)
    } else {
        categorical(index - 1)
    }
}

/// Tiers, highest priority darkest.
pub(crate) fn tier(index: usize) -> RGBColor {
    const TIERS: [RGBColor; 5] = [
        RGBColor(8, 69, 148),
        RGBColor(49, 130, 189),
        RGBColor(107, 174, 214),
        RGBColor(158, 202, 225),
        RGBColor(198, 219, 239),
    ];
    TIERS[index.min(TIERS.len() - 1)]
}

/// Cost parts, in the order of `Objective`'s fields after `total`.
pub(crate) const COST_PARTS: [(&str, RGBColor); 6] = [
    ("shipping", RGBColor(31, 119, 180)),
    ("handling", RGBColor(44, 160, 44)),
    ("fixed", RGBColor(148, 103, 189)),
    ("split penalty", RGBColor(255, 127, 14)),
    ("late penalty", RGBColor(214, 39, 40)),
    ("unfilled penalty", RGBColor(127, 127, 127)),
];

/// Grey for closed nodes and unserved points.
pub(crate) const MUTED: RGBColor = RGBColor(150, 150, 150);
