//! The bar charts: cost breakdown (stacked), fill by tier (grouped), node utilisation (grouped).
//! Categories sit at integer x positions; every chart keeps its legend in a side panel so
//! nothing covers the bars.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{self, COST_PARTS};
use super::{DrawResult, FONT};
use crate::scenario::comparison::Comparison;

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

const LEGEND_WIDTH: u32 = 290;

/// A chart's plot area and its legend panel.
type Panels<DB> = (DrawingArea<DB, Shift>, DrawingArea<DB, Shift>);

/// Splits off the title and the legend panel; returns (plot area, legend area).
fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
) -> Result<Panels<DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let body = area.titled(title, (FONT, 22))?;
    let width = body.dim_in_pixel().0;
    Ok(body.split_horizontally(width.saturating_sub(LEGEND_WIDTH)))
}

/// A chart with `names` as categories along x and `0..y_max` up the y axis.
fn category_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    names: &[String],
    y_max: f64,
    y_desc: &str,
    y_format: &dyn Fn(&f64) -> String,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let n = names.len().max(1);
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .x_label_area_size(44)
        .y_label_area_size(78)
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), 0.0..y_max)?;
    let slot_px = area.dim_in_pixel().0.saturating_sub(100) as usize / n;
    let max_chars = (slot_px * 10 / 75).max(6);
    let x_format = |x: &f64| {
        let i = x.round();
        if (x - i).abs() > 1e-6 || i < 0.0 {
            return String::new();
        }
        names
            .get(i as usize)
            .map(|name| shorten(name, max_chars))
            .unwrap_or_default()
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&x_format)
        .y_label_formatter(y_format)
        .y_desc(y_desc)
        .label_style((FONT, 14))
        .axis_desc_style((FONT, 15))
        .light_line_style(RGBColor(246, 246, 246))
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()?;
    Ok(chart)
}

/// `name`, cut to `max` characters with an ellipsis.
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// A side legend: a colour swatch and a label per entry, then plain note lines.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    heading: &str,
    entries: &[(String, RGBColor)],
    notes: &[&str],
) -> DrawResult<DB> {
    let text = (FONT, 14).into_font();
    area.draw(&Text::new(
        heading.to_string(),
        (10, 24),
        (FONT, 15).into_font(),
    ))?;
    let mut y = 50;
    for (label, color) in entries {
        area.draw(&Rectangle::new([(10, y), (24, y + 14)], color.filled()))?;
        area.draw(&Rectangle::new(
            [(10, y), (24, y + 14)],
            BLACK.stroke_width(1),
        ))?;
        area.draw(&Text::new(shorten(label, 32), (32, y), text.clone()))?;
        y += 22;
    }
    y += 6;
    for note in notes {
        area.draw(&Text::new(
            note.to_string(),
            (10, y),
            (FONT, 12).into_font(),
        ))?;
        y += 18;
    }
    Ok(())
}

/// The x span of bar `slot` of `slots` in category `i`.
fn slot_span(i: usize, slot: usize, slots: usize) -> (f64, f64) {
    let width = 0.8 / slots as f64;
    let left = i as f64 - 0.4 + slot as f64 * width;
    (left + width * 0.06, left + width * 0.94)
}

fn value_label<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    text: String,
    at: (f64, f64),
    size: u32,
) -> DrawResult<DB> {
    let style = (FONT, size)
        .into_font()
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    chart.draw_series(std::iter::once(Text::new(text, at, style)))?;
    Ok(())
}

/// Stacked bars of the cost parts per variant, the total on top.
pub(super) fn cost_breakdown<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
) -> DrawResult<DB> {
    let (plot, side) = frame(area, "Cost breakdown per variant")?;
    let names: Vec<String> = c.variants.iter().map(|v| v.name.clone()).collect();
    let parts: Vec<[f64; 6]> = c
        .variants
        .iter()
        .map(|v| {
            let o = v.cost;
            [
                o.shipping,
                o.handling,
                o.fixed,
                o.split_penalty,
                o.late_penalty,
                o.unfilled_penalty,
            ]
        })
        .collect();
    let top = c
        .variants
        .iter()
        .map(|v| v.cost.total)
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.12;
    let mut chart = category_chart(&plot, &names, top, "cost", &|y| format!("{y:.0}"))?;
    let mut bottoms = vec![0.0; names.len()];
    let mut shown = Vec::new();
    for (p, (label, color)) in COST_PARTS.iter().enumerate() {
        if parts.iter().all(|v| v[p] <= 0.0) {
            continue;
        }
        shown.push((label.to_string(), *color));
        let bars: Vec<_> = parts
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (y0, y1) = (bottoms[i], bottoms[i] + v[p]);
                bottoms[i] = y1;
                Rectangle::new([(i as f64 - 0.3, y0), (i as f64 + 0.3, y1)], color.filled())
            })
            .collect();
        chart.draw_series(bars)?;
    }
    for (i, v) in c.variants.iter().enumerate() {
        value_label(
            &mut chart,
            format!("{:.0}", v.cost.total),
            (i as f64, v.cost.total),
            14,
        )?;
    }
    legend(&side, "Cost part", &shown, &["Bar top: total cost"])
}

/// Grouped bars: each tier's fill rate per variant, plus the overall fill.
pub(super) fn fill_by_tier<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
) -> DrawResult<DB> {
    let (plot, side) = frame(area, "Fill rate by tier per variant")?;
    let names: Vec<String> = c.variants.iter().map(|v| v.name.clone()).collect();
    let mut chart = category_chart(&plot, &names, 1.12, "units filled / demanded", &|y| {
        format!("{:.0}%", y * 100.0)
    })?;
    let slots = c.tiers.len() + 1;
    let slot_px = plot.dim_in_pixel().0 as f64 / names.len().max(1) as f64 * 0.8 / slots as f64;
    let mut entries = Vec::new();
    for slot in 0..slots {
        let (label, color) = if slot < c.tiers.len() {
            (c.tiers[slot].clone(), palette::tier(slot))
        } else {
            ("all tiers".to_string(), RGBColor(90, 90, 90))
        };
        entries.push((label, color));
        let mut labels = Vec::new();
        let bars: Vec<_> = c
            .variants
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let fill = match v.fill_by_tier.get(slot) {
                    Some(group) => group.fill_rate?,
                    None => v.fill_rate,
                };
                let (x0, x1) = slot_span(i, slot, slots);
                labels.push((format!("{:.0}%", fill * 100.0), ((x0 + x1) / 2.0, fill)));
                Some(Rectangle::new([(x0, 0.0), (x1, fill)], color.filled()))
            })
            .collect();
        chart.draw_series(bars)?;
        if slot_px >= 30.0 {
            for (text, at) in labels {
                value_label(&mut chart, text, at, 11)?;
            }
        }
    }
    legend(
        &side,
        "Tier (base priority order)",
        &entries,
        &["No bar: tier has no demand"],
    )
}

/// Grouped bars: units shipped per node, one bar per variant, labelled with the share of the
/// node's tighter capacity used (or "closed").
pub(super) fn node_utilisation<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Comparison,
) -> DrawResult<DB> {
    let (plot, side) = frame(area, "Node utilisation per variant")?;
    let top = c
        .variants
        .iter()
        .flat_map(|v| v.nodes.iter().map(|n| n.units as f64))
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.15;
    let mut chart = category_chart(&plot, &c.nodes, top, "units shipped", &|y| {
        format!("{y:.0}")
    })?;
    let slots = c.variants.len();
    let slot_px = plot.dim_in_pixel().0 as f64 / c.nodes.len().max(1) as f64 * 0.8 / slots as f64;
    let mut entries = Vec::new();
    for (slot, v) in c.variants.iter().enumerate() {
        let color = palette::variant(slot);
        entries.push((v.name.clone(), color));
        let mut labels = Vec::new();
        let mut closed = Vec::new();
        let bars: Vec<_> = v
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let (x0, x1) = slot_span(i, slot, slots);
                if !node.active {
                    closed.push((x0 + x1) / 2.0);
                } else if let Some(u) = node.utilization() {
                    labels.push((
                        format!("{:.0}%", u * 100.0),
                        ((x0 + x1) / 2.0, node.units as f64),
                    ));
                }
                Rectangle::new([(x0, 0.0), (x1, node.units as f64)], color.filled())
            })
            .collect();
        chart.draw_series(bars)?;
        if slot_px >= 22.0 {
            for (text, at) in labels {
                value_label(&mut chart, text, at, 10)?;
            }
        }
        let vertical = (FONT, 12)
            .into_font()
            .transform(FontTransform::Rotate270)
            .color(&palette::MUTED)
            .pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(
            closed
                .into_iter()
                .map(|x| Text::new("closed", (x, top * 0.01), vertical.clone())),
        )?;
    }
    legend(
        &side,
        "Variant",
        &entries,
        &[
            "Bar label: capacity used",
            "(the tighter of shipments",
            "and units); none: no limit.",
            "\"closed\": node closed.",
        ],
    )
}
