//! The cheapest way to ship one order's lines by a set of whole shipments: a small exact branch
//! and bound over which candidate shipments to send, shared by the Lagrangian bound (with
//! priced costs) and the reassignment polish (with real costs and what the ledger has left).
//!
//! Each candidate shipment costs `ship_cost[t]` when sent; line `l` then takes units from the
//! sent candidates, cheapest `unit_cost[t][l]` first, at most `upper[t][l]` from each. Sending
//! `k` shipments adds `split_penalty·(k − 1)`; at most `max_shipments` may be sent. Given the
//! set, filling the lines greedily is optimal (the lines do not share anything here), so the
//! search is over sets only. Subtrees are bounded by letting every undecided candidate serve the
//! lines for free (valid because every `ship_cost` is ≥ 0), and in optional mode also by the
//! submodular bound of [`Search::adding_bound`].

use crate::model::{MethodIdx, Model, NodeIdx, OrderIdx};

/// A shipment an order may get: a node and one of its methods that no other method at the same
/// node beats on both per-shipment and per-unit cost (so a dominated method is never needed,
/// whatever is added per node or per unit at that node).
#[derive(Debug, Clone, Copy)]
pub struct ShipmentOption {
    pub node: NodeIdx,
    pub method: MethodIdx,
    /// Per-shipment cost, late penalty included.
    pub per_shipment: f64,
    pub per_unit: f64,
}

/// Every undominated (node, method) that may ship the order at least one unit: an eligible
/// quote, room for a shipment and for units, and stock of one of its SKUs (of all of them, at
/// once, for a ship-complete order).
pub fn shipment_options(model: &Model, order: OrderIdx) -> Vec<ShipmentOption> {
    let o = &model.orders[order];
    let late = model.policy.late_rate();
    let mut options: Vec<ShipmentOption> = Vec::new();
    for node in 0..model.nodes.len() {
        let n = &model.nodes[node];
        if n.capacity_shipments == Some(0) || n.capacity_units == Some(0) {
            continue;
        }
        let holds = if o.ship_complete {
            model.node_holds_whole_order(order, node)
        } else {
            o.lines.iter().any(|l| model.available(node, l.sku) > 0)
        };
        if !holds {
            continue;
        }
        let first = options.len();
        for method in 0..model.methods.len() {
            let Some(q) = model.eligible_quote(order, node, method) else {
                continue;
            };
            let option = ShipmentOption {
                node,
                method,
                per_shipment: q.per_shipment_total(late),
                per_unit: q.per_unit_total(),
            };
            if options[first..].iter().any(|d| dominates(d, &option)) {
                continue;
            }
            let kept: Vec<ShipmentOption> = options[first..]
                .iter()
                .copied()
                .filter(|d| !dominates(&option, d))
                .collect();
            options.truncate(first);
            options.extend(kept);
            options.push(option);
        }
    }
    options
}

/// The most shipments one order may get: one when ship-complete, else the policy's
/// `max_shipments_per_order` (unlimited when absent).
pub fn max_shipments(model: &Model, order: OrderIdx) -> usize {
    if model.orders[order].ship_complete {
        1
    } else {
        model
            .policy
            .max_shipments_per_order
            .map_or(usize::MAX, |k| k.max(0) as usize)
    }
}

fn dominates(a: &ShipmentOption, b: &ShipmentOption) -> bool {
    a.per_shipment <= b.per_shipment && a.per_unit <= b.per_unit
}

/// How much of each line the order must ship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverMode {
    /// Each unit up to the line's quantity is optional: taken only when its unit cost is
    /// negative (a priced unit worth more than it costs).
    Optional,
    /// Every line exactly its quantity, or (when the incumbent is "nothing") not at all.
    Exact,
}

/// One order's cover problem. `unit_cost` and `upper` are candidate-major:
/// `[t * lines + l]`.
pub struct CoverProblem<'a> {
    pub qty: &'a [i64],
    pub ship_cost: &'a [f64],
    pub unit_cost: &'a [f64],
    pub upper: &'a [i64],
    pub mode: CoverMode,
    pub split_penalty: f64,
    pub max_shipments: usize,
    /// The value to beat (the empty plan's 0, or the order's current cost); only strictly
    /// cheaper sets are reported.
    pub incumbent: f64,
    /// Branch-and-bound nodes allowed; past it, open subtrees are bounded, not searched.
    pub node_budget: usize,
}

/// The search's answer.
#[derive(Debug, Default, Clone)]
pub struct Cover {
    /// The best set found, if any beats the incumbent: its value and candidates.
    pub best: Option<(f64, Vec<usize>)>,
    /// A lower bound on the optimum, incumbent included: the best value, or less when the
    /// budget ran out before every subtree was searched.
    pub bound: f64,
    pub cut_short: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Undecided,
    In,
    Out,
}

/// Scratch space reused from order to order.
#[derive(Default)]
pub struct CoverWorkspace {
    /// Per line: useful candidates, cheapest unit cost first.
    by_line: Vec<Vec<usize>>,
    state: Vec<State>,
    order: Vec<usize>,
    alone: Vec<f64>,
    /// Per line: (unit cost, units) the chosen candidates give it, cheapest first.
    taken: Vec<Vec<(f64, i64)>>,
    left: Vec<i64>,
}

impl CoverProblem<'_> {
    fn lines(&self) -> usize {
        self.qty.len()
    }

    fn useful(&self, t: usize, l: usize) -> bool {
        let k = t * self.lines() + l;
        self.upper[k] > 0
            && self.qty[l] > 0
            && (self.mode == CoverMode::Exact || self.unit_cost[k] < 0.0)
    }

    /// Candidates by their unit cost on line `l`, cheapest first (index breaks ties).
    fn sort_by_unit_cost(&self, candidates: &mut [usize], l: usize) {
        let lines = self.lines();
        candidates.sort_by(|&a, &b| {
            self.unit_cost[a * lines + l]
                .total_cmp(&self.unit_cost[b * lines + l])
                .then(a.cmp(&b))
        });
    }

    /// The shipments of `set` for `order`, whose candidates are `options` (in this problem's
    /// order): each with the units its lines take, sorted; empty ones dropped.
    pub fn shipments_of(
        &self,
        order: OrderIdx,
        options: &[ShipmentOption],
        set: &[usize],
    ) -> Vec<crate::solver::ShipmentDecision> {
        let mut shipments: Vec<crate::solver::ShipmentDecision> = set
            .iter()
            .map(|&t| crate::solver::ShipmentDecision {
                order,
                node: options[t].node,
                method: options[t].method,
                lines: Vec::new(),
            })
            .collect();
        for (t, line, units) in self.units_of(set) {
            if let Some(at) = set.iter().position(|&s| s == t) {
                shipments[at].lines.push((line, units));
            }
        }
        shipments.retain(|s| !s.lines.is_empty());
        for s in &mut shipments {
            s.lines.sort_unstable();
        }
        shipments
    }

    /// The units each line takes from the candidates in `set`: (candidate, line, units).
    pub fn units_of(&self, set: &[usize]) -> Vec<(usize, usize, i64)> {
        let lines = self.lines();
        let mut out = Vec::new();
        for l in 0..lines {
            let mut by_cost: Vec<usize> =
                set.iter().copied().filter(|&t| self.useful(t, l)).collect();
            self.sort_by_unit_cost(&mut by_cost, l);
            let mut left = self.qty[l];
            for t in by_cost {
                if left == 0 {
                    break;
                }
                let take = left.min(self.upper[t * lines + l]);
                if take > 0 {
                    out.push((t, l, take));
                    left -= take;
                }
            }
        }
        out
    }

    /// Whether `a` makes `b` unnecessary: `a` costs no more per shipment, and on every line `b`
    /// could serve, `a` costs no more per unit and can carry the whole line. Then any set with
    /// `b` is no cheaper than the same set with `b`'s units moved to `a` (and `b` not sent).
    /// Exact ties keep the lower index.
    fn dominates(&self, a: usize, b: usize) -> bool {
        let lines = self.lines();
        if self.ship_cost[a] > self.ship_cost[b] {
            return false;
        }
        let mut strictly = self.ship_cost[a] < self.ship_cost[b];
        for l in 0..lines {
            if !self.useful(b, l) {
                continue;
            }
            let (ka, kb) = (a * lines + l, b * lines + l);
            if self.upper[ka] < self.qty[l] || self.unit_cost[ka] > self.unit_cost[kb] {
                return false;
            }
            strictly |= self.unit_cost[ka] < self.unit_cost[kb];
        }
        strictly || a < b
    }

    /// Leaves dominated candidates out of the search (their state becomes `Out`).
    fn drop_dominated(&self, ws: &mut CoverWorkspace) {
        let live = std::mem::take(&mut ws.order);
        let kept: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&b| !live.iter().any(|&a| a != b && self.dominates(a, b)))
            .collect();
        for &t in &live {
            ws.state[t] = State::Out;
        }
        for &t in &kept {
            ws.state[t] = State::Undecided;
        }
        for list in ws.by_line[..self.lines()].iter_mut() {
            list.retain(|&t| ws.state[t] == State::Undecided);
        }
        ws.order = kept;
    }

    /// Solves the problem exactly (within the node budget).
    pub fn solve(&self, ws: &mut CoverWorkspace) -> Cover {
        let lines = self.lines();
        let candidates = self.ship_cost.len();
        ws.by_line
            .resize_with(lines.max(ws.by_line.len()), Vec::new);
        for l in 0..lines {
            let list = &mut ws.by_line[l];
            list.clear();
            list.extend((0..candidates).filter(|&t| self.useful(t, l)));
            self.sort_by_unit_cost(list, l);
        }
        let none = Cover {
            best: None,
            bound: self.incumbent,
            cut_short: false,
        };
        if self.mode == CoverMode::Exact
            && (0..lines).any(|l| self.qty[l] > 0 && ws.by_line[l].is_empty())
        {
            return none;
        }
        ws.state.clear();
        ws.state.resize(candidates, State::Out);
        for list in &ws.by_line[..lines] {
            for &t in list {
                ws.state[t] = State::Undecided;
            }
        }
        ws.alone.clear();
        for t in 0..candidates {
            let mut v = self.ship_cost[t];
            for l in 0..lines {
                let k = t * lines + l;
                if self.useful(t, l) {
                    v += self.unit_cost[k] * self.upper[k].min(self.qty[l]) as f64;
                }
            }
            ws.alone.push(v);
        }
        ws.order.clear();
        ws.order
            .extend((0..candidates).filter(|&t| ws.state[t] == State::Undecided));
        self.drop_dominated(ws);
        let alone = &ws.alone;
        ws.order
            .sort_by(|&a, &b| alone[a].total_cmp(&alone[b]).then(a.cmp(&b)));
        let mut search = Search {
            problem: self,
            ws,
            best: self.incumbent,
            best_set: None,
            open_bound: f64::INFINITY,
            nodes: 0,
        };
        let mut chosen = Vec::new();
        search.branch(0, &mut chosen, 0.0);
        let bound = search.best.min(search.open_bound);
        Cover {
            cut_short: search.open_bound < search.best,
            best: search.best_set.map(|set| (search.best, set)),
            bound,
        }
    }
}

struct Search<'p, 'w> {
    problem: &'p CoverProblem<'p>,
    ws: &'w mut CoverWorkspace,
    best: f64,
    best_set: Option<Vec<usize>>,
    /// Least lower bound of the subtrees not searched for lack of budget.
    open_bound: f64,
    nodes: usize,
}

impl Search<'_, '_> {
    /// Cost of the lines when shipped by the candidates `usable` admits (∞ in exact mode when
    /// some line cannot be filled).
    fn lines_cost(&self, usable: impl Fn(State) -> bool) -> f64 {
        let p = self.problem;
        let lines = p.lines();
        let mut total = 0.0;
        for l in 0..lines {
            let mut left = p.qty[l];
            for &t in &self.ws.by_line[l] {
                if left == 0 {
                    break;
                }
                if !usable(self.ws.state[t]) {
                    continue;
                }
                let k = t * lines + l;
                let take = left.min(p.upper[k]);
                total += p.unit_cost[k] * take as f64;
                left -= take;
            }
            if p.mode == CoverMode::Exact && left > 0 {
                return f64::INFINITY;
            }
        }
        total
    }

    /// A lower bound on adding any set of undecided candidates to `chosen` (optional mode):
    /// `Σ_{t undecided} min(0, ship_cost[t] + split − Δ_t)`, where `Δ_t` is what adding t alone
    /// to `chosen` saves on the lines. The saving of a set is at most the sum of its members'
    /// savings, because a line's saving (the best use of capacitated sources for one demand) is
    /// the weighted rank function of a matroid, hence submodular. With nothing chosen yet, the
    /// first shipment added pays no split penalty.
    fn adding_bound(&mut self, depth: usize, nothing_chosen: bool) -> f64 {
        let p = self.problem;
        let lines = p.lines();
        let ws = &mut *self.ws;
        ws.taken.resize_with(lines.max(ws.taken.len()), Vec::new);
        ws.left.clear();
        for l in 0..lines {
            let taken = &mut ws.taken[l];
            taken.clear();
            let mut left = p.qty[l];
            for &t in &ws.by_line[l] {
                if left == 0 {
                    break;
                }
                if ws.state[t] == State::In {
                    let k = t * lines + l;
                    let take = left.min(p.upper[k]);
                    taken.push((p.unit_cost[k], take));
                    left -= take;
                }
            }
            ws.left.push(left);
        }
        let mut total = 0.0;
        for &t in &ws.order[depth..] {
            let mut saving = 0.0;
            for l in 0..lines {
                // Optional mode: a candidate helps a line only where it is useful.
                if !p.useful(t, l) {
                    continue;
                }
                let k = t * lines + l;
                let cost = p.unit_cost[k];
                let mut room = p.upper[k];
                let fill = room.min(ws.left[l]);
                saving -= cost * fill as f64;
                room -= fill;
                for &(dearer, units) in ws.taken[l].iter().rev() {
                    if room == 0 || dearer <= cost {
                        break;
                    }
                    let moved = room.min(units);
                    saving += (dearer - cost) * moved as f64;
                    room -= moved;
                }
            }
            total += (p.ship_cost[t] + p.split_penalty - saving).min(0.0);
        }
        if nothing_chosen {
            total -= p.split_penalty;
        }
        total.min(0.0)
    }

    /// Decides `order[depth..]` given the candidates `chosen` (costing `ship_cost`).
    fn branch(&mut self, depth: usize, chosen: &mut Vec<usize>, ship_cost: f64) {
        self.nodes += 1;
        let p = self.problem;
        let fixed = ship_cost + p.split_penalty * chosen.len().saturating_sub(1) as f64;
        // The chosen candidates alone are a solution (nothing at all is the incumbent's
        // business: 0 in optional mode, infeasible in exact mode).
        let here = if chosen.is_empty() {
            match p.mode {
                CoverMode::Optional => 0.0,
                CoverMode::Exact => f64::INFINITY,
            }
        } else {
            fixed + self.lines_cost(|s| s == State::In)
        };
        if !chosen.is_empty() && here < self.best {
            self.best = here;
            self.best_set = Some(chosen.clone());
        }
        if depth == self.ws.order.len() {
            return;
        }
        // A lower bound on the subtree: every undecided candidate serves the lines for free...
        let mut bound = fixed + self.lines_cost(|s| s != State::Out);
        match p.mode {
            // ...or each one added saves at most what it saves alone.
            CoverMode::Optional => {
                bound = bound.max(here + self.adding_bound(depth, chosen.is_empty()));
            }
            // ...and, while the lines are not all covered, at least one more shipment is sent.
            CoverMode::Exact if here.is_infinite() => {
                let cheapest = self.ws.order[depth..]
                    .iter()
                    .map(|&t| p.ship_cost[t])
                    .fold(f64::INFINITY, f64::min);
                let split = if chosen.is_empty() {
                    0.0
                } else {
                    p.split_penalty
                };
                bound += cheapest + split;
            }
            CoverMode::Exact => {}
        }
        if bound >= self.best {
            return;
        }
        if self.nodes >= p.node_budget {
            self.open_bound = self.open_bound.min(bound);
            return;
        }
        let t = self.ws.order[depth];
        if chosen.len() < p.max_shipments {
            self.ws.state[t] = State::In;
            chosen.push(t);
            self.branch(depth + 1, chosen, ship_cost + p.ship_cost[t]);
            chosen.pop();
        }
        self.ws.state[t] = State::Out;
        self.branch(depth + 1, chosen, ship_cost);
        self.ws.state[t] = State::Undecided;
    }
}
