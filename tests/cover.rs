//! The one-order cover search (`solver::cover`), which both the Lagrangian bound and the
//! reassignment polish rely on to be exact: on thousands of small random problems its answer
//! equals the optimum found by trying every set of shipments, in both modes, with split
//! penalties, shipment limits and incumbents; and its bound never exceeds that optimum even
//! when its node budget is tiny.

use waveopt::solver::cover::{CoverMode, CoverProblem, CoverWorkspace};

/// A small deterministic generator (xorshift64*), so a failure is reproducible by its case.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn cost(&mut self, low: f64, high: f64) -> f64 {
        // Quarter steps make exact ties common, which the dominance rule must handle.
        let steps = ((high - low) * 4.0) as u64;
        low + self.below(steps + 1) as f64 / 4.0
    }
}

struct Case {
    qty: Vec<i64>,
    ship_cost: Vec<f64>,
    unit_cost: Vec<f64>,
    upper: Vec<i64>,
    mode: CoverMode,
    split_penalty: f64,
    max_shipments: usize,
    incumbent: f64,
}

fn random_case(rng: &mut Rng) -> Case {
    let lines = 1 + rng.below(3) as usize;
    let candidates = 1 + rng.below(10) as usize;
    let mode = if rng.below(2) == 0 {
        CoverMode::Optional
    } else {
        CoverMode::Exact
    };
    // The first line always has units: an order with nothing to ship is not a cover problem.
    let qty: Vec<i64> = (0..lines)
        .map(|l| rng.below(6) as i64 + i64::from(l == 0))
        .collect();
    let mut unit_cost = Vec::new();
    let mut upper = Vec::new();
    for _ in 0..candidates {
        for &q in &qty {
            unit_cost.push(match mode {
                CoverMode::Optional => rng.cost(-6.0, 2.0),
                CoverMode::Exact => rng.cost(0.0, 5.0),
            });
            upper.push(rng.below(q as u64 + 2) as i64);
        }
    }
    let incumbent = match (mode, rng.below(3)) {
        (CoverMode::Optional, _) => 0.0,
        (CoverMode::Exact, 0) => f64::INFINITY,
        (CoverMode::Exact, _) => rng.cost(5.0, 60.0),
    };
    Case {
        ship_cost: (0..candidates).map(|_| rng.cost(0.0, 8.0)).collect(),
        qty,
        unit_cost,
        upper,
        mode,
        split_penalty: rng.cost(0.0, 3.0),
        max_shipments: 1 + rng.below(4) as usize,
        incumbent,
    }
}

impl Case {
    fn problem(&self, node_budget: usize) -> CoverProblem<'_> {
        CoverProblem {
            qty: &self.qty,
            ship_cost: &self.ship_cost,
            unit_cost: &self.unit_cost,
            upper: &self.upper,
            mode: self.mode,
            split_penalty: self.split_penalty,
            max_shipments: self.max_shipments,
            incumbent: self.incumbent,
            node_budget,
        }
    }

    /// The cost of sending exactly `set`, each line filled cheapest unit first (only units of
    /// negative cost when optional); `None` when exact and a line cannot be filled.
    fn value_of(&self, set: &[usize]) -> Option<f64> {
        let lines = self.qty.len();
        let mut total: f64 = set.iter().map(|&t| self.ship_cost[t]).sum();
        total += self.split_penalty * (set.len() as f64 - 1.0);
        for (l, &q) in self.qty.iter().enumerate() {
            let mut offers: Vec<(f64, i64)> = set
                .iter()
                .map(|&t| (self.unit_cost[t * lines + l], self.upper[t * lines + l]))
                .collect();
            offers.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut left = q;
            for (cost, room) in offers {
                if self.mode == CoverMode::Optional && cost >= 0.0 {
                    break;
                }
                let take = left.min(room);
                total += cost * take as f64;
                left -= take;
            }
            if self.mode == CoverMode::Exact && left > 0 {
                return None;
            }
        }
        Some(total)
    }

    /// The least value over every non-empty set within the shipment limit, or the incumbent.
    fn brute_force(&self) -> f64 {
        let candidates = self.ship_cost.len();
        let mut best = self.incumbent;
        for mask in 1u32..(1 << candidates) {
            if mask.count_ones() as usize > self.max_shipments {
                continue;
            }
            let set: Vec<usize> = (0..candidates).filter(|&t| mask & (1 << t) != 0).collect();
            if let Some(v) = self.value_of(&set) {
                best = best.min(v);
            }
        }
        best
    }
}

#[test]
fn the_cover_search_finds_the_optimum_of_every_small_problem() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut ws = CoverWorkspace::default();
    for case_no in 0..20_000 {
        let case = random_case(&mut rng);
        let optimum = case.brute_force();
        let cover = case.problem(1_000_000).solve(&mut ws);
        let tolerance = 1e-9 * optimum.abs().max(1.0);
        assert!(!cover.cut_short, "case {case_no}");
        match &cover.best {
            Some((value, set)) => {
                assert!(
                    (value - optimum).abs() <= tolerance,
                    "case {case_no}: {value} vs {optimum}"
                );
                let direct = case.value_of(set).expect("the set found covers the lines");
                assert!((direct - value).abs() <= tolerance, "case {case_no}");
                assert!(set.len() <= case.max_shipments, "case {case_no}");
                // Its units: within each candidate's room, no line over its quantity (exact:
                // every line at it).
                let units = case.problem(1).units_of(set);
                for (l, &q) in case.qty.iter().enumerate() {
                    let got: i64 = units.iter().filter(|u| u.1 == l).map(|u| u.2).sum();
                    assert!(got <= q, "case {case_no}");
                    if case.mode == CoverMode::Exact {
                        assert_eq!(got, q, "case {case_no}");
                    }
                }
                for &(t, l, u) in &units {
                    assert!(u <= case.upper[t * case.qty.len() + l], "case {case_no}");
                }
            }
            None => assert!(
                optimum == case.incumbent || optimum >= case.incumbent - tolerance,
                "case {case_no}: missed {optimum} below the incumbent {}",
                case.incumbent
            ),
        }
        if optimum.is_finite() {
            assert!((cover.bound - optimum).abs() <= tolerance, "case {case_no}");
        }
    }
}

#[test]
fn a_search_cut_short_still_bounds_the_optimum_from_below() {
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let mut ws = CoverWorkspace::default();
    let mut cut = 0;
    for case_no in 0..20_000 {
        let case = random_case(&mut rng);
        let optimum = case.brute_force();
        let cover = case.problem(2).solve(&mut ws);
        cut += usize::from(cover.cut_short);
        assert!(
            cover.bound <= optimum + 1e-9 * optimum.abs().max(1.0),
            "case {case_no}: bound {} above the optimum {optimum}",
            cover.bound
        );
    }
    assert!(
        cut > 100,
        "only {cut} searches were cut short: the test proves little"
    );
}
