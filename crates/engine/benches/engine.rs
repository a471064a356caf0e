//! Engine timings: scoring a full 65-question attempt and choosing the next diagnostic question.
//! Prints medians over many runs; never asserts a time (these machines are shared and noisy).

use std::hint::black_box;
use std::time::Instant;

use engine::adaptive::next_question;
use engine::attempt::{Attempt, Mode};
use engine::bank::questions;
use engine::forms;
use engine::report::report;

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
    let Ok(items) = forms::mock(questions(), &|_| 0, 42) else {
        println!("the bank cannot supply a full form yet; nothing to measure");
        return;
    };
    let mut attempt = Attempt::new("bench".into(), Mode::Mock, items, 0.0, Some(90));
    for i in 0..attempt.items.len() {
        attempt.toggle(i, (i % 4) as u8);
    }
    attempt.submit(1.0, false);
    let score_65 = median_us(2_000, || {
        black_box(report(black_box(&attempt)));
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
