//! `report.html`: one self-contained page (inline CSS and SVG, no external assets) with the
//! summary tables, the charts and a map per variant.

use super::tables::{tables, Table};
use super::RenderedFigure;
use crate::scenario::Comparison;

/// Escapes text for HTML element content and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1400px;\
padding:0 1rem;color:#222}h1{margin-bottom:.2rem}table{border-collapse:collapse;margin:.5rem 0 \
1.5rem}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th{background:#f3f4f6}\
td:first-child,th:first-child{text-align:left}code{background:#f3f4f6;padding:0 .2rem}\
figure{margin:1rem 0 2rem}figure svg{max-width:100%;height:auto;border:1px solid #ddd}\
figcaption{font-weight:600;margin-bottom:.4rem}.muted{color:#666}";

/// The report page.
pub(super) fn report(
    c: &Comparison,
    extra: Vec<Table>,
    charts: &[RenderedFigure],
    maps: &[RenderedFigure],
) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>Scenario: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&c.scenario)
    ));
    out.push_str(&format!("<h1>Scenario: {}</h1>\n", escape(&c.scenario)));
    if let Some(d) = &c.description {
        out.push_str(&format!("<p>{}</p>\n", escape(d)));
    }
    out.push_str(&format!(
        "<p class=\"muted\">Base wave <code>{}</code>, engine <code>{}</code>. Every plan was \
         verified by the independent checker.</p>\n",
        escape(&c.base_wave),
        escape(&c.engine)
    ));
    out.push_str("<h2>Variants</h2>\n<ul>\n");
    for v in &c.variants {
        out.push_str(&format!("<li><strong>{}</strong>", escape(&v.name)));
        if let Some(d) = &v.description {
            out.push_str(&format!(": {}", escape(d)));
        } else if v.edits.is_empty() {
            out.push_str(": the base wave, unedited");
        }
        if !v.edits.is_empty() {
            out.push_str("<ul>");
            for e in &v.edits {
                out.push_str(&format!("<li><code>{}</code></li>", escape(e)));
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    for table in tables(c).into_iter().chain(extra) {
        out.push_str(&format!("<h2>{}</h2>\n<table>\n<tr>", escape(&table.title)));
        for h in &table.header {
            out.push_str(&format!("<th>{}</th>", escape(h)));
        }
        out.push_str("</tr>\n");
        for row in &table.rows {
            out.push_str("<tr>");
            for cell in row {
                out.push_str(&format!("<td>{}</td>", escape(cell)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("<h2>Charts</h2>\n");
    for f in charts {
        figure(&mut out, f);
    }
    if !maps.is_empty() {
        out.push_str("<h2>Maps</h2>\n");
        for f in maps {
            figure(&mut out, f);
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn figure(out: &mut String, f: &RenderedFigure) {
    out.push_str(&format!(
        "<figure id=\"{}\">\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
        escape(&f.stem),
        escape(&f.title),
        f.svg.trim()
    ));
}
