//! Maximum flow by Dinic's algorithm, on a graph whose arcs can be opened and whose flow can be
//! loaded from a plan between calls, so that a flow is *augmented* rather than recomputed.
//!
//! The tier engine needs exactly that: it opens the source arcs of one tier at a time and
//! augments, which keeps every earlier tier's source arcs saturated (an augmenting path never
//! runs backwards into the source), and it starts a flow from a plan and augments it, which
//! never lowers any line's units. `petgraph`'s `dinics` computes a flow from zero on an
//! immutable graph, so it can do neither.

use std::collections::VecDeque;

pub type Vertex = u32;
pub type Edge = u32;

/// Capacity that never binds.
pub const UNBOUNDED: i64 = i64::MAX / 4;

/// A directed graph with integer capacities and a current flow. Each arc `e` has its reverse
/// at `e ^ 1`; the residual capacity of an arc is `residual[e]`. The arcs leaving each vertex
/// (reverse arcs included, in the order they were added) are kept in one compressed array,
/// rebuilt after arcs are added.
#[derive(Debug, Clone, Default)]
pub struct FlowGraph {
    vertices: usize,
    head: Vec<Vertex>,
    residual: Vec<i64>,
    capacity: Vec<i64>,
    /// `out[first[v]..first[v + 1]]` are the arcs leaving `v`; stale while `first` is short.
    first: Vec<u32>,
    out: Vec<Edge>,
}

impl FlowGraph {
    pub fn add_vertex(&mut self) -> Vertex {
        self.vertices += 1;
        (self.vertices - 1) as Vertex
    }

    pub fn vertices(&self) -> usize {
        self.vertices
    }

    /// Rebuilds the compressed adjacency if arcs or vertices were added since it was built.
    fn index(&mut self) {
        if self.first.len() == self.vertices + 1 && self.out.len() == self.head.len() {
            return;
        }
        let mut first = vec![0u32; self.vertices + 1];
        for e in 0..self.head.len() {
            first[self.head[e ^ 1] as usize + 1] += 1;
        }
        for v in 0..self.vertices {
            first[v + 1] += first[v];
        }
        let mut fill = first.clone();
        let mut out = vec![0; self.head.len()];
        for e in 0..self.head.len() {
            let tail = self.head[e ^ 1] as usize;
            out[fill[tail] as usize] = e as Edge;
            fill[tail] += 1;
        }
        self.first = first;
        self.out = out;
    }

    fn arcs_of(&self, v: Vertex) -> &[Edge] {
        &self.out[self.first[v as usize] as usize..self.first[v as usize + 1] as usize]
    }

    pub fn arcs(&self) -> usize {
        self.head.len() / 2
    }

    /// Adds the arc `from → to` with `capacity` and returns it.
    pub fn add_arc(&mut self, from: Vertex, to: Vertex, capacity: i64) -> Edge {
        let e = self.head.len() as Edge;
        self.head.push(to);
        self.residual.push(capacity);
        self.capacity.push(capacity);
        self.head.push(from);
        self.residual.push(0);
        self.capacity.push(0);
        e
    }

    pub fn flow(&self, e: Edge) -> i64 {
        self.capacity[e as usize] - self.residual[e as usize]
    }

    pub fn capacity(&self, e: Edge) -> i64 {
        self.capacity[e as usize]
    }

    pub fn head(&self, e: Edge) -> Vertex {
        self.head[e as usize]
    }

    /// Sets an arc's capacity; it must stay at least the arc's flow.
    pub fn set_capacity(&mut self, e: Edge, capacity: i64) {
        let flow = self.flow(e);
        debug_assert!(capacity >= flow, "capacity below the arc's flow");
        self.capacity[e as usize] = capacity;
        self.residual[e as usize] = capacity - flow;
    }

    /// Sends `amount` more units along arc `e` (the caller keeps conservation).
    pub fn push(&mut self, e: Edge, amount: i64) {
        self.residual[e as usize] -= amount;
        self.residual[(e ^ 1) as usize] += amount;
    }

    pub fn residual(&self, e: Edge) -> i64 {
        self.residual[e as usize]
    }

    /// Sends up to `amount` units from `from` to `sink` along forward arcs with room, path by
    /// path (depth first; meant for the short acyclic tails of a network); returns the units sent.
    pub fn route(&mut self, from: Vertex, sink: Vertex, amount: i64) -> i64 {
        self.index();
        let mut sent = 0;
        while sent < amount {
            let Some(path) = self.forward_path(from, sink) else {
                break;
            };
            let units = path
                .iter()
                .map(|&e| self.residual(e))
                .min()
                .unwrap_or(0)
                .min(amount - sent);
            for &e in &path {
                self.push(e, units);
            }
            sent += units;
        }
        sent
    }

    fn forward_path(&self, from: Vertex, sink: Vertex) -> Option<Vec<Edge>> {
        let mut path: Vec<Edge> = Vec::new();
        let mut stack: Vec<(Vertex, usize)> = vec![(from, 0)];
        while let Some((v, i)) = stack.pop() {
            if v == sink {
                return Some(path);
            }
            let arcs = self.arcs_of(v);
            let next =
                (i..arcs.len()).find(|&j| arcs[j].is_multiple_of(2) && self.residual(arcs[j]) > 0);
            match next {
                Some(j) => {
                    stack.push((v, j + 1));
                    path.push(arcs[j]);
                    stack.push((self.head(arcs[j]), 0));
                }
                None => {
                    path.pop();
                }
            }
        }
        None
    }

    /// Augments the current flow from `source` to `sink` to a maximum one; returns the units
    /// added. `stop` is polled between phases; a stopped call returns what it added so far, with
    /// the flow still valid.
    pub fn augment(&mut self, source: Vertex, sink: Vertex, stop: &dyn Fn() -> bool) -> i64 {
        self.index();
        let n = self.vertices();
        let mut level = vec![u32::MAX; n];
        let mut next = vec![0usize; n];
        let mut added = 0;
        while !stop() && self.levels(source, sink, &mut level) {
            next.iter_mut().for_each(|i| *i = 0);
            loop {
                let pushed = self.blocking_path(source, sink, &level, &mut next);
                if pushed == 0 {
                    break;
                }
                added += pushed;
            }
        }
        added
    }

    /// Breadth-first levels from `source` in the residual graph, up to the sink's level (no
    /// shortest augmenting path goes further); whether `sink` is reached.
    fn levels(&self, source: Vertex, sink: Vertex, level: &mut [u32]) -> bool {
        level.iter_mut().for_each(|l| *l = u32::MAX);
        level[source as usize] = 0;
        let mut queue = VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            if level[v as usize] >= level[sink as usize] {
                break;
            }
            for &e in self.arcs_of(v) {
                let w = self.head[e as usize] as usize;
                if self.residual[e as usize] > 0 && level[w] == u32::MAX {
                    level[w] = level[v as usize] + 1;
                    queue.push_back(w as Vertex);
                }
            }
        }
        level[sink as usize] != u32::MAX
    }

    /// One augmenting path in the level graph (iterative depth-first search with per-vertex
    /// arc pointers, so dead ends are never revisited within a phase); the units pushed.
    fn blocking_path(
        &mut self,
        source: Vertex,
        sink: Vertex,
        level: &[u32],
        next: &mut [usize],
    ) -> i64 {
        let mut path: Vec<Edge> = Vec::new();
        let mut v = source;
        loop {
            if v == sink {
                let pushed = path
                    .iter()
                    .map(|&e| self.residual[e as usize])
                    .min()
                    .unwrap_or(0);
                for &e in &path {
                    self.residual[e as usize] -= pushed;
                    self.residual[(e ^ 1) as usize] += pushed;
                }
                return pushed;
            }
            let arcs = self.arcs_of(v);
            let mut advanced = false;
            while next[v as usize] < arcs.len() {
                let e = arcs[next[v as usize]];
                let w = self.head[e as usize];
                if self.residual[e as usize] > 0 && level[w as usize] == level[v as usize] + 1 {
                    path.push(e);
                    v = w;
                    advanced = true;
                    break;
                }
                next[v as usize] += 1;
            }
            if advanced {
                continue;
            }
            // Dead end: retreat one arc and skip it from now on.
            let Some(e) = path.pop() else {
                return 0;
            };
            v = self.head[(e ^ 1) as usize];
            next[v as usize] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_network_and_augmentation_keep_earlier_sources() {
        // s -> a (3), s -> b (2), a -> c (2), b -> c (3), a -> t (1), c -> t (3).
        let mut g = FlowGraph::default();
        let [s, a, b, c, t] = [(); 5].map(|_| g.add_vertex());
        let sa = g.add_arc(s, a, 3);
        let sb = g.add_arc(s, b, 0);
        g.add_arc(a, c, 2);
        g.add_arc(b, c, 3);
        g.add_arc(a, t, 1);
        g.add_arc(c, t, 3);
        assert_eq!(g.augment(s, t, &|| false), 3);
        g.set_capacity(sb, 2);
        // Only one more unit fits through c -> t, and a's three units stay.
        assert_eq!(g.augment(s, t, &|| false), 1);
        assert_eq!(g.flow(sa), 3);
        assert_eq!(g.flow(sb), 1);
    }
}
