//! The assignment map of one plan: nodes, ship-to points and a line per shipment, drawn from
//! real latitude and longitude in an equirectangular projection (x = longitude, y = latitude,
//! x squeezed by cos(mid-latitude) so shapes are right near the frame's middle). Every map of a
//! report shares one frame, the bounding box of the base wave's coordinates, so they compare.
//! Under them, the coastlines and borders of the vendored Natural Earth basemap.

use std::collections::HashMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette::{self, MUTED};
use super::{DrawResult, FONT};
use crate::format::{OrderStatus, Wave};
use crate::scenario::comparison::VariantRun;

const PLOT_WIDTH: u32 = 880;
const LEGEND_WIDTH: u32 = 250;
const UNFILLED: RGBColor = RGBColor(200, 0, 0);

/// The longitude/latitude box every map of a scenario is drawn in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    pub lon: (f64, f64),
    pub lat: (f64, f64),
}

impl MapFrame {
    /// The bounding box of the wave's node locations and ship-to points, padded; `None` when
    /// the wave has no coordinates at all.
    pub fn of(wave: &Wave) -> Option<MapFrame> {
        let points: Vec<(f64, f64)> = wave
            .nodes
            .iter()
            .filter_map(|n| n.location.map(|l| (l.lon, l.lat)))
            .chain(
                wave.orders
                    .iter()
                    .filter_map(|o| Some((o.ship_to.lon?, o.ship_to.lat?))),
            )
            .collect();
        if points.is_empty() {
            return None;
        }
        // Node labels sit right of and above their markers: pad those sides more.
        let span = |values: Vec<f64>, low_pad: f64, high_pad: f64| {
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let range = hi - lo;
            (
                lo - (range * low_pad).max(1.0),
                hi + (range * high_pad).max(1.5),
            )
        };
        let lon = span(points.iter().map(|p| p.0).collect(), 0.05, 0.12);
        let lat = span(points.iter().map(|p| p.1).collect(), 0.05, 0.08);
        Some(MapFrame {
            lon: (lon.0.max(-180.0), lon.1.min(180.0)),
            lat: (lat.0.max(-90.0), lat.1.min(90.0)),
        })
    }

    fn plot_height(&self) -> u32 {
        let mid = ((self.lat.0 + self.lat.1) / 2.0)
            .to_radians()
            .cos()
            .max(0.2);
        let aspect = (self.lat.1 - self.lat.0) / ((self.lon.1 - self.lon.0) * mid);
        ((PLOT_WIDTH as f64 * aspect) as u32).clamp(360, 900)
    }

    /// The pixel size of a map in this frame, title, axes and legend included.
    pub fn size(&self) -> (u32, u32) {
        (PLOT_WIDTH + LEGEND_WIDTH + 90, self.plot_height() + 110)
    }
}

fn degrees(value: f64, positive: char, negative: char) -> String {
    let hemisphere = if value < 0.0 { negative } else { positive };
    format!("{:.0}°{hemisphere}", value.abs())
}

/// Draws one plan's map. `nodes` fixes each node's colour (its index in the base wave).
pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &VariantRun,
    frame: &MapFrame,
    nodes: &[String],
) -> DrawResult<DB> {
    let k = &run.plan.kpis;
    let title = format!(
        "{}: {} orders, {} shipments, fill {:.1}%",
        run.name,
        k.orders,
        k.shipments,
        k.fill_rate * 100.0
    );
    let body = area.titled(&title, (FONT, 22))?;
    let width = body.dim_in_pixel().0;
    let (plot, side) = body.split_horizontally(width.saturating_sub(LEGEND_WIDTH));
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .x_label_area_size(36)
        .y_label_area_size(56)
        .build_cartesian_2d(frame.lon.0..frame.lon.1, frame.lat.0..frame.lat.1)?;
    chart
        .configure_mesh()
        .x_label_formatter(&|x| degrees(*x, 'E', 'W'))
        .y_label_formatter(&|y| degrees(*y, 'N', 'S'))
        .label_style((FONT, 13))
        .light_line_style(RGBColor(248, 248, 248))
        .bold_line_style(RGBColor(220, 220, 220))
        .draw()?;
    let basemap = super::basemap::basemap();
    for (lines, colour) in [
        (&basemap.borders, RGBColor(196, 202, 210)),
        (&basemap.coast, RGBColor(140, 150, 162)),
    ] {
        for line in super::basemap::clipped(lines, frame.lon, frame.lat) {
            chart.draw_series(LineSeries::new(line, colour.stroke_width(1)))?;
        }
    }

    let colour_of = |id: &str| {
        nodes
            .iter()
            .position(|n| n == id)
            .map_or(MUTED, palette::categorical)
    };
    let location: HashMap<&str, (f64, f64)> = run
        .wave
        .nodes
        .iter()
        .filter_map(|n| n.location.map(|l| (n.id.as_str(), (l.lon, l.lat))))
        .collect();
    let ship_to: HashMap<&str, (f64, f64)> = run
        .wave
        .orders
        .iter()
        .filter_map(|o| Some((o.id.as_str(), (o.ship_to.lon?, o.ship_to.lat?))))
        .collect();

    let shipments: usize = run.plan.orders.iter().map(|o| o.shipments.len()).sum();
    let line_width = if shipments > 120 { 1 } else { 2 };
    let mut lines = Vec::new();
    let mut served = Vec::new();
    let mut unserved = Vec::new();
    let mut without_coordinates = 0;
    for order in &run.plan.orders {
        let Some(&to) = ship_to.get(order.id.as_str()) else {
            without_coordinates += 1;
            continue;
        };
        for s in &order.shipments {
            if let Some(&from) = location.get(s.node.as_str()) {
                lines.push(PathElement::new(
                    vec![from, to],
                    colour_of(&s.node).mix(0.55).stroke_width(line_width),
                ));
            }
        }
        let main = order
            .shipments
            .iter()
            .max_by_key(|s| s.lines.iter().map(|l| l.qty).sum::<i64>())
            .map(|s| s.node.as_str());
        match main {
            Some(node) => served.push(Circle::new(to, 4, colour_of(node).filled())),
            None => {
                let colour = if order.status == OrderStatus::Held {
                    MUTED
                } else {
                    UNFILLED
                };
                unserved.push(Circle::new(to, 5, colour.stroke_width(2)));
            }
        }
    }
    chart.draw_series(lines)?;
    chart.draw_series(served)?;
    chart.draw_series(unserved)?;

    for node in &run.wave.nodes {
        let Some(&at) = location.get(node.id.as_str()) else {
            continue;
        };
        let colour = if node.active {
            colour_of(&node.id)
        } else {
            MUTED
        };
        let label = if node.active {
            node.id.clone()
        } else {
            format!("{} (closed)", node.id)
        };
        let marker = EmptyElement::at(at)
            + Rectangle::new([(-7, -7), (7, 7)], colour.filled())
            + Rectangle::new([(-7, -7), (7, 7)], BLACK.stroke_width(1))
            + Text::new(label, (10, -18), (FONT, 13).into_font());
        chart.draw_series(std::iter::once(marker))?;
        if !node.active {
            let cross = EmptyElement::at(at)
                + PathElement::new(vec![(-9, -9), (9, 9)], UNFILLED.stroke_width(3))
                + PathElement::new(vec![(-9, 9), (9, -9)], UNFILLED.stroke_width(3));
            chart.draw_series(std::iter::once(cross))?;
        }
    }
    legend(&side, run, nodes, &colour_of, without_coordinates)
}

fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    run: &VariantRun,
    nodes: &[String],
    colour_of: &dyn Fn(&str) -> RGBColor,
    without_coordinates: usize,
) -> DrawResult<DB> {
    let font = (FONT, 14).into_font();
    area.draw(&Text::new("Node", (10, 24), (FONT, 15).into_font()))?;
    let mut y = 50;
    for id in nodes {
        let active = run.wave.nodes.iter().any(|n| &n.id == id && n.active);
        let colour = if active { colour_of(id) } else { MUTED };
        area.draw(&Rectangle::new([(10, y), (24, y + 14)], colour.filled()))?;
        area.draw(&Rectangle::new(
            [(10, y), (24, y + 14)],
            BLACK.stroke_width(1),
        ))?;
        if !active {
            area.draw(&PathElement::new(
                vec![(8, y - 2), (26, y + 16)],
                UNFILLED.stroke_width(2),
            ))?;
            area.draw(&PathElement::new(
                vec![(8, y + 16), (26, y - 2)],
                UNFILLED.stroke_width(2),
            ))?;
        }
        let label = if active {
            id.clone()
        } else {
            format!("{id} (closed)")
        };
        area.draw(&Text::new(label, (32, y), font.clone()))?;
        y += 22;
    }
    y += 10;
    area.draw(&Circle::new((17, y + 7), 3, RGBColor(60, 60, 60).filled()))?;
    area.draw(&Text::new(
        "order (main node's colour)",
        (32, y),
        font.clone(),
    ))?;
    y += 22;
    area.draw(&Circle::new((17, y + 7), 4, UNFILLED.stroke_width(2)))?;
    area.draw(&Text::new("order not shipped", (32, y), font.clone()))?;
    y += 22;
    area.draw(&Circle::new((17, y + 7), 4, MUTED.stroke_width(2)))?;
    area.draw(&Text::new("order on hold", (32, y), font.clone()))?;
    y += 22;
    area.draw(&PathElement::new(
        vec![(8, y + 7), (26, y + 7)],
        RGBColor(60, 60, 60).stroke_width(1),
    ))?;
    area.draw(&Text::new("shipment", (32, y), font.clone()))?;
    if without_coordinates > 0 {
        y += 30;
        area.draw(&Text::new(
            if without_coordinates == 1 {
                "1 order without lat/lon not drawn".to_string()
            } else {
                format!("{without_coordinates} orders without lat/lon not drawn")
            },
            (10, y),
            (FONT, 12).into_font(),
        ))?;
    }
    Ok(())
}
