//! A small seeded PRNG (SplitMix64) and weighted sampling, written here so that a generated wave
//! never changes with a dependency's version. Only exactly-rounded float operations are used
//! (no `powf`, `sin`, …), so the output is the same on every platform.

/// SplitMix64 (Steele, Lea & Flood 2014): one 64-bit state, passes BigCrush, trivially seedable.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent stream for one part of the generator, so that drawing more numbers in one
    /// part never shifts what another part draws.
    pub fn stream(seed: u64, stream: u64) -> Self {
        let mut mixer = Rng::new(seed ^ stream.wrapping_mul(GOLDEN_GAMMA).rotate_left(17));
        Rng::new(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`, with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; `n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in `[lo, hi)`.
    pub fn real(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Draws indices in proportion to fixed weights, in O(log n) per draw.
#[derive(Debug, Clone)]
pub struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    /// At least one weight must be positive.
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w.max(0.0);
                total
            })
            .collect();
        Weighted { cumulative }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len().saturating_sub(1))
    }
}

/// Exactly `k` of the indices `0..n`, chosen uniformly, ascending (Knuth's selection sampling).
pub fn choose_indices(rng: &mut Rng, n: usize, k: usize) -> Vec<usize> {
    let k = k.min(n);
    let mut chosen = Vec::with_capacity(k);
    for i in 0..n {
        if chosen.len() == k {
            break;
        }
        if rng.below(n - i) < k - chosen.len() {
            chosen.push(i);
        }
    }
    chosen
}

/// Rounds to `decimals` places (for tidy files; exact IEEE operations only).
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1_000.0, 10_000.0, 100_000.0][decimals.clamp(0, 5) as usize];
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let a: Vec<u64> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u64()))
            .collect();
        let b: Vec<u64> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u64()))
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // Reference values of SplitMix64 seeded with 1234567 (from the original C code).
        let mut rng = Rng::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn selection_sampling_picks_exactly_k_distinct_indices() {
        let mut rng = Rng::new(3);
        let chosen = choose_indices(&mut rng, 100, 7);
        assert_eq!(chosen.len(), 7);
        assert!(chosen.windows(2).all(|w| w[0] < w[1]));
        assert!(chosen.iter().all(|&i| i < 100));
    }

    #[test]
    fn weighted_draws_never_pick_a_zero_weight() {
        let weighted = Weighted::new([0.0, 1.0, 0.0, 3.0]);
        let mut rng = Rng::new(5);
        for _ in 0..1000 {
            let i = weighted.sample(&mut rng);
            assert!(i == 1 || i == 3);
        }
    }
}
