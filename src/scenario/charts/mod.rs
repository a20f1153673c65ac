//! Charts and maps of a scenario, drawn with plotters to SVG (strings) or PNG (files).
//!
//! plotters finds no system fonts here, so DejaVu Sans (`assets/fonts/`, Bitstream Vera
//! licence) is compiled in and registered as `sans-serif` before the first drawing. SVGs carry
//! their text as `<text>` elements and need no font file.

mod bars;
pub mod basemap;
mod map;
mod palette;

pub use map::MapFrame;

use std::path::Path;
use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::comparison::{Comparison, VariantRun};
use crate::error::Error;

static FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static REGISTER_FONT: Once = Once::new();

/// The font family every chart uses.
pub(crate) const FONT: &str = "sans-serif";

fn register_font() {
    REGISTER_FONT.call_once(|| {
        // The bundled font is known good; a failure would only leave text undrawn.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
    });
}

pub(crate) type DrawResult<DB> =
    Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// One picture of the report.
#[derive(Debug, Clone, Copy)]
pub enum Figure<'a> {
    /// Stacked bars: the cost parts of every variant.
    CostBreakdown(&'a Comparison),
    /// Grouped bars: fill rate by tier, per variant.
    FillByTier(&'a Comparison),
    /// Grouped bars: units shipped per node per variant, labelled with capacity use.
    NodeUtilisation(&'a Comparison),
    /// Nodes, ship-to points and assignment lines of one plan, in a shared frame.
    Map(&'a VariantRun, &'a MapFrame, &'a [String]),
}

impl Figure<'_> {
    /// Pixel size (also the SVG's size).
    pub fn size(&self) -> (u32, u32) {
        match self {
            Figure::CostBreakdown(c) | Figure::FillByTier(c) => {
                // Room for each variant's name under its bars (about 8 px a character).
                let longest = c.variants.iter().map(|v| v.name.chars().count());
                let per_variant = (longest.max().unwrap_or(0) as u32 * 8 + 40).clamp(200, 360);
                ((370 + per_variant * c.variants.len() as u32).max(900), 540)
            }
            Figure::NodeUtilisation(c) => {
                let bars = (c.nodes.len() * c.variants.len()) as u32;
                ((370 + 34 * bars + 30 * c.nodes.len() as u32).max(900), 540)
            }
            Figure::Map(_, frame, _) => frame.size(),
        }
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        area.fill(&WHITE)?;
        match self {
            Figure::CostBreakdown(c) => bars::cost_breakdown(area, c),
            Figure::FillByTier(c) => bars::fill_by_tier(area, c),
            Figure::NodeUtilisation(c) => bars::node_utilisation(area, c),
            Figure::Map(run, frame, nodes) => map::draw(area, run, frame, nodes),
        }
    }

    /// The figure as an SVG document.
    pub fn svg(&self) -> String {
        register_font();
        let mut text = String::new();
        {
            let area = SVGBackend::with_string(&mut text, self.size()).into_drawing_area();
            // Drawing into a string cannot fail for I/O reasons; keep what was drawn.
            let _ = self.draw(&area);
            let _ = area.present();
        }
        text
    }

    /// Writes the figure as a PNG file.
    pub fn png(&self, path: &Path) -> Result<(), Error> {
        register_font();
        let failed = |message: String| Error::Io {
            path: path.display().to_string(),
            source: std::io::Error::other(message),
        };
        let area = BitMapBackend::new(path, self.size()).into_drawing_area();
        self.draw(&area).map_err(|e| failed(e.to_string()))?;
        area.present().map_err(|e| failed(e.to_string()))
    }
}
