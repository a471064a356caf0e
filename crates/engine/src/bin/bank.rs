//! `./x bank`: what the question bank holds — total, per domain against the exam weight, per task
//! statement, per kind, per difficulty, and where the correct option sits — and its quality report
//! (answer cues against their targets, twins, services, scenario stems). With `--json`, the same
//! as one JSON object on the last line.
// A native tool: the wasm size conventions (clippy.toml) do not apply.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use engine::bank::{questions, BankStats, Domain, Kind};

/// The quality report, computed by bankfmt when the build validated the bank (see `build.rs`); only
/// this binary includes it, so it costs the app nothing.
const QUALITY_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/quality.txt"));
const QUALITY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/quality.json"));

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let stats = BankStats::of(questions());
    println!("Question bank: {} questions", stats.total);
    println!(
        "\n{:<34} {:>6} {:>7} {:>7}",
        "domain", "count", "share", "weight"
    );
    for d in Domain::ALL {
        println!(
            "{:<34} {:>6} {:>6.1}% {:>6}%",
            format!("{}. {}", d.number(), d.name()),
            stats.by_domain[d as usize],
            stats.domain_share(d),
            d.weight_percent()
        );
    }
    println!("\n{:<8} {:<42} {:>6}", "task", "title", "count");
    for (t, n) in stats.by_task {
        println!("{:<8} {:<42} {:>6}", t.to_string(), t.title(), n);
    }
    let percent = |n: usize| {
        if stats.total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / stats.total as f64
        }
    };
    println!(
        "\nkind: {} single, {} multiple response ({:.1}%)",
        stats.total - stats.multiple,
        stats.multiple,
        percent(stats.multiple)
    );
    println!(
        "difficulty: {} easy, {} medium, {} hard",
        stats.by_difficulty[0], stats.by_difficulty[1], stats.by_difficulty[2]
    );
    let mut positions = [0usize; 6];
    for q in questions().iter().filter(|q| q.kind == Kind::Single) {
        for i in q.correct() {
            positions[i] += 1;
        }
    }
    println!(
        "correct option position (single answer): {:?}",
        &positions[..4]
    );
    println!("\n{QUALITY_TABLE}");
    if json {
        let by_domain: Vec<String> = Domain::ALL
            .iter()
            .map(|d| format!("\"{}\":{}", d.number(), stats.by_domain[*d as usize]))
            .collect();
        let by_task: Vec<String> = stats
            .by_task
            .iter()
            .map(|(t, n)| format!("\"{t}\":{n}"))
            .collect();
        println!(
            "{{\"total\":{},\"by_domain\":{{{}}},\"by_task\":{{{}}},\"multiple\":{},\"by_difficulty\":{{\"1\":{},\"2\":{},\"3\":{}}},{QUALITY_JSON}}}",
            stats.total,
            by_domain.join(","),
            by_task.join(","),
            stats.multiple,
            stats.by_difficulty[0],
            stats.by_difficulty[1],
            stats.by_difficulty[2]
        );
    }
}
