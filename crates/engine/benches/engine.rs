//! Engine timings: scoring a full 65-question attempt and choosing the next diagnostic question.
//! Prints medians over many runs; never asserts a time (these machines are shared and noisy).
// A native tool: the wasm size conventions (clippy.toml) do not apply.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::hint::black_box;
use std::time::Instant;

use engine::adaptive::next_question;
use engine::bank::questions;
use engine::forms;
use engine::report::report_for;

fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    // The real bank when it can supply a form; otherwise a blueprint-shaped synthetic one, said so.
    let bank = if forms::mock(questions(), &|_| 0, 1).is_ok() {
        questions()
    } else {
        println!("(the real bank cannot supply a full form yet: timing a synthetic bank)");
        engine::bank::synthetic(30)
    };
    let items = forms::mock(bank, &|_| 0, 42).expect("a form from a blueprint-shaped bank");
    let outcomes: Vec<_> = items
        .iter()
        .filter(|i| i.scored)
        .enumerate()
        .filter_map(|(n, i)| bank.iter().find(|q| q.id == i.id).map(|q| (q, n % 3 != 0)))
        .collect();
    let cut = engine::model::cut_theta();
    let score_65 = median_us(2_000, || {
        black_box(report_for(black_box(&outcomes), cut));
    });
    let asked: Vec<_> = questions()
        .iter()
        .step_by(37)
        .take(5)
        .map(|q| (q, true))
        .collect();
    let next_item = median_us(2_000, || {
        black_box(next_question(questions(), black_box(&asked), 7));
    });
    println!("{:<40} {:>10}", "engine (native, median)", "µs");
    println!("{:<40} {:>10.1}", "score a 65-question attempt", score_65);
    println!(
        "{:<40} {:>10.1}",
        "pick the next diagnostic question", next_item
    );
    println!("{{\"score_65_us\":{score_65:.2},\"next_item_us\":{next_item:.2}}}");
}
