//! The measurement model: a three-parameter logistic item response model with the discrimination
//! fixed, the guessing floor set by the item's kind, and the difficulty taken from the author's
//! 1–3 estimate; expected-a-posteriori ability on a quadrature grid with a standard normal prior;
//! and the transform of ability onto the 100–1000 scale with 700 at the cut. See docs/scoring.md.

use std::sync::OnceLock;

use crate::bank::{self, Difficulty, Kind, Question};
use crate::blueprint::{MAX_SCALED, MIN_SCALED, PASS_SCALED};

/// Logistic discrimination: 1.7 is the usual scaling that makes the logistic curve track the normal
/// ogive with unit slope, a neutral choice when no item statistics exist.
pub const DISCRIMINATION: f64 = 1.7;
/// How far an item's true difficulty may lie from its authored level (SD, logits): authors' levels
/// are estimates, not calibrated statistics, and the simulation shows bands too narrow without it.
pub const DIFFICULTY_SD: f64 = 0.7;

/// The discrimination the engine scores with: each item's difficulty integrated over
/// N(authored, DIFFICULTY_SD²). For the normal ogive that integral is the same curve with its slope
/// divided by sqrt(1 + σ²) (the logistic at 1.7 stands for unit slope), so the uncertainty about
/// difficulties flattens every item a little and widens the bands accordingly.
pub fn scoring_discrimination() -> f64 {
    DISCRIMINATION / (1.0 + DIFFICULTY_SD * DIFFICULTY_SD).sqrt()
}
/// Difficulty, in logits, that each authored level stands for.
pub const fn difficulty_logits(d: Difficulty) -> f64 {
    match d {
        Difficulty::Easy => -1.5,
        Difficulty::Medium => 0.0,
        Difficulty::Hard => 1.5,
    }
}
/// Share of a typical form a candidate at the cut answers correctly (the standard we model).
pub const CUT_PROPORTION: f64 = 0.72;
/// Scaled points per logit above and below the cut.
pub const SCALED_PER_LOGIT: f64 = 120.0;

pub const GRID_POINTS: usize = 121;
const GRID_MIN: f64 = -6.0;
const GRID_STEP: f64 = 0.1;

fn grid(i: usize) -> f64 {
    GRID_MIN + i as f64 * GRID_STEP
}

/// One item's parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemParams {
    pub a: f64,
    pub b: f64,
    /// The chance of guessing right: 1/4 for one-of-four, 1/C(n,k) for choose k of n.
    pub c: f64,
}

fn choose(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

impl ItemParams {
    pub fn of(q: &Question) -> ItemParams {
        let c = match q.kind {
            Kind::Single => 1.0 / q.options.len().max(1) as f64,
            Kind::Multiple(k) => 1.0 / choose(q.options.len(), k as usize),
        };
        ItemParams {
            a: scoring_discrimination(),
            b: difficulty_logits(q.difficulty),
            c,
        }
    }

    /// Answered right at least as often as blind guessing would be: below this, the answers carry no
    /// evidence of knowledge.
    pub fn guessing_level(items: &[ItemParams]) -> f64 {
        items.iter().map(|i| i.c).sum()
    }

    pub fn p_correct(self, theta: f64) -> f64 {
        self.c + (1.0 - self.c) / (1.0 + (-self.a * (theta - self.b)).exp())
    }

    /// Fisher information at `theta` (3PL).
    pub fn information(self, theta: f64) -> f64 {
        let p = self.p_correct(theta);
        let q = 1.0 - p;
        self.a * self.a * (q / p) * ((p - self.c) / (1.0 - self.c)).powi(2)
    }
}

/// The log-likelihood of some responses at every grid point. Sums and differences of these let the
/// report score every domain without recomputing each item for each area.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLikelihood(pub [f64; GRID_POINTS]);

impl Default for LogLikelihood {
    fn default() -> Self {
        LogLikelihood([0.0; GRID_POINTS])
    }
}

impl LogLikelihood {
    pub fn add(&mut self, (item, correct): (ItemParams, bool)) {
        for (i, lw) in self.0.iter_mut().enumerate() {
            let p = item.p_correct(grid(i));
            *lw += if correct { p.ln() } else { (1.0 - p).ln() };
        }
    }

    pub fn plus(&self, other: &LogLikelihood) -> LogLikelihood {
        LogLikelihood(std::array::from_fn(|i| self.0[i] + other.0[i]))
    }

    pub fn minus(&self, other: &LogLikelihood) -> LogLikelihood {
        LogLikelihood(std::array::from_fn(|i| self.0[i] - other.0[i]))
    }
}

/// A posterior over ability on the grid, normalised.
#[derive(Clone, Debug, PartialEq)]
pub struct Posterior {
    weights: Vec<f64>,
}

impl Posterior {
    /// Prior N(mean, sd²) updated with `(item, correct)` responses.
    pub fn from_responses(
        prior_mean: f64,
        prior_sd: f64,
        responses: impl IntoIterator<Item = (ItemParams, bool)>,
    ) -> Posterior {
        let mut log_lik = LogLikelihood::default();
        for response in responses {
            log_lik.add(response);
        }
        Posterior::from_log_likelihood(prior_mean, prior_sd, &log_lik)
    }

    /// N(mean, sd²) on the grid (for evidence pooled into a normal approximation).
    pub fn normal(mean: f64, sd: f64) -> Posterior {
        Posterior::from_log_likelihood(mean, sd.max(GRID_STEP / 2.0), &LogLikelihood::default())
    }

    /// Prior N(mean, sd²) combined with an already summed log-likelihood.
    pub fn from_log_likelihood(
        prior_mean: f64,
        prior_sd: f64,
        log_lik: &LogLikelihood,
    ) -> Posterior {
        let log_w: Vec<f64> = (0..GRID_POINTS)
            .map(|i| -0.5 * ((grid(i) - prior_mean) / prior_sd).powi(2) + log_lik.0[i])
            .collect();
        let max = log_w.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let mut weights: Vec<f64> = log_w.iter().map(|lw| (lw - max).exp()).collect();
        let total: f64 = weights.iter().sum();
        weights.iter_mut().for_each(|w| *w /= total);
        Posterior { weights }
    }

    pub fn mean(&self) -> f64 {
        self.weights
            .iter()
            .enumerate()
            .map(|(i, w)| w * grid(i))
            .sum()
    }

    pub fn sd(&self) -> f64 {
        let m = self.mean();
        self.weights
            .iter()
            .enumerate()
            .map(|(i, w)| w * (grid(i) - m).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// The ability below which a share `q` of the posterior lies (linear within grid cells).
    pub fn quantile(&self, q: f64) -> f64 {
        let mut acc = 0.0;
        for (i, w) in self.weights.iter().enumerate() {
            if acc + w >= q {
                let within = if *w > 0.0 { (q - acc) / w } else { 0.0 };
                return grid(i) - GRID_STEP / 2.0 + within * GRID_STEP;
            }
            acc += w;
        }
        grid(GRID_POINTS - 1)
    }

    /// Posterior probability that ability is at least `theta`. Each grid point stands for the cell
    /// of width `GRID_STEP` around it, and the cell holding `theta` counts in proportion, so the
    /// answer moves smoothly as `theta` does.
    pub fn mass_above(&self, theta: f64) -> f64 {
        self.weights
            .iter()
            .enumerate()
            .map(|(i, w)| w * ((grid(i) + GRID_STEP / 2.0 - theta) / GRID_STEP).clamp(0.0, 1.0))
            .sum()
    }
}

/// The ability at which a candidate answers `CUT_PROPORTION` of the bank's items correctly on
/// average: the model's stand-in for the minimally qualified candidate.
pub fn cut_theta() -> f64 {
    static CUT: OnceLock<f64> = OnceLock::new();
    *CUT.get_or_init(|| {
        cut_theta_for(
            &bank::questions()
                .iter()
                .map(ItemParams::of)
                .collect::<Vec<_>>(),
        )
    })
}

pub fn cut_theta_for(items: &[ItemParams]) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let expected = |t: f64| items.iter().map(|i| i.p_correct(t)).sum::<f64>() / items.len() as f64;
    let (mut lo, mut hi) = (-6.0, 6.0);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if expected(mid) < CUT_PROPORTION {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + hi) / 2.0
}

/// Ability onto 100–1000: linear with `SCALED_PER_LOGIT`, 700 at the cut, clamped at the ends as
/// the real scale is.
pub fn scaled(theta: f64, cut: f64) -> u16 {
    let s = f64::from(PASS_SCALED) + SCALED_PER_LOGIT * (theta - cut);
    s.round()
        .clamp(f64::from(MIN_SCALED), f64::from(MAX_SCALED)) as u16
}

/// An ability estimate in exam terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub theta: f64,
    pub sd: f64,
    pub scaled: u16,
    /// 95 % credible band on the scaled scale.
    pub low: u16,
    pub high: u16,
    /// The chance of passing a new full exam (see `new_form_pass_chance`).
    pub p_pass: f64,
}

/// The prior SD (logits) of the posterior the band is read from. The score uses the population's
/// N(0, 1) prior, which pulls strong and weak candidates towards the middle; a band read from that
/// posterior misses the true scores of strong candidates far more often than those of middling ones.
/// The band is read from the same answers with this weak prior instead, so that it covers about as
/// often wherever the true score lies.
pub const BAND_PRIOR_SD: f64 = 2.0;

/// How much wider than the weak-prior posterior's own 95 % interval the shown band is: item
/// parameters that are estimates (discriminations and guessing floors that vary, not only
/// difficulties) make the model's interval too narrow, and `./x simulate` measures the coverage this
/// factor buys.
pub const BAND_STRETCH: f64 = 1.12;

impl Estimate {
    /// The estimate from summed log-likelihoods: score, SD and pass chance from the posterior with
    /// the standard normal prior; the 95 % band from the posterior with the weak prior
    /// (`BAND_PRIOR_SD`), stretched by `BAND_STRETCH` about its mean and always holding the score.
    pub fn from_log_likelihood(log_lik: &LogLikelihood, cut: f64) -> Estimate {
        let post = Posterior::from_log_likelihood(0.0, 1.0, log_lik);
        let band = Posterior::from_log_likelihood(0.0, BAND_PRIOR_SD, log_lik);
        let theta = post.mean();
        let centre = band.mean();
        let stretch = |q: f64| centre + BAND_STRETCH * (band.quantile(q) - centre);
        let low = scaled(stretch(0.025), cut).min(scaled(theta, cut));
        let high = scaled(stretch(0.975), cut).max(scaled(theta, cut));
        Estimate {
            theta,
            sd: post.sd(),
            scaled: scaled(theta, cut),
            low,
            high,
            p_pass: new_form_pass_chance(&post, cut),
        }
    }

    /// The reading for answers at or below the level of blind guessing: they show no knowledge, so
    /// the score is the scale's floor (the band keeps its top: the ability could still be higher).
    pub fn at_guessing_level(self) -> Estimate {
        Estimate {
            scaled: MIN_SCALED,
            low: MIN_SCALED,
            ..self
        }
    }
}

/// Test information of a typical full form at each grid point: `SCORED_ITEMS` times the bank's mean
/// item information there.
fn typical_form_information() -> &'static [f64; GRID_POINTS] {
    static INFO: OnceLock<[f64; GRID_POINTS]> = OnceLock::new();
    INFO.get_or_init(|| {
        let items: Vec<ItemParams> = bank::questions().iter().map(ItemParams::of).collect();
        let n = items.len().max(1) as f64;
        std::array::from_fn(|i| {
            let mean = items.iter().map(|p| p.information(grid(i))).sum::<f64>() / n;
            crate::blueprint::SCORED_ITEMS as f64 * mean.max(1e-6)
        })
    })
}

/// The chance that a new full form (50 scored questions), scored as the engine scores, passes: the
/// posterior predictive, averaged over the abilities the posterior allows. At ability θ the new
/// form's EAP is close to normal around θ·I/(I+1) with SD √I/(I+1), where I is the form's test
/// information at θ and the 1 is the standard normal prior's precision (it shrinks the estimate).
/// This includes the new form's own measurement error, which the posterior mass above the cut does
/// not, so it is the honest answer to "would I pass a fresh exam?".
pub fn new_form_pass_chance(post: &Posterior, cut: f64) -> f64 {
    let info = typical_form_information();
    // Where a form says little (far from every item's difficulty), the normal shortcut can dip as
    // ability rises; a more able candidate never has a lower chance, so the curve is kept rising.
    let mut rising = 0.0_f64;
    post.weights
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (theta, info) = (grid(i), info[i]);
            let mean = theta * info / (info + 1.0);
            let sd = info.sqrt() / (info + 1.0);
            rising = rising.max(normal_cdf((mean - cut) / sd));
            w * rising
        })
        .sum::<f64>()
        .clamp(0.0, 1.0)
}

/// Scores `(item, correct)` responses (see `Estimate::from_log_likelihood`).
pub fn estimate(responses: impl IntoIterator<Item = (ItemParams, bool)>, cut: f64) -> Estimate {
    let mut log_lik = LogLikelihood::default();
    for response in responses {
        log_lik.add(response);
    }
    Estimate::from_log_likelihood(&log_lik, cut)
}

/// Standard normal distribution function (Abramowitz–Stegun 7.1.26, error below 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.3275911 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests;
