//! Units a finished plan can still add where it stands, highest tier first.
//!
//! The cost search holds every line's units while it moves lines between nodes, and so it can
//! free stock and capacity an unfilled line could have used. Under strict allocation a unit more
//! for a tier beats any cost, so the plan then takes what is free, orders by tier then index:
//! - a line from the nodes its order already ships from, then from new nodes (cheapest method
//!   first) while the order has shipments left and the node a slot; where that leaves it short,
//!   from such a node after moving other orders' units of its SKU (stock) or of any SKU (unit
//!   capacity) to their other nodes;
//! - a fill-or-kill order not yet shipped, only if every line fills in full;
//! - a ship-complete order not yet shipped, whole from one node, after such moves.
//!
//! Moves that let nothing in are undone ([`Book`]). A moved line keeps its units, so no line
//! loses a unit, no rule that held breaks and no tier's fill falls.

use std::collections::HashMap;
use std::time::Instant;

use super::book::Book;
use super::serving::serving_options;
use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};
use crate::solver::Allocation;

/// What the top-up made of a plan.
pub struct TopUp {
    /// The plan with every unit added that fit; the plan itself when none did.
    pub plan: Allocation,
    /// Whether every order was tried before `deadline`.
    pub finished: bool,
}

/// `plan` with every unit added that fits as described in the module docs, until `deadline`,
/// examining at most `movers` orders to make room at a node.
pub fn top_up(model: &Model, plan: &Allocation, deadline: Option<Instant>, movers: usize) -> TopUp {
    let mut book = Book::new(model, plan);
    let mut orders: Vec<OrderIdx> = (0..model.orders.len())
        .filter(|&o| !model.orders[o].is_held())
        .collect();
    orders.sort_by_key(|&o| (model.orders[o].tier, o));
    let mut moves = Moves {
        model,
        movers,
        options: HashMap::new(),
    };
    let mut finished = true;
    for o in orders {
        if deadline.is_some_and(|d| Instant::now() >= d) {
            finished = false;
            break;
        }
        let order = &model.orders[o];
        let shipped = !book.shipments(o).is_empty();
        if (order.ship_complete || order.fill_or_kill) && shipped {
            // Shipped whole already (the checker holds these rules).
            continue;
        }
        if book.missing(o).iter().all(|&m| m == 0) {
            continue;
        }
        let mark = book.mark();
        let complete = if order.ship_complete {
            moves.place_whole(&mut book, o)
        } else {
            moves.fill_lines(&mut book, o);
            !order.fill_or_kill || book.missing(o).iter().all(|&m| m == 0)
        };
        if !complete {
            book.undo(mark);
        }
    }
    let plan = if book.changed() {
        book.into_allocation()
    } else {
        plan.clone()
    };
    TopUp { plan, finished }
}

/// The moves' view of the wave: where each order may open a shipment, and by which method,
/// found for the orders the top-up touches only (a large wave's other orders need none).
struct Moves<'m> {
    model: &'m Model,
    /// Orders examined at most to make room at one node.
    movers: usize,
    /// Per order: (cost, node, method) of every node that may serve it, cheapest first.
    options: HashMap<OrderIdx, Vec<(f64, NodeIdx, MethodIdx)>>,
}

impl Moves<'_> {
    fn options(&mut self, order: OrderIdx) -> Vec<(f64, NodeIdx, MethodIdx)> {
        let model = self.model;
        self.options
            .entry(order)
            .or_insert_with(|| serving_options(model, order))
            .clone()
    }

    /// Where `order` may take units, in the order to try them: the nodes it ships from (no
    /// method needed), then its other serving nodes with the method a new shipment would use.
    fn targets(
        book: &Book,
        order: OrderIdx,
        options: &[(f64, NodeIdx, MethodIdx)],
    ) -> Vec<(NodeIdx, Option<MethodIdx>)> {
        let own: Vec<NodeIdx> = book.shipments(order).iter().map(|s| s.node).collect();
        let new = options
            .iter()
            .filter(|(_, n, _)| !own.contains(n))
            .map(|&(_, n, m)| (n, Some(m)));
        own.iter().map(|&n| (n, None)).chain(new).collect()
    }

    /// Whether `order` may ship from `node` now: it already does, or it has a shipment left
    /// under `max_shipments_per_order` and the node a slot.
    fn may_ship_from(&self, book: &Book, order: OrderIdx, node: NodeIdx) -> bool {
        let max_shipments = self
            .model
            .policy
            .max_shipments_per_order
            .unwrap_or(i64::MAX);
        book.ships_from(order, node)
            || (book.shipments(order).len() as i64) < max_shipments
                && book.ledger().shipments_left(node) > 0
    }

    /// Each missing line from the order's own nodes first, then from new nodes; then, where it
    /// still lacks units, from a node after moving other orders' units away from it.
    fn fill_lines(&mut self, book: &mut Book, order: OrderIdx) {
        let options = self.options(order);
        let missing = book.missing(order);
        for (line, &need) in missing.iter().enumerate() {
            if need > 0 {
                let given = self.give(book, order, line, need, None, &options);
                if given < need {
                    self.give_after_moves(book, order, line, need - given, &options);
                }
            }
        }
    }

    /// Up to `want` units of `line` from the order's own nodes, then from new nodes with a
    /// slot, each after moving other orders' units of its SKU (stock) or of any SKU (unit
    /// capacity) away from it; moves that let the line take nothing are undone.
    fn give_after_moves(
        &mut self,
        book: &mut Book,
        order: OrderIdx,
        line: usize,
        mut want: i64,
        options: &[(f64, NodeIdx, MethodIdx)],
    ) {
        let model = self.model;
        let o = &model.orders[order];
        let sku = o.lines[line].sku;
        for (n, method) in Self::targets(book, order, options) {
            if want == 0 {
                break;
            }
            if !self.may_ship_from(book, order, n) {
                continue;
            }
            let mark = book.mark();
            let usable = book.ledger().usable(o.channel, n, sku);
            if usable < want && model.available(n, sku) > usable {
                self.move_away(book, (n, Some(sku)), want - usable, order);
            }
            let usable = book.ledger().usable(o.channel, n, sku).min(want);
            let short = usable - book.ledger().units_left(n);
            if short > 0 {
                self.move_away(book, (n, None), short, order);
            }
            let take = want.min(book.room(order, line, n));
            if take > 0 {
                book.add(order, n, method, line, take);
                want -= take;
            } else {
                book.undo(mark);
            }
        }
    }

    /// Up to `want` units of `line` from the order's own nodes, then from new nodes, never
    /// from `avoid`; the units given.
    fn give(
        &self,
        book: &mut Book,
        order: OrderIdx,
        line: usize,
        want: i64,
        avoid: Option<NodeIdx>,
        options: &[(f64, NodeIdx, MethodIdx)],
    ) -> i64 {
        let mut given = 0;
        for (n, method) in Self::targets(book, order, options) {
            if given == want {
                break;
            }
            if Some(n) == avoid || !self.may_ship_from(book, order, n) {
                continue;
            }
            let take = (want - given).min(book.room(order, line, n));
            if take > 0 {
                book.add(order, n, method, line, take);
                given += take;
            }
        }
        given
    }

    /// A ship-complete order whole from the cheapest node that can take it, after making room
    /// there; whether one could.
    fn place_whole(&mut self, book: &mut Book, order: OrderIdx) -> bool {
        let model = self.model;
        let o = &model.orders[order];
        for (_, n, method) in self.options(order) {
            if book.ledger().shipments_left(n) == 0 {
                continue;
            }
            let mark = book.mark();
            if self.make_room(book, order, n) {
                for (line, l) in o.lines.iter().enumerate() {
                    book.add(order, n, Some(method), line, l.qty);
                }
                return true;
            }
            book.undo(mark);
        }
        false
    }

    /// Moves other orders' units away from `node` until `order` fits there whole; whether it
    /// does.
    fn make_room(&mut self, book: &mut Book, order: OrderIdx, node: NodeIdx) -> bool {
        let model = self.model;
        let o = &model.orders[order];
        let mut need: Vec<(usize, i64)> = Vec::new();
        for l in &o.lines {
            match need.iter_mut().find(|(s, _)| *s == l.sku) {
                Some((_, q)) => *q += l.qty,
                None => need.push((l.sku, l.qty)),
            }
        }
        for &(sku, qty) in &need {
            if model.available(node, sku) < qty {
                return false;
            }
            let short = qty - book.ledger().usable(o.channel, node, sku);
            if short > 0 && self.move_away(book, (node, Some(sku)), short, order) < short {
                return false;
            }
        }
        let short = o.units() - book.ledger().units_left(node);
        if short > 0 && self.move_away(book, (node, None), short, order) < short {
            return false;
        }
        need.iter()
            .all(|&(sku, qty)| book.ledger().usable(o.channel, node, sku) >= qty)
            && book.ledger().units_left(node) >= o.units()
    }

    /// Moves up to `units` units (of the SKU, or of any SKU when `None`) of orders other than
    /// `except` that are not ship-complete from `node` to their other nodes; the units moved.
    fn move_away(
        &mut self,
        book: &mut Book,
        (node, sku): (NodeIdx, Option<usize>),
        units: i64,
        except: OrderIdx,
    ) -> i64 {
        let model = self.model;
        let mut moved = 0;
        for other in book.orders_at(node, sku).into_iter().take(self.movers) {
            if moved >= units {
                break;
            }
            if other == except || model.orders[other].ship_complete {
                continue;
            }
            let options = self.options(other);
            let lines: Vec<(usize, i64)> = book
                .shipments(other)
                .iter()
                .filter(|s| s.node == node)
                .flat_map(|s| s.lines.clone())
                .filter(|&(l, _)| sku.is_none_or(|s| model.orders[other].lines[l].sku == s))
                .collect();
            for (line, held) in lines {
                let want = held.min(units - moved);
                if want == 0 {
                    break;
                }
                // Give first (the line briefly holds more), then take back from `node`.
                let given = self.give(book, other, line, want, Some(node), &options);
                if given > 0 {
                    book.remove(other, node, line, given);
                    moved += given;
                }
            }
        }
        moved
    }
}
