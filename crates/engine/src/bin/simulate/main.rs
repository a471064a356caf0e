//! `./x simulate`: checks the scoring engine against simulated candidates whose true ability is known.
//! Abilities come from N(0, 1); answers are generated from an item response model; the engine scores
//! them with its own assumptions. Prints a table and, with `--json`, one JSON object on the last line.
//!
//! Scenarios: `mock` (answers generated from the engine's own model), `mock_misspecified` (true item
//! difficulties off the authored ones by N(0, 0.5²) logits and a higher guessing floor, which the
//! engine does not know), `diagnostic` (the adaptive 10 against random fixed 10- and 20-item forms),
//! and `readiness` (five full mocks per candidate, judged by the readiness rule). `robust` (see
//! `robust.rs`) adds the scenarios of issue 18 in which the truth is not the engine's model, with
//! figures that can fail; it runs on every core alongside the others.
// A native tool: the wasm size conventions (clippy.toml) do not apply.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod robust;
mod truth;

use std::time::Instant;

use engine::adaptive::next_question;
use engine::bank::{self, Question, QuestionId};
use engine::blueprint::PASS_SCALED;
use engine::forms;
use engine::history::{readiness, Evidence};
use engine::model::{cut_theta_for, scaled, ItemParams, Posterior};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use truth::normal;

const CANDIDATES: usize = 20_000;
const SEED: u64 = 20_261_125;
/// Misspecification: spread of true difficulties around the authored ones, and extra guessing.
const DIFFICULTY_NOISE_SD: f64 = 0.5;
const EXTRA_GUESSING: f64 = 0.05;

struct MockStats {
    accuracy: f64,
    bayes: f64,
    coverage: f64,
    rmse: f64,
}

/// Per-item truth for the generating model.
fn true_params(bank: &[Question], misspecified: bool, rng: &mut StdRng) -> Vec<ItemParams> {
    bank.iter()
        .map(|q| {
            let p = ItemParams::of(q);
            if misspecified {
                ItemParams {
                    b: p.b + DIFFICULTY_NOISE_SD * normal(rng),
                    c: (p.c + EXTRA_GUESSING).min(0.5),
                    ..p
                }
            } else {
                p
            }
        })
        .collect()
}

fn index_of(bank: &[Question], id: QuestionId) -> usize {
    bank.binary_search_by(|q| q.id.cmp(&id)).unwrap_or(0)
}

fn simulate_mock(
    bank: &'static [Question],
    cut: f64,
    misspecified: bool,
    rng: &mut StdRng,
) -> MockStats {
    let truth = true_params(bank, misspecified, rng);
    let true_cut = cut_theta_for(&truth);
    let (mut right, mut bayes_right, mut covered, mut squared) = (0usize, 0usize, 0usize, 0.0);
    for c in 0..CANDIDATES {
        let theta = normal(rng);
        let form = forms::mock(bank, &|_| 0, SEED ^ c as u64).expect("the bank supplies a form");
        let mut engine_view = Vec::new();
        let mut true_view = Vec::new();
        for item in form.iter().filter(|i| i.scored) {
            let k = index_of(bank, item.id);
            let correct = rng.random::<f64>() < truth[k].p_correct(theta);
            engine_view.push((ItemParams::of(&bank[k]), correct));
            true_view.push((truth[k], correct));
        }
        let est = engine::model::estimate(engine_view, cut);
        // The truth is judged against the pass standard of the generating model.
        let passes = theta >= true_cut;
        right += usize::from((est.scaled >= PASS_SCALED) == passes);
        let exact = Posterior::from_responses(0.0, 1.0, true_view);
        bayes_right += usize::from((exact.mass_above(true_cut) >= 0.5) == passes);
        let true_scaled = scaled(theta, true_cut);
        covered += usize::from(est.low <= true_scaled && true_scaled <= est.high);
        squared += (f64::from(est.scaled) - f64::from(true_scaled)).powi(2);
    }
    let n = CANDIDATES as f64;
    MockStats {
        accuracy: right as f64 / n,
        bayes: bayes_right as f64 / n,
        coverage: covered as f64 / n,
        rmse: (squared / n).sqrt(),
    }
}

fn simulate_diagnostic(bank: &'static [Question], cut: f64, rng: &mut StdRng) -> (f64, f64, f64) {
    let params: Vec<ItemParams> = bank.iter().map(ItemParams::of).collect();
    let (mut adaptive, mut fixed10, mut fixed20) = (0.0, 0.0, 0.0);
    let mut indices: Vec<usize> = (0..bank.len()).collect();
    for c in 0..CANDIDATES {
        let theta = normal(rng);
        let true_scaled = f64::from(scaled(theta, cut));
        let mut asked: Vec<(&Question, bool)> = Vec::new();
        while let Some(q) = next_question(bank, &asked, SEED ^ c as u64) {
            let correct = rng.random::<f64>() < ItemParams::of(q).p_correct(theta);
            asked.push((q, correct));
        }
        let est = engine::model::estimate(asked.iter().map(|(q, r)| (ItemParams::of(q), *r)), cut);
        adaptive += (f64::from(est.scaled) - true_scaled).powi(2);
        indices.shuffle(rng);
        for (len, total) in [(10, &mut fixed10), (20, &mut fixed20)] {
            let responses: Vec<(ItemParams, bool)> = indices[..len]
                .iter()
                .map(|&k| (params[k], rng.random::<f64>() < params[k].p_correct(theta)))
                .collect();
            let e = engine::model::estimate(responses, cut);
            *total += (f64::from(e.scaled) - true_scaled).powi(2);
        }
    }
    let n = CANDIDATES as f64;
    (
        (adaptive / n).sqrt(),
        (fixed10 / n).sqrt(),
        (fixed20 / n).sqrt(),
    )
}

fn simulate_readiness(bank: &'static [Question], cut: f64, rng: &mut StdRng) -> (f64, f64) {
    let (mut false_ready, mut not_ready_total, mut true_ready, mut ready_total) = (0, 0, 0, 0);
    for c in 0..CANDIDATES {
        let theta = normal(rng);
        let history: Vec<Evidence> = (0..5)
            .map(|run| {
                let form = forms::mock(bank, &|_| 0, SEED ^ (c * 8 + run) as u64).expect("a form");
                let mut domains = [(0, 0); 4];
                let responses: Vec<(ItemParams, bool)> = form
                    .iter()
                    .filter(|i| i.scored)
                    .map(|i| {
                        let q = bank::find(i.id)
                            .or_else(|| bank.iter().find(|q| q.id == i.id))
                            .expect("an item of the bank");
                        let p = ItemParams::of(q);
                        let correct = rng.random::<f64>() < p.p_correct(theta);
                        let d = &mut domains[q.domain() as usize];
                        *d = (d.0 + usize::from(correct), d.1 + 1);
                        (p, correct)
                    })
                    .collect();
                let scored = responses.len();
                let e = engine::model::estimate(responses, cut);
                Evidence {
                    full_timed: true,
                    scaled: e.scaled,
                    theta: e.theta,
                    theta_sd: e.sd,
                    domains,
                    // These candidates remember nothing: every question is new to them.
                    scored,
                    new_scored: scored,
                }
            })
            .collect();
        let ready = readiness(&history, cut).ready;
        if theta < cut {
            not_ready_total += 1;
            false_ready += usize::from(ready);
        } else {
            ready_total += 1;
            true_ready += usize::from(ready);
        }
    }
    (
        false_ready as f64 / not_ready_total.max(1) as f64,
        true_ready as f64 / ready_total.max(1) as f64,
    )
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let started = Instant::now();
    let (bank, source): (&'static [Question], &str) =
        if forms::mock(bank::questions(), &|_| 0, 1).is_ok() {
            (bank::questions(), "the real bank")
        } else {
            (
                bank::synthetic(30),
                "a SYNTHETIC bank (the real bank cannot supply a full form yet)",
            )
        };
    let cut = cut_theta_for(&bank.iter().map(ItemParams::of).collect::<Vec<_>>());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    // The original scenarios run in order on one thread (one generator, as before); the robust ones
    // run in chunks on every core meanwhile.
    let ((mock, miss, (adaptive, fixed10, fixed20), (false_ready, true_ready)), robust) =
        std::thread::scope(|scope| {
            let original = scope.spawn(move || {
                let mut rng = StdRng::seed_from_u64(SEED);
                let mock = simulate_mock(bank, cut, false, &mut rng);
                let miss = simulate_mock(bank, cut, true, &mut rng);
                let diagnostic = simulate_diagnostic(bank, cut, &mut rng);
                let readiness = simulate_readiness(bank, cut, &mut rng);
                (mock, miss, diagnostic, readiness)
            });
            let robust = robust::run(bank, cut, SEED, threads);
            (original.join().expect("the original scenarios ran"), robust)
        });

    println!(
        "Simulated {CANDIDATES} candidates per scenario on {source} ({} questions), seed {SEED}",
        bank.len()
    );
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10}",
        "scenario", "accuracy", "bayes-opt", "band95", "rmse"
    );
    for (name, s) in [("mock", &mock), ("mock_misspecified", &miss)] {
        println!(
            "{name:<22} {:>10.4} {:>10.4} {:>10.4} {:>10.1}",
            s.accuracy, s.bayes, s.coverage, s.rmse
        );
    }
    println!("diagnostic RMSE (scaled): adaptive 10 {adaptive:.1}, random 10 {fixed10:.1}, random 20 {fixed20:.1}");
    println!("readiness: false ready {false_ready:.4}, true ready {true_ready:.4}");
    println!(
        "targets: accuracy/bayes {:.4} and {:.4} (>= 0.99); band coverage {:.3} (0.93-0.97); adaptive <= random 20: {}; false ready <= 0.05: {}",
        mock.accuracy / mock.bayes,
        miss.accuracy / miss.bayes,
        mock.coverage,
        adaptive <= fixed20,
        false_ready <= 0.05
    );
    robust.print();
    println!("took {:.1} s", started.elapsed().as_secs_f64());
    if json {
        let m = |s: &MockStats| {
            format!(
                "{{\"candidates\":{CANDIDATES},\"classification_accuracy\":{:.5},\"bayes_optimal_accuracy\":{:.5},\"band95_coverage\":{:.5},\"rmse_scaled\":{:.3}}}",
                s.accuracy, s.bayes, s.coverage, s.rmse
            )
        };
        println!(
            "{{\"mock\":{},\"mock_misspecified\":{},\"diagnostic\":{{\"adaptive_rmse_scaled\":{adaptive:.3},\"fixed10_rmse_scaled\":{fixed10:.3},\"fixed20_rmse_scaled\":{fixed20:.3}}},\"readiness\":{{\"false_ready_rate\":{false_ready:.5},\"true_ready_rate\":{true_ready:.5}}},{}}}",
            m(&mock),
            m(&miss),
            robust.json()
        );
    }
}
