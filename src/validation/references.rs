//! Reference rules: every name that points elsewhere in the wave resolves. A tier must be one
//! of `policy.tiers` (`unknown_tier`); a node or a ship method must exist (`unknown_reference`).
//! Names are collected before the walk, so references may point forward in the document.

use std::collections::HashSet;

use super::ids::is_blank;
use super::sink::{listed, quoted, Pointer, Sink};
use crate::format::Wave;

/// The name of the ship method a wave gets when it lists none (SPEC.md §2).
pub(super) const DEFAULT_METHOD: &str = "ground";

/// What references may point at, in the order the wave defines them.
#[derive(Debug)]
pub(super) struct Names<'w> {
    nodes: Vec<&'w str>,
    node_set: HashSet<&'w str>,
    tiers: Vec<&'w str>,
    methods: Vec<&'w str>,
}

impl<'w> Names<'w> {
    pub(super) fn of(wave: &'w Wave) -> Self {
        let nodes: Vec<&str> = wave.nodes.iter().map(|n| n.id.as_str()).collect();
        let methods = if wave.ship_methods.is_empty() {
            vec![DEFAULT_METHOD]
        } else {
            wave.ship_methods.iter().map(|m| m.id.as_str()).collect()
        };
        Names {
            node_set: nodes.iter().copied().collect(),
            nodes,
            tiers: wave.policy.tiers.iter().map(|t| t.name.as_str()).collect(),
            methods,
        }
    }

    pub(super) fn has_node(&self, id: &str) -> bool {
        self.node_set.contains(id)
    }
}

/// `unknown_tier`: an order's `tier` is not a name in `policy.tiers`.
pub(super) fn check_unknown_tier(sink: &mut Sink, names: &Names, at: &Pointer, tier: &str) {
    if names.tiers.contains(&tier) {
        return;
    }
    sink.report(
        at.field("tier"),
        "unknown_tier",
        format!(
            "tier {} is not in policy.tiers (known: {}); use one of those names, add the tier \
             to policy.tiers, or omit tier for the lowest one",
            quoted(tier),
            listed(names.tiers.iter().copied()),
        ),
    );
}

/// `unknown_reference`: a `node` (inventory, reservation) or a lane's `from` names no node.
/// Blank names are skipped (they are `empty_string` already).
pub(super) fn check_unknown_node(
    sink: &mut Sink,
    names: &Names,
    at: &Pointer,
    field: &str,
    id: &str,
) {
    if is_blank(id) || names.has_node(id) {
        return;
    }
    sink.report(
        at.field(field),
        "unknown_reference",
        format!(
            "{field} {} is not the id of any node (known: {}); fix the id or add the node to nodes",
            quoted(id),
            listed(names.nodes.iter().copied()),
        ),
    );
}

/// `unknown_reference`: a lane's `method` names no ship method (when `ship_methods` is empty,
/// the only method is `ground`). Blank names are skipped.
pub(super) fn check_unknown_method(sink: &mut Sink, names: &Names, at: &Pointer, id: &str) {
    if is_blank(id) || names.methods.contains(&id) {
        return;
    }
    sink.report(
        at.field("method"),
        "unknown_reference",
        format!(
            "method {} is not the id of any ship method (known: {}); fix the id, add the method \
             to ship_methods, or omit method to rate every method",
            quoted(id),
            listed(names.methods.iter().copied()),
        ),
    );
}
