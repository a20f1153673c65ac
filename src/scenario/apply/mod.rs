//! Applying a variant's edits to a copy of the base wave.
//!
//! Edits run in list order, each on the result of the ones before. An edit that names something
//! the wave does not have (a node, SKU, channel, tier, method, or a filter that matches nothing)
//! is a problem at the edit's path (`/variants/2/edits/1/node`), never a silent no-op; every
//! problem of every edit is collected before giving up. The edited wave must then pass the
//! normal validation, whose problems come back under `/variants/<i>/wave`.

mod demand;
mod holds;
mod network;
mod nodes;
mod rules;

use crate::error::{Error, Problem};
use crate::format::Wave;

use super::spec::{Edit, Limit, Variant};

/// Where the problems of one variant's edits go, with the variant's name for messages.
pub(crate) struct EditSink<'a> {
    variant: &'a str,
    prefix: String,
    problems: Vec<Problem>,
}

impl<'a> EditSink<'a> {
    fn new(variant: &'a str, prefix: String) -> Self {
        EditSink {
            variant,
            prefix,
            problems: Vec::new(),
        }
    }

    /// Reports a problem at `field` of edit `edit` (an empty field means the edit itself).
    pub(crate) fn report(&mut self, edit: usize, field: &str, code: &str, message: String) {
        let mut path = format!("{}/edits/{edit}", self.prefix);
        if !field.is_empty() {
            path.push('/');
            path.push_str(field);
        }
        self.problems.push(Problem::new(
            path,
            code,
            format!("variant \"{}\": {message}", self.variant),
        ));
    }

    /// Reports `unknown_reference` for a name the wave does not have.
    pub(crate) fn missing(&mut self, edit: usize, field: &str, what: &str, name: &str) {
        self.report(
            edit,
            field,
            "unknown_reference",
            format!("{what} \"{name}\" is not in the wave"),
        );
    }

    /// Reports `matches_nothing` for filters that select nothing.
    pub(crate) fn matches_nothing(&mut self, edit: usize, what: &str) {
        self.report(
            edit,
            "",
            "matches_nothing",
            format!("no {what} matches the edit's filters"),
        );
    }

    /// Checks that a scale factor is finite and ≥ 0.
    pub(crate) fn factor_ok(&mut self, edit: usize, factor: f64) -> bool {
        let ok = factor.is_finite() && factor >= 0.0;
        if !ok {
            self.report(
                edit,
                "factor",
                "invalid_factor",
                format!("factor must be a finite number >= 0, got {factor}"),
            );
        }
        ok
    }

    /// A limit: a non-negative integer, or `"unlimited"` (`None`). `Err` after reporting.
    pub(crate) fn limit(
        &mut self,
        edit: usize,
        field: &str,
        limit: &Limit,
    ) -> Result<Option<i64>, ()> {
        match limit {
            Limit::Value(v) if *v >= 0 => Ok(Some(*v)),
            Limit::Value(v) => {
                self.report(
                    edit,
                    field,
                    "negative",
                    format!("{field} must be >= 0, got {v}"),
                );
                Err(())
            }
            Limit::Keyword(word) if word == "unlimited" => Ok(None),
            Limit::Keyword(word) => {
                self.report(
                    edit,
                    field,
                    "invalid_limit",
                    format!("{field} must be an integer or \"unlimited\", got \"{word}\""),
                );
                Err(())
            }
        }
    }
}

/// The wave of one variant: `base` with the variant's edits applied, validated. Problem paths
/// start with `prefix` (the variant's pointer in its scenario, or empty); messages name the
/// variant.
pub fn apply_at(base: &Wave, variant: &Variant, prefix: &str) -> Result<Wave, Error> {
    let mut sink = EditSink::new(&variant.name, prefix.to_string());
    let mut wave = base.clone();
    for (i, edit) in variant.edits.iter().enumerate() {
        apply_edit(&mut wave, edit, i, &mut sink);
    }
    if !variant.options.is_empty() {
        wave.options = variant.options.effective(&wave);
    }
    if !sink.problems.is_empty() {
        return Err(Error::Invalid(sink.problems));
    }
    let problems: Vec<Problem> = crate::validation::validate(&wave)
        .into_iter()
        .map(|p| Problem {
            // The variant's own options are checked where they were written.
            path: match p.path.strip_prefix("/options/") {
                Some(field) if variant_sets(&variant.options, field) => {
                    format!("{prefix}/options/{field}")
                }
                _ => format!("{prefix}/wave{}", p.path),
            },
            code: p.code,
            message: format!(
                "variant \"{}\": the edited wave is invalid: {}",
                variant.name, p.message
            ),
        })
        .collect();
    if problems.is_empty() {
        Ok(wave)
    } else {
        Err(Error::Invalid(problems))
    }
}

/// Whether a variant's `options` gives `field`.
fn variant_sets(options: &super::spec::OptionsOverride, field: &str) -> bool {
    match field {
        "engine" => options.engine.is_some(),
        "time_limit_ms" => options.time_limit_ms.is_some(),
        "mip_gap" => options.mip_gap.is_some(),
        _ => false,
    }
}

fn apply_edit(wave: &mut Wave, edit: &Edit, i: usize, sink: &mut EditSink) {
    match edit {
        Edit::CloseNode { node } => network::set_active(wave, node, false, i, sink),
        Edit::OpenNode { node } => network::set_active(wave, node, true, i, sink),
        Edit::ScaleInventory {
            factor,
            sku,
            node,
            kind,
        } => network::scale_inventory(
            wave,
            *factor,
            sku.as_deref(),
            node.as_deref(),
            *kind,
            i,
            sink,
        ),
        Edit::SetCapacity {
            node,
            shipments,
            units,
        } => network::set_capacity(wave, node, shipments.as_ref(), units.as_ref(), i, sink),
        Edit::ScaleDemand {
            factor,
            channel,
            tier,
        } => demand::scale_demand(wave, *factor, channel.as_deref(), tier.as_deref(), i, sink),
        Edit::ShiftAsOf { days } => demand::shift_as_of(wave, *days, i, sink),
        Edit::ShiftDueDates {
            days,
            channel,
            tier,
        } => demand::shift_due_dates(wave, *days, channel.as_deref(), tier.as_deref(), i, sink),
        Edit::AddReservation {
            channel,
            sku,
            node,
            qty,
            share,
        } => rules::add_reservation(
            wave,
            crate::format::Reservation {
                channel: channel.clone(),
                sku: sku.clone(),
                node: node.clone(),
                qty: *qty,
                share: *share,
            },
            i,
            sink,
        ),
        Edit::RemoveReservations { channel, sku, node } => rules::remove_reservations(
            wave,
            rules::ReservationFilter::new(channel, sku, node),
            i,
            sink,
        ),
        Edit::ScaleReservations {
            factor,
            channel,
            sku,
            node,
        } => rules::scale_reservations(
            wave,
            *factor,
            rules::ReservationFilter::new(channel, sku, node),
            i,
            sink,
        ),
        Edit::SetPolicy(change) => rules::set_policy(wave, change, i, sink),
        Edit::ScaleShipCosts { factor, method } => {
            rules::scale_ship_costs(wave, *factor, method.as_deref(), i, sink)
        }
        Edit::SetShipMethod {
            method,
            base_cost,
            per_unit,
            per_unit_km,
            km_per_day,
            min_days,
        } => rules::set_ship_method(
            wave,
            method,
            rules::MethodFields {
                base_cost: *base_cost,
                per_unit: *per_unit,
                per_unit_km: *per_unit_km,
                km_per_day: *km_per_day,
                min_days: *min_days,
            },
            i,
            sink,
        ),
        Edit::AddNode(new) => nodes::add_node(wave, new, i, sink),
        Edit::TransferStock { sku, from, to, qty } => {
            let transfer = nodes::Transfer {
                sku,
                from,
                to,
                qty: *qty,
            };
            nodes::transfer_stock(wave, &transfer, i, sink)
        }
        Edit::SetFixedCost {
            fixed_cost,
            node,
            kind,
        } => nodes::set_fixed_cost(wave, *fixed_cost, node.as_deref(), *kind, i, sink),
        Edit::Hold {
            order,
            customer,
            channel,
            reason,
        } => {
            let filter = holds::OrderFilter {
                order: order.as_deref(),
                customer: customer.as_deref(),
                channel: channel.as_deref(),
            };
            holds::hold(wave, &filter, reason.as_deref(), i, sink)
        }
        Edit::Release {
            order,
            customer,
            channel,
        } => {
            let filter = holds::OrderFilter {
                order: order.as_deref(),
                customer: customer.as_deref(),
                channel: channel.as_deref(),
            };
            holds::release(wave, &filter, i, sink)
        }
    }
}

/// The tier an order belongs to: its own, or the lowest tier of the policy.
pub(crate) fn order_tier<'w>(wave: &'w Wave, order: &'w crate::format::Order) -> Option<&'w str> {
    order
        .tier
        .as_deref()
        .or_else(|| wave.policy.tiers.last().map(|t| t.name.as_str()))
}
