//! Channel reservations (SPEC.md §2): at each place p with available A and effective
//! reservations R_c, `Σ_c max(0, u_c − R_c) ≤ A − Σ_c R_c`. Linearised with `e[p,c] ≥ u_c − R_c`,
//! `e ≥ 0` for reserved channels; unreserved channels count with their full consumption.

use std::collections::BTreeMap;

use super::stock::Consumption;
use super::{BuildFlags, Excess, Layout};
use crate::model::{ChannelIdx, Model};
use crate::solver::highs::program::{ColId, Program};

/// A linear expression: (column, coefficient) pairs.
type Expr = Vec<(ColId, f64)>;

pub fn add(
    model: &Model,
    flags: BuildFlags,
    program: &mut Program,
    layout: &mut Layout,
    consumption: &Consumption,
) {
    if model.reservations.is_empty() {
        return;
    }
    let channel_of_col = channel_of_columns(model, layout, program.num_cols());
    add_rows(
        model,
        flags,
        program,
        &mut layout.excess,
        consumption,
        &channel_of_col,
    );
}

/// The reservation rows over any columns: `consumption` gives the units each column takes of
/// a (node, SKU), `channel_of_col` the channel of the order behind each column. The excess
/// variables and what they measure are appended to `excess` (a start needs their values).
pub fn add_rows(
    model: &Model,
    flags: BuildFlags,
    program: &mut Program,
    excess: &mut Vec<Excess>,
    consumption: &Consumption,
    channel_of_col: &[ChannelIdx],
) {
    let mut by_sku: std::collections::HashMap<usize, Vec<(usize, &Expr)>> = Default::default();
    for (&(node, sku), terms) in consumption {
        by_sku.entry(sku).or_default().push((node, terms));
    }
    for place in &model.reservations {
        let mut by_channel: BTreeMap<ChannelIdx, Vec<(ColId, f64)>> = BTreeMap::new();
        for (node, terms) in by_sku.get(&place.sku).into_iter().flatten() {
            if !place.covers(*node) || !model.nodes[*node].active {
                continue;
            }
            for &(col, a) in terms.iter() {
                by_channel
                    .entry(channel_of_col[col])
                    .or_default()
                    .push((col, a));
            }
        }
        let headroom = place.unreserved() as f64;
        let most: f64 = by_channel
            .values()
            .flatten()
            .map(|&(c, a)| a * program.upper[c])
            .sum();
        if flags.prune && most <= headroom {
            continue;
        }
        let sid = &model.skus[place.sku];
        let at = place
            .node
            .map_or("network".to_string(), |n| model.nodes[n].id.clone());
        let mut total: Vec<(ColId, f64)> = Vec::new();
        for (channel, terms) in by_channel {
            let reserved = place.reserved_for(channel);
            if reserved == 0 {
                total.extend(terms);
                continue;
            }
            let cname = &model.channels[channel];
            let e = program.add_col(
                || format!("e[{sid},{at},{cname}]"),
                0.0,
                f64::INFINITY,
                false,
            );
            let mut row = terms.clone();
            row.push((e, -1.0));
            program.add_row(
                || format!("excess[{sid},{at},{cname}]"),
                f64::NEG_INFINITY,
                reserved as f64,
                row,
            );
            total.push((e, 1.0));
            excess.push(Excess {
                col: e,
                channel,
                reserved,
                consumption: terms,
            });
        }
        program.add_row(
            || format!("reservation[{sid},{at}]"),
            f64::NEG_INFINITY,
            headroom,
            total,
        );
    }
}

/// The channel of the order behind each unit column (unused entries are 0).
fn channel_of_columns(model: &Model, layout: &Layout, cols: usize) -> Vec<ChannelIdx> {
    let mut out = vec![0; cols];
    for t in &layout.triples {
        let c = model.orders[t.order].channel;
        out[t.y] = c;
        for &(_, col) in &t.x {
            out[col] = c;
        }
    }
    out
}
