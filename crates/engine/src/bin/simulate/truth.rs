//! The truth the robust scenarios generate answers from, which is deliberately NOT the engine's
//! model, and the Bayes-optimal classifier that knows it.
//!
//! Per item: the true difficulty is the authored level's logits plus N(0, 0.7²); the true
//! discrimination is lognormal around 1.7 (SD 0.3 on the log scale), except for 5 % of the items
//! that barely discriminate (0.2); the true guessing floor is the kind's blind-guess chance plus a
//! uniform shift in [−0.05, +0.15] (eliminating a distractor raises it, a tempting distractor lowers
//! it). The discrimination's centre is fixed here on purpose (1.7, the normal-ogive scaling the
//! engine's model was built from) rather than taken from the engine, so that the truth does not move
//! when the engine's own choice of discrimination does.

use engine::bank::Question;
use engine::model::{cut_theta_for, ItemParams, CUT_PROPORTION};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// SD of true difficulties around the authored levels, in logits.
pub const DIFFICULTY_NOISE_SD: f64 = 0.7;
/// Median true discrimination, and its spread on the log scale.
pub const TRUE_DISCRIMINATION: f64 = 1.7;
pub const DISCRIMINATION_LOG_SD: f64 = 0.3;
/// Share of items that barely discriminate, and their discrimination.
pub const FLAT_SHARE: f64 = 0.05;
pub const FLAT_DISCRIMINATION: f64 = 0.2;
/// The true guessing floor is the kind's blind-guess chance shifted by a uniform amount in this range.
pub const GUESSING_SHIFT: (f64, f64) = (-0.05, 0.15);

pub fn normal(rng: &mut StdRng) -> f64 {
    // Box–Muller: enough for simulation, and no extra dependency.
    let (u1, u2): (f64, f64) = (rng.random::<f64>().max(1e-300), rng.random());
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// One draw of an item's true parameters around its authored (`nominal`) difficulty and guessing
/// floor (the nominal discrimination is ignored).
fn draw_item(nominal: ItemParams, rng: &mut StdRng) -> ItemParams {
    let b = nominal.b + DIFFICULTY_NOISE_SD * normal(rng);
    let a = if rng.random::<f64>() < FLAT_SHARE {
        FLAT_DISCRIMINATION
    } else {
        TRUE_DISCRIMINATION * (DISCRIMINATION_LOG_SD * normal(rng)).exp()
    };
    let c = (nominal.c + rng.random_range(GUESSING_SHIFT.0..GUESSING_SHIFT.1)).clamp(0.02, 0.6);
    ItemParams { a, b, c }
}

/// True item parameters (in bank order) and the pass line of the generating model: the ability at
/// which a candidate answers 72 % of the bank correctly under these parameters.
pub struct Truth {
    pub items: Vec<ItemParams>,
    pub cut: f64,
}

impl Truth {
    /// The engine's own model: answers generated exactly as the engine assumes.
    pub fn engine(bank: &[Question]) -> Truth {
        let items: Vec<ItemParams> = bank.iter().map(ItemParams::of).collect();
        Truth {
            cut: cut_theta_for(&items),
            items,
        }
    }

    /// One draw of a misspecified bank (see the module's comment).
    pub fn misspecified(bank: &[Question], rng: &mut StdRng) -> Truth {
        let items: Vec<ItemParams> = bank
            .iter()
            .map(|q| draw_item(ItemParams::of(q), rng))
            .collect();
        Truth {
            cut: cut_theta_for(&items),
            items,
        }
    }

    /// A simulated answer to item `k` (bank index) at ability `theta`.
    pub fn answer(&self, k: usize, theta: f64, rng: &mut StdRng) -> bool {
        rng.random::<f64>() < self.items[k].p_correct(theta)
    }
}

const BAYES_POINTS: usize = 241;
const BAYES_MIN: f64 = -6.0;
const BAYES_STEP: f64 = 0.05;

/// The exact posterior under the true parameters and the true N(0, 1) ability distribution, on a
/// grid of its own (independent of the engine's), with log-probabilities tabulated once per item.
pub struct Bayes {
    right: Vec<f64>,
    wrong: Vec<f64>,
}

/// Draws per item class for the uncalibrated reference's average item curve.
const MARGINAL_DRAWS: usize = 2_000;

impl Bayes {
    pub fn new(truth: &Truth) -> Bayes {
        Bayes::from_curves(truth.items.iter().map(|item| |t: f64| item.p_correct(t)))
    }

    fn from_curves<F: Fn(f64) -> f64>(curves: impl Iterator<Item = F>) -> Bayes {
        let (mut right, mut wrong) = (Vec::new(), Vec::new());
        for curve in curves {
            for g in 0..BAYES_POINTS {
                let p = curve(BAYES_MIN + g as f64 * BAYES_STEP);
                right.push(p.ln());
                wrong.push((1.0 - p).ln());
            }
        }
        Bayes { right, wrong }
    }

    /// The best a scorer can do that knows how true parameters are spread around the authored ones
    /// (this module's distribution) but not any item's own: each item's curve is the truth's curve
    /// averaged over that distribution, given the item's authored difficulty and kind; the cut is
    /// where the bank's average of those curves is 72 %. Returns the classifier and its cut.
    pub fn uncalibrated(bank: &[Question]) -> (Bayes, f64) {
        // The average curve is a property of the distribution, not of one bank's draw: its own
        // generator, so that the scenarios' draws are unchanged.
        let mut rng = StdRng::seed_from_u64(0x0ca1_1b8a_7ed0);
        // Items with the same authored difficulty and guessing floor share one average curve.
        let mut classes: Vec<(ItemParams, Vec<ItemParams>, usize)> = Vec::new();
        let class_of: Vec<usize> = bank
            .iter()
            .map(|q| {
                let nominal = ItemParams::of(q);
                let same = |p: &ItemParams| p.b == nominal.b && p.c == nominal.c;
                let k = classes
                    .iter()
                    .position(|(p, _, _)| same(p))
                    .unwrap_or_else(|| {
                        let draws = (0..MARGINAL_DRAWS)
                            .map(|_| draw_item(nominal, &mut rng))
                            .collect();
                        classes.push((nominal, draws, 0));
                        classes.len() - 1
                    });
                classes[k].2 += 1;
                k
            })
            .collect();
        let curve = |draws: &[ItemParams], t: f64| {
            draws.iter().map(|d| d.p_correct(t)).sum::<f64>() / draws.len() as f64
        };
        let expected = |t: f64| {
            classes
                .iter()
                .map(|(_, draws, n)| *n as f64 * curve(draws, t))
                .sum::<f64>()
                / bank.len().max(1) as f64
        };
        let (mut lo, mut hi) = (-6.0, 6.0);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if expected(mid) < CUT_PROPORTION {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let tables: Vec<Bayes> = classes
            .iter()
            .map(|(_, draws, _)| Bayes::from_curves(std::iter::once(|t: f64| curve(draws, t))))
            .collect();
        let mut bayes = Bayes {
            right: Vec::new(),
            wrong: Vec::new(),
        };
        for &k in &class_of {
            bayes.right.extend_from_slice(&tables[k].right);
            bayes.wrong.extend_from_slice(&tables[k].wrong);
        }
        (bayes, (lo + hi) / 2.0)
    }

    /// Posterior probability that ability is at least `cut`, given `(bank index, correct)` answers.
    pub fn p_above(&self, responses: &[(usize, bool)], cut: f64) -> f64 {
        let mut log_w: [f64; BAYES_POINTS] = std::array::from_fn(|g| {
            let t = BAYES_MIN + g as f64 * BAYES_STEP;
            -0.5 * t * t
        });
        for &(k, correct) in responses {
            let table = if correct { &self.right } else { &self.wrong };
            let row = &table[k * BAYES_POINTS..(k + 1) * BAYES_POINTS];
            log_w.iter_mut().zip(row).for_each(|(w, l)| *w += l);
        }
        let max = log_w.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let (mut total, mut above) = (0.0, 0.0);
        for (g, lw) in log_w.iter().enumerate() {
            let w = (lw - max).exp();
            let t = BAYES_MIN + g as f64 * BAYES_STEP;
            // Each point stands for its cell; the cell holding the cut counts in proportion.
            total += w;
            above += w * ((t + BAYES_STEP / 2.0 - cut) / BAYES_STEP).clamp(0.0, 1.0);
        }
        above / total
    }
}
