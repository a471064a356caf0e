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

mod figures;
mod tally;

pub use figures::Robust;
use tally::{add_pair, MockTally, Tally};

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
    /// The reference scorer that knows the truth's spread of item parameters but not each item's
    /// (`Bayes::uncalibrated`), and its cut.
    uncalibrated: (Bayes, f64),
}

impl Shared {
    fn at(&self, id: QuestionId) -> usize {
        self.index[&id]
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
        let (uncalibrated, uncalibrated_cut) = &shared.uncalibrated;
        t.uncalibrated_right +=
            usize::from((uncalibrated.p_above(&answers, *uncalibrated_cut) >= 0.5) == passes);
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
        uncalibrated: Bayes::uncalibrated(bank),
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
