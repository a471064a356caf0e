//! The robust scenarios (issue 18, "The simulation must be able to fail"): answers generated from a
//! truth that is not the engine's model (see `truth.rs`), scored by the engine exactly as the app
//! scores them (`report_for`, `adaptive::result`, `history::readiness`), and judged against that
//! truth. Every scenario simulates `CANDIDATES` candidates in chunks of `CHUNK`; each chunk has its
//! own seed and, for the misspecified scenarios, its own draw of the true bank, so the figures average
//! over banks as well as candidates and do not depend on how many threads ran them.
//!
//! - `EngineModel`: answers from the engine's own model; only the predictive pass chance is judged.
//! - `Misspecified`: full mocks; pass/fail accuracy against the Bayes-optimal classifier that knows
//!   the true parameters, 95 % band coverage, and the pass chance's calibration.
//! - `Diagnostic`: the adaptive 10 against a random 20-question form; band, kind mix and exposure.
//! - `Domains`: each domain's true ability is the overall one plus N(0, 0.5²); is the weakest domain
//!   the diagnostic names truly the lowest?
//! - `Memory`: learners whose true score is 650–699 who have already seen part of the bank (a share
//!   drawn uniformly from 0 to `MAX_SEEN_SHARE`) recall a seen question's key with probability 0.5;
//!   they take full mocks built by the app's form builder (least-seen first) until the readiness
//!   rule has five mocks that count, they are judged ready, or `MAX_MOCKS` mocks.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use engine::adaptive::{next_question, result};
use engine::bank::{Domain, Kind, Question, QuestionId};
use engine::blueprint::{PASS_SCALED, READY_RUNS};
use engine::forms;
use engine::history::{readiness, Evidence};
use engine::model::scaled;
use engine::report::report_for;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::truth::{normal, Bayes, Truth};

/// Candidates per scenario.
pub const CANDIDATES: usize = 20_000;
/// Candidates per chunk (one seed, one draw of the true bank).
const CHUNK: usize = 1_000;
/// Full mock forms built once with the app's form builder and reused (drawn at random per
/// candidate) wherever nothing has been seen yet.
const FORM_POOL: usize = 2_000;
/// Spread of each domain's true ability around the overall one in the `Domains` scenario.
const DOMAIN_SD: f64 = 0.5;
/// Memory scenario: chance of recalling a seen question's key, the largest share of the bank seen
/// before the first mock, and the most mocks a learner takes.
const RECALL: f64 = 0.5;
const MAX_SEEN_SHARE: f64 = 0.8;
const MAX_MOCKS: usize = 12;
/// The share of new scored questions a mock needs to count (the rule's, checked by the engine; used
/// here only to know when the rule has its five mocks).
const FRESH_SHARE: f64 = 0.8;
/// Length of the random form the diagnostic is compared with.
const FIXED_FORM: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scenario {
    EngineModel,
    Misspecified,
    Diagnostic,
    Domains,
    Memory,
}

const SCENARIOS: [Scenario; 5] = [
    Scenario::EngineModel,
    Scenario::Misspecified,
    Scenario::Diagnostic,
    Scenario::Domains,
    Scenario::Memory,
];

/// What the app's data gives every scenario, computed once.
struct Shared {
    bank: &'static [Question],
    cut: f64,
    index: HashMap<QuestionId, usize>,
    /// Scored bank indices of each pooled form.
    forms: Vec<Vec<usize>>,
    seed: u64,
}

impl Shared {
    fn at(&self, id: QuestionId) -> usize {
        self.index[&id]
    }
}

/// Pass chance shown against passing a new form, in tenths of shown probability.
#[derive(Clone, Copy, Default)]
struct Bin {
    n: usize,
    shown: f64,
    passed: usize,
}

#[derive(Clone, Default)]
struct MockTally {
    n: usize,
    engine_right: usize,
    bayes_right: usize,
    covered: usize,
    above_800: (usize, usize),
    below_600: (usize, usize),
    bins: [Bin; 10],
}

/// Counts from any number of chunks; merged by adding.
#[derive(Clone, Default)]
struct Tally {
    mock: [MockTally; 2],
    diag_n: usize,
    diag_covered: usize,
    diag_squared: f64,
    fixed_squared: f64,
    asked: usize,
    asked_multiple: usize,
    exposure: Vec<u32>,
    domain_n: usize,
    named: usize,
    named_right: usize,
    memory_n: usize,
    memory_ready: usize,
    /// The same histories judged with every mock counted (the rule before issue 18), for comparison.
    memory_ready_all_count: usize,
    memory_mocks: usize,
}

fn add_pair(a: &mut (usize, usize), b: (usize, usize)) {
    a.0 += b.0;
    a.1 += b.1;
}

impl Tally {
    fn merge(&mut self, o: &Tally) {
        for (m, om) in self.mock.iter_mut().zip(&o.mock) {
            m.n += om.n;
            m.engine_right += om.engine_right;
            m.bayes_right += om.bayes_right;
            m.covered += om.covered;
            add_pair(&mut m.above_800, om.above_800);
            add_pair(&mut m.below_600, om.below_600);
            for (b, ob) in m.bins.iter_mut().zip(&om.bins) {
                b.n += ob.n;
                b.shown += ob.shown;
                b.passed += ob.passed;
            }
        }
        self.diag_n += o.diag_n;
        self.diag_covered += o.diag_covered;
        self.diag_squared += o.diag_squared;
        self.fixed_squared += o.fixed_squared;
        self.asked += o.asked;
        self.asked_multiple += o.asked_multiple;
        if self.exposure.len() < o.exposure.len() {
            self.exposure.resize(o.exposure.len(), 0);
        }
        for (e, oe) in self.exposure.iter_mut().zip(&o.exposure) {
            *e += oe;
        }
        self.domain_n += o.domain_n;
        self.named += o.named;
        self.named_right += o.named_right;
        self.memory_n += o.memory_n;
        self.memory_ready += o.memory_ready;
        self.memory_ready_all_count += o.memory_ready_all_count;
        self.memory_mocks += o.memory_mocks;
    }
}

fn chunk_rng(shared: &Shared, scenario: Scenario, chunk: usize) -> StdRng {
    let s = SCENARIOS.iter().position(|&x| x == scenario).unwrap_or(0) as u64;
    StdRng::seed_from_u64(
        shared.seed ^ (s + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ ((chunk as u64) << 20),
    )
}

fn run_chunk(shared: &Shared, scenario: Scenario, chunk: usize) -> Tally {
    let mut rng = chunk_rng(shared, scenario, chunk);
    let truth = match scenario {
        Scenario::EngineModel => Truth::engine(shared.bank),
        _ => Truth::misspecified(shared.bank, &mut rng),
    };
    let mut tally = Tally::default();
    match scenario {
        Scenario::EngineModel => mocks(shared, &truth, &mut rng, &mut tally.mock[0]),
        Scenario::Misspecified => mocks(shared, &truth, &mut rng, &mut tally.mock[1]),
        Scenario::Diagnostic => diagnostics(shared, &truth, &mut rng, &mut tally),
        Scenario::Domains => domains(shared, &truth, &mut rng, &mut tally),
        Scenario::Memory => memory(shared, &truth, &mut rng, &mut tally),
    }
    tally
}

/// Answers as the engine sees them, and as the truth does (bank index, correct).
type Answers<'a> = (Vec<(&'a Question, bool)>, Vec<(usize, bool)>);

/// Answers to one form (bank indices).
fn sit<'a>(
    shared: &'a Shared,
    truth: &Truth,
    form: &[usize],
    theta: f64,
    rng: &mut StdRng,
) -> Answers<'a> {
    let answers: Vec<(usize, bool)> = form
        .iter()
        .map(|&k| (k, truth.answer(k, theta, rng)))
        .collect();
    let outcomes = answers.iter().map(|&(k, c)| (&shared.bank[k], c)).collect();
    (outcomes, answers)
}

fn mocks(shared: &Shared, truth: &Truth, rng: &mut StdRng, t: &mut MockTally) {
    let bayes = Bayes::new(truth);
    for _ in 0..CHUNK {
        let theta = normal(rng);
        let first = rng.random_range(0..shared.forms.len());
        // The new exam: another form, drawn independently of the first.
        let second = (first + rng.random_range(1..shared.forms.len())) % shared.forms.len();
        let (outcomes, answers) = sit(shared, truth, &shared.forms[first], theta, rng);
        let est = report_for(&outcomes, shared.cut).estimate;
        let passes = theta >= truth.cut;
        t.n += 1;
        t.engine_right += usize::from((est.scaled >= PASS_SCALED) == passes);
        t.bayes_right += usize::from((bayes.p_above(&answers, truth.cut) >= 0.5) == passes);
        let true_scaled = scaled(theta, truth.cut);
        let covered = usize::from(est.low <= true_scaled && true_scaled <= est.high);
        t.covered += covered;
        if true_scaled > 800 {
            add_pair(&mut t.above_800, (covered, 1));
        }
        if true_scaled < 600 {
            add_pair(&mut t.below_600, (covered, 1));
        }
        let (again, _) = sit(shared, truth, &shared.forms[second], theta, rng);
        let passed_new = report_for(&again, shared.cut).estimate.scaled >= PASS_SCALED;
        let bin = &mut t.bins[((est.p_pass * 10.0).floor() as usize).min(9)];
        bin.n += 1;
        bin.shown += est.p_pass;
        bin.passed += usize::from(passed_new);
    }
}

/// One adaptive diagnostic, answered at ability `theta_of(domain)`.
fn diagnostic(
    shared: &Shared,
    truth: &Truth,
    theta_of: &dyn Fn(Domain) -> f64,
    rng: &mut StdRng,
) -> Vec<(&'static Question, bool)> {
    let seed = rng.random::<u64>();
    let mut asked: Vec<(&'static Question, bool)> = Vec::new();
    while let Some(q) = next_question(shared.bank, &asked, seed) {
        let correct = truth.answer(shared.at(q.id), theta_of(q.domain()), rng);
        asked.push((q, correct));
    }
    asked
}

fn diagnostics(shared: &Shared, truth: &Truth, rng: &mut StdRng, t: &mut Tally) {
    t.exposure = vec![0; shared.bank.len()];
    for _ in 0..CHUNK {
        let theta = normal(rng);
        let true_scaled = scaled(theta, truth.cut);
        let asked = diagnostic(shared, truth, &|_| theta, rng);
        let est = result(&asked, shared.cut).report.estimate;
        t.diag_n += 1;
        t.diag_covered += usize::from(est.low <= true_scaled && true_scaled <= est.high);
        t.diag_squared += (f64::from(est.scaled) - f64::from(true_scaled)).powi(2);
        for (q, _) in &asked {
            t.asked += 1;
            t.asked_multiple += usize::from(matches!(q.kind, Kind::Multiple(_)));
            t.exposure[shared.at(q.id)] += 1;
        }
        let fixed: Vec<usize> =
            rand::seq::index::sample(rng, shared.bank.len(), FIXED_FORM).into_vec();
        let (outcomes, _) = sit(shared, truth, &fixed, theta, rng);
        let fixed_scaled = report_for(&outcomes, shared.cut).estimate.scaled;
        t.fixed_squared += (f64::from(fixed_scaled) - f64::from(true_scaled)).powi(2);
    }
}

fn domains(shared: &Shared, truth: &Truth, rng: &mut StdRng, t: &mut Tally) {
    for _ in 0..CHUNK {
        let theta = normal(rng);
        let by_domain: [f64; 4] = std::array::from_fn(|_| theta + DOMAIN_SD * normal(rng));
        let asked = diagnostic(shared, truth, &|d| by_domain[d as usize], rng);
        let lowest = (0..4)
            .min_by(|&a, &b| by_domain[a].total_cmp(&by_domain[b]))
            .map(|i| Domain::ALL[i]);
        t.domain_n += 1;
        if let Some(named) = result(&asked, shared.cut).weakest {
            t.named += 1;
            t.named_right += usize::from(Some(named) == lowest);
        }
    }
}

fn memory(shared: &Shared, truth: &Truth, rng: &mut StdRng, t: &mut Tally) {
    let bank = shared.bank;
    for _ in 0..CHUNK {
        // A learner whose true score is 650–699 (N(0, 1) restricted to that band).
        let theta = loop {
            let theta = normal(rng);
            if (650..=699).contains(&scaled(theta, truth.cut)) {
                break theta;
            }
        };
        let share = rng.random::<f64>() * MAX_SEEN_SHARE;
        let mut seen: Vec<u32> = (0..bank.len())
            .map(|_| u32::from(rng.random::<f64>() < share))
            .collect();
        let (mut history, mut all_count): (Vec<Evidence>, Vec<Evidence>) = (vec![], vec![]);
        let (mut counted, mut ready, mut ready_all_count) = (0, false, false);
        while history.len() < MAX_MOCKS && counted < READY_RUNS && !ready {
            let form = forms::mock(bank, &|id| seen[shared.at(id)], rng.random())
                .expect("the bank supplies a form");
            let mut outcomes: Vec<(&Question, bool)> = Vec::new();
            let (mut domains, mut new_scored) = ([(0, 0); 4], 0);
            for item in form.iter().filter(|i| i.scored) {
                let k = shared.at(item.id);
                let recalled = seen[k] > 0 && rng.random::<f64>() < RECALL;
                let correct = recalled || truth.answer(k, theta, rng);
                new_scored += usize::from(seen[k] == 0);
                let d = &mut domains[bank[k].domain() as usize];
                *d = (d.0 + usize::from(correct), d.1 + 1);
                outcomes.push((&bank[k], correct));
            }
            for item in &form {
                seen[shared.at(item.id)] += 1;
            }
            let est = report_for(&outcomes, shared.cut).estimate;
            let evidence = Evidence {
                full_timed: true,
                scaled: est.scaled,
                theta: est.theta,
                theta_sd: est.sd,
                domains,
                scored: outcomes.len(),
                new_scored,
            };
            counted += usize::from(new_scored as f64 >= FRESH_SHARE * outcomes.len() as f64);
            all_count.push(Evidence {
                new_scored: outcomes.len(),
                ..evidence.clone()
            });
            history.push(evidence);
            ready = readiness(&history, shared.cut).ready;
            ready_all_count |= readiness(&all_count, shared.cut).ready;
        }
        t.memory_n += 1;
        t.memory_ready += usize::from(ready);
        t.memory_ready_all_count += usize::from(ready_all_count);
        t.memory_mocks += history.len();
    }
}

/// (name, value, decimals, target in words, met: None when the figure is a reference or
/// undefined).
type Row = (&'static str, Option<f64>, usize, String, Option<bool>);

/// The figures of `robust`, plus context for the printed table.
pub struct Robust {
    pub accuracy_ratio_misspecified: f64,
    pub band95_coverage_misspecified: f64,
    pub band95_coverage_misspecified_above_800: f64,
    pub band95_coverage_misspecified_below_600: f64,
    pub diagnostic_band95_coverage_misspecified: f64,
    pub pass_chance_ece: f64,
    pub pass_chance_ece_misspecified: f64,
    pub diagnostic_rmse_misspecified: f64,
    pub fixed20_rmse_misspecified: f64,
    pub diagnostic_multiple_share: f64,
    pub bank_multiple_share: f64,
    pub diagnostic_max_exposure: f64,
    pub diagnostic_bank_used: f64,
    /// None when no diagnostic named a weakest domain (the share of none is undefined).
    pub weakest_named_correct: Option<f64>,
    pub false_ready_memory_650_699: f64,
    /// Context, printed only.
    notes: Vec<String>,
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn ece(bins: &[Bin; 10]) -> f64 {
    let n: usize = bins.iter().map(|b| b.n).sum();
    bins.iter()
        .filter(|b| b.n > 0)
        .map(|b| share(b.n, n) * (b.shown / b.n as f64 - share(b.passed, b.n)).abs())
        .sum()
}

fn calibration_line(name: &str, bins: &[Bin; 10]) -> String {
    let cells: Vec<String> = bins
        .iter()
        .enumerate()
        .filter(|(_, b)| b.n > 0)
        .map(|(i, b)| {
            format!(
                "{}-{}: {:.2}/{:.2} (n {})",
                i * 10,
                i * 10 + 10,
                b.shown / b.n as f64,
                share(b.passed, b.n),
                b.n
            )
        })
        .collect();
    format!(
        "{name}: per tenth of shown chance, mean shown / share passing a new form: {}",
        cells.join("; ")
    )
}

impl Robust {
    fn from_tally(t: &Tally, bank: &[Question]) -> Robust {
        let [model, miss] = &t.mock;
        let multiple = bank
            .iter()
            .filter(|q| matches!(q.kind, Kind::Multiple(_)))
            .count();
        let max_exposure = t.exposure.iter().copied().max().unwrap_or(0) as usize;
        let used = t.exposure.iter().filter(|&&e| e > 0).count();
        let notes = vec![
            format!(
                "misspecified mocks: engine accuracy {:.4}, Bayes-optimal (true parameters) {:.4}; n above 800 {}, below 600 {}",
                share(miss.engine_right, miss.n),
                share(miss.bayes_right, miss.n),
                miss.above_800.1,
                miss.below_600.1
            ),
            format!(
                "engine-model mocks: engine accuracy {:.4}, Bayes-optimal {:.4}, band95 coverage {:.4}",
                share(model.engine_right, model.n),
                share(model.bayes_right, model.n),
                share(model.covered, model.n)
            ),
            calibration_line("engine model", &model.bins),
            calibration_line("misspecified", &miss.bins),
            format!(
                "domains differ: a weakest domain named in {:.1} % of {} diagnostics",
                100.0 * share(t.named, t.domain_n),
                t.domain_n
            ),
            format!(
                "memory: {} learners, {:.1} mocks each on average; judged ready with every mock counted (no fresh-question rule): {:.4}",
                t.memory_n,
                share(t.memory_mocks, t.memory_n),
                share(t.memory_ready_all_count, t.memory_n)
            ),
        ];
        Robust {
            accuracy_ratio_misspecified: share(miss.engine_right, miss.n)
                / share(miss.bayes_right, miss.n).max(1e-9),
            band95_coverage_misspecified: share(miss.covered, miss.n),
            band95_coverage_misspecified_above_800: share(miss.above_800.0, miss.above_800.1),
            band95_coverage_misspecified_below_600: share(miss.below_600.0, miss.below_600.1),
            diagnostic_band95_coverage_misspecified: share(t.diag_covered, t.diag_n),
            pass_chance_ece: ece(&model.bins),
            pass_chance_ece_misspecified: ece(&miss.bins),
            diagnostic_rmse_misspecified: (t.diag_squared / t.diag_n.max(1) as f64).sqrt(),
            fixed20_rmse_misspecified: (t.fixed_squared / t.diag_n.max(1) as f64).sqrt(),
            diagnostic_multiple_share: share(t.asked_multiple, t.asked),
            bank_multiple_share: share(multiple, bank.len()),
            diagnostic_max_exposure: share(max_exposure, t.diag_n),
            diagnostic_bank_used: share(used, bank.len()),
            weakest_named_correct: (t.named > 0).then(|| share(t.named_right, t.named)),
            false_ready_memory_650_699: share(t.memory_ready, t.memory_n),
            notes,
        }
    }

    fn rows(&self) -> Vec<Row> {
        let band = |v: f64| Some((0.93..=0.97).contains(&v));
        vec![
            (
                "accuracy_ratio_misspecified",
                Some(self.accuracy_ratio_misspecified),
                5,
                ">= 0.99".into(),
                Some(self.accuracy_ratio_misspecified >= 0.99),
            ),
            (
                "band95_coverage_misspecified",
                Some(self.band95_coverage_misspecified),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified),
            ),
            (
                "band95_coverage_misspecified_above_800",
                Some(self.band95_coverage_misspecified_above_800),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified_above_800),
            ),
            (
                "band95_coverage_misspecified_below_600",
                Some(self.band95_coverage_misspecified_below_600),
                5,
                "0.93-0.97".into(),
                band(self.band95_coverage_misspecified_below_600),
            ),
            (
                "diagnostic_band95_coverage_misspecified",
                Some(self.diagnostic_band95_coverage_misspecified),
                5,
                "0.93-0.97".into(),
                band(self.diagnostic_band95_coverage_misspecified),
            ),
            (
                "pass_chance_ece",
                Some(self.pass_chance_ece),
                5,
                "<= 0.03".into(),
                Some(self.pass_chance_ece <= 0.03),
            ),
            (
                "pass_chance_ece_misspecified",
                Some(self.pass_chance_ece_misspecified),
                5,
                "<= 0.03".into(),
                Some(self.pass_chance_ece_misspecified <= 0.03),
            ),
            (
                "diagnostic_rmse_misspecified",
                Some(self.diagnostic_rmse_misspecified),
                3,
                format!("<= fixed20 ({:.1})", self.fixed20_rmse_misspecified),
                Some(self.diagnostic_rmse_misspecified <= self.fixed20_rmse_misspecified),
            ),
            (
                "fixed20_rmse_misspecified",
                Some(self.fixed20_rmse_misspecified),
                3,
                "reference".into(),
                None,
            ),
            (
                "diagnostic_multiple_share",
                Some(self.diagnostic_multiple_share),
                5,
                format!("bank's +/- 0.10 ({:.3})", self.bank_multiple_share),
                Some((self.diagnostic_multiple_share - self.bank_multiple_share).abs() <= 0.10),
            ),
            (
                "bank_multiple_share",
                Some(self.bank_multiple_share),
                5,
                "reference".into(),
                None,
            ),
            (
                "diagnostic_max_exposure",
                Some(self.diagnostic_max_exposure),
                5,
                "<= 0.25".into(),
                Some(self.diagnostic_max_exposure <= 0.25),
            ),
            (
                "diagnostic_bank_used",
                Some(self.diagnostic_bank_used),
                5,
                ">= 0.50".into(),
                Some(self.diagnostic_bank_used >= 0.50),
            ),
            (
                "weakest_named_correct",
                self.weakest_named_correct,
                5,
                match self.weakest_named_correct {
                    Some(_) => ">= 0.60".into(),
                    None => ">= 0.60 (never named)".into(),
                },
                self.weakest_named_correct.map(|v| v >= 0.60),
            ),
            (
                "false_ready_memory_650_699",
                Some(self.false_ready_memory_650_699),
                5,
                "<= 0.05".into(),
                Some(self.false_ready_memory_650_699 <= 0.05),
            ),
        ]
    }

    /// The table: each figure, its target and whether it is met; then the context.
    pub fn print(&self) {
        println!("robust scenarios (truth not the engine's model; {CANDIDATES} candidates each):");
        println!("{:<42} {:>10}  {:<26} met", "figure", "value", "target");
        for (name, value, decimals, target, met) in self.rows() {
            let met = match met {
                Some(true) => "yes",
                Some(false) => "NO",
                None => "-",
            };
            let value = value.map_or("n/a".into(), |v| format!("{v:.decimals$}"));
            println!("{name:<42} {value:>10}  {target:<26} {met}");
        }
        let missed = self.rows().iter().filter(|r| r.4 == Some(false)).count();
        println!("robust targets missed: {missed}");
        for note in &self.notes {
            println!("  {note}");
        }
    }

    /// `"robust":{...}` for the JSON line.
    pub fn json(&self) -> String {
        let fields: Vec<String> = self
            .rows()
            .into_iter()
            .map(|(name, value, decimals, _, _)| {
                let value = value.map_or("null".into(), |v| format!("{v:.decimals$}"));
                format!("\"{name}\":{value}")
            })
            .collect();
        format!("\"robust\":{{{}}}", fields.join(","))
    }
}

/// Runs every robust scenario on `threads` threads.
pub fn run(bank: &'static [Question], cut: f64, seed: u64, threads: usize) -> Robust {
    let forms = (0..FORM_POOL)
        .map(|i| {
            forms::mock(bank, &|_| 0, seed ^ 0x00f0_0000 ^ i as u64)
                .expect("the bank supplies a form")
        })
        .collect::<Vec<_>>();
    let index: HashMap<QuestionId, usize> =
        bank.iter().enumerate().map(|(k, q)| (q.id, k)).collect();
    let forms = forms
        .iter()
        .map(|f| {
            f.iter()
                .filter(|i| i.scored)
                .map(|i| index[&i.id])
                .collect()
        })
        .collect();
    let shared = Shared {
        bank,
        cut,
        index,
        forms,
        seed,
    };
    // The slowest scenarios first, so the threads finish together.
    let order = [
        Scenario::Memory,
        Scenario::Domains,
        Scenario::Diagnostic,
        Scenario::Misspecified,
        Scenario::EngineModel,
    ];
    let tasks: Vec<(Scenario, usize)> = order
        .iter()
        .flat_map(|&s| (0..CANDIDATES / CHUNK).map(move |c| (s, c)))
        .collect();
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<Tally>>> = Mutex::new(vec![None; tasks.len()]);
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(scenario, chunk)) = tasks.get(i) else {
                    break;
                };
                let tally = run_chunk(&shared, scenario, chunk);
                done.lock().expect("no worker panicked")[i] = Some(tally);
            });
        }
    });
    // Merged in task order, so the sums (and the figures) do not depend on which thread ran what.
    let mut total = Tally::default();
    for tally in done
        .into_inner()
        .expect("no worker panicked")
        .iter()
        .flatten()
    {
        total.merge(tally);
    }
    Robust::from_tally(&total, bank)
}
