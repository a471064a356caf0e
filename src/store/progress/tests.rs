//! The history: figures recomputed from answers, impossible attempts set aside, storage round trips,
//! pruning and merging.

use super::*;
use engine::bank;

fn summary(id: &str, started_ms: f64) -> Summary {
    Summary {
        id: AttemptId::parse(id).unwrap(),
        mode: Mode::Mock,
        started_ms,
        time_used_ms: 1.0,
        timed_out: false,
        full_timed: true,
        items: 65,
        scored_items: 50,
        correct_scored: 40,
        scaled: 780,
        low: 700,
        high: 850,
        p_pass: 0.9,
        theta: 1.0,
        theta_sd: 0.3,
        domains: vec![],
        seen_before: 0,
        outcomes: vec![],
    }
}

const NOW: f64 = 1_800_000_000_000.0;

/// A finished mock of the real bank, every answer blank.
fn blank_mock(id: &str, started_ms: f64) -> Attempt {
    let items = engine::forms::mock(bank::questions(), &|_| 0, 7).expect("a mock form");
    let mut a = Attempt::new(
        AttemptId::parse(id).unwrap(),
        Mode::Mock,
        items,
        started_ms,
        Some(90),
    );
    a.submit(started_ms + 60_000.0, false);
    a
}

fn progress_json(records: &[AttemptRecord]) -> Value {
    serde_json::to_value(Progress {
        attempts: records.to_vec(),
        ..Progress::default()
    })
    .unwrap()
}

#[test]
fn a_deleted_attempt_stays_deleted_through_merges() {
    let mut mine = Progress {
        attempts: vec![record("a", 1.0, true), record("b", 2.0, true)],
        ..Progress::default()
    };
    let other_tab = mine.clone();
    mine.delete(&AttemptId::parse("a").unwrap());
    mine.merge(other_tab.clone());
    assert_eq!(mine.attempts.len(), 1);
    let mut other_tab = other_tab;
    other_tab.merge(mine.clone());
    assert_eq!(
        other_tab.attempts.len(),
        1,
        "the other tab learns of the deletion too"
    );
    assert_eq!(other_tab.attempts[0].summary.id, "b");
}

#[test]
fn figures_are_recomputed_from_the_answers_not_believed() {
    let attempt = blank_mock("mock-1", NOW - 3_600_000.0);
    let honest = Summary::of(&attempt);
    let mut boasting = honest.clone();
    (boasting.scaled, boasting.p_pass, boasting.correct_scored) = (5000, 7.5, 50);
    let checked = check_progress(
        progress_json(&[AttemptRecord {
            summary: boasting,
            detail: Some(attempt),
        }]),
        NOW,
        Evidence::Required,
    )
    .unwrap();
    assert!(checked.rejected.is_empty());
    assert_eq!(checked.progress.attempts[0].summary, honest);
    assert!(honest.scaled < engine::blueprint::PASS_SCALED && honest.correct_scored == 0);
}

#[test]
fn a_pruned_attempt_is_recomputed_from_its_outcomes() {
    let attempt = blank_mock("mock-1", NOW - 3_600_000.0);
    let honest = Summary::of(&attempt);
    let mut p = Progress {
        attempts: vec![AttemptRecord {
            summary: honest.clone(),
            detail: Some(attempt),
        }],
        ..Progress::default()
    };
    assert!(p.prune_oldest_detail());
    p.attempts[0].summary.scaled = 990;
    let value = serde_json::to_value(&p).unwrap();
    let checked = check_progress(value, NOW, Evidence::Required).unwrap();
    let s = &checked.progress.attempts[0].summary;
    assert_eq!(
        (s.scaled, s.correct_scored, s.scored_items),
        (honest.scaled, 0, 50)
    );
    assert_eq!(s.outcomes.len(), 50, "the outcomes stay for the next check");
}

#[test]
fn impossible_or_unprovable_attempts_are_set_aside_and_the_rest_kept() {
    let good = blank_mock("mock-good", NOW - 7_200_000.0);
    let mut short = blank_mock("mock-short", NOW - 3_600_000.0);
    short.responses.truncate(10);
    let future = blank_mock("mock-future", NOW + 30.0 * 86_400_000.0);
    let bare = AttemptRecord {
        summary: Summary {
            scaled: 950,
            high: 990,
            ..summary("mock-bare", NOW - 1000.0)
        },
        detail: None,
    };
    let wild = AttemptRecord {
        summary: Summary {
            scaled: 5000,
            ..summary("mock-wild", NOW - 1000.0)
        },
        detail: None,
    };
    let records: Vec<AttemptRecord> = [good, short, future]
        .into_iter()
        .map(|a| AttemptRecord {
            summary: summary(a.id.as_str(), a.started_ms),
            detail: Some(a),
        })
        .chain([bare.clone(), wild.clone()])
        .collect();
    let strict = check_progress(progress_json(&records), NOW, Evidence::Required).unwrap();
    let kept: Vec<&str> = strict
        .progress
        .attempts
        .iter()
        .map(|a| a.summary.id.as_str())
        .collect();
    assert_eq!(kept, vec!["mock-good"]);
    let set_aside: Vec<&str> = strict.rejected.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        set_aside,
        vec!["mock-short", "mock-future", "mock-bare", "mock-wild"]
    );
    assert!(
        strict.rejected[0].reason.contains("answers for"),
        "{:?}",
        strict.rejected[0]
    );
    // This browser's own old pruned records are range-checked instead: plausible ones stay.
    let lenient =
        check_progress(progress_json(&[bare, wild]), NOW, Evidence::RangeChecked).unwrap();
    assert_eq!(lenient.progress.attempts.len(), 1);
    assert_eq!(lenient.rejected[0].id, "mock-wild");
}

fn record(id: &str, started_ms: f64, detail: bool) -> AttemptRecord {
    let attempt = Attempt::new(
        AttemptId::parse(id).unwrap(),
        Mode::Mock,
        vec![],
        started_ms,
        Some(90),
    );
    AttemptRecord {
        summary: summary(id, started_ms),
        detail: detail.then_some(attempt),
    }
}

#[test]
fn stored_fractions_and_times_read_back_bit_for_bit() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut p = Progress::default();
    for i in 0..2000 {
        // Abilities and SDs in logits, chances in [0, 1], some tiny, times in whole ms.
        let raw: f64 = match i % 4 {
            0 => rng.random_range(-8.0..8.0),
            1 => rng.random_range(0.0..1.0),
            2 => rng.random_range(0.0..1e-4),
            _ => rng.random_range(0.0..3.0),
        };
        let x = six_decimals(raw);
        let text = serde_json::to_string(&x).unwrap();
        let back: f64 = serde_json::from_str(&text).unwrap();
        assert_eq!(back.to_bits(), x.to_bits(), "{raw} -> {text}");
        let mut s = summary(
            &format!("a{i}"),
            rng.random_range(1.6e12..2.0e12_f64).floor(),
        );
        (s.p_pass, s.theta, s.theta_sd) = (x, -x, six_decimals(raw / 7.0));
        p.attempts.push(AttemptRecord {
            summary: s,
            detail: None,
        });
    }
    // The whole record, through the store's envelope (JSON value, migrations, text) and back.
    let text = super::super::envelope::encode(&p, PROGRESS_MIGRATIONS).unwrap();
    let back = super::super::envelope::decode::<Progress>(Some(&text), PROGRESS_MIGRATIONS);
    assert_eq!(back.data(), Some(p));
}

#[test]
fn pruning_drops_the_oldest_detail_and_keeps_every_summary() {
    let mut p = Progress {
        attempts: vec![record("a", 1.0, true), record("b", 2.0, true)],
        ..Progress::default()
    };
    assert!(p.prune_oldest_detail());
    assert!(p.attempts[0].detail.is_none() && p.attempts[1].detail.is_some());
    assert!(p.prune_oldest_detail());
    assert!(!p.prune_oldest_detail());
    assert_eq!(p.attempts.len(), 2);
}

#[test]
fn merging_adds_missing_attempts_once_in_time_order() {
    let id = "1.1-001".parse().unwrap();
    let mut mine = Progress {
        attempts: vec![record("b", 2.0, true)],
        ..Progress::default()
    };
    mine.seen.insert(
        id,
        Seen {
            shown: 2,
            correct: 1,
        },
    );
    let mut theirs = Progress {
        attempts: vec![record("a", 1.0, false), record("b", 2.0, false)],
        ..Progress::default()
    };
    theirs.seen.insert(
        id,
        Seen {
            shown: 3,
            correct: 0,
        },
    );
    mine.merge(theirs.clone());
    mine.merge(theirs);
    let ids: Vec<_> = mine
        .attempts
        .iter()
        .map(|a| a.summary.id.as_str())
        .collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert!(mine.attempts[1].detail.is_some(), "our own detail is kept");
    assert_eq!(
        mine.seen[&id],
        Seen {
            shown: 3,
            correct: 1
        }
    );
}

#[test]
fn ids_that_are_not_attempt_ids_are_set_aside_and_bad_tombstones_dropped() {
    let mut data = progress_json(&[record("mock-ok", NOW - 1000.0, false)]);
    let mut markup = data["attempts"][0].clone();
    markup["summary"]["id"] = Value::from("<img src=x>");
    data["attempts"].as_array_mut().unwrap().push(markup);
    data["deleted"] = serde_json::json!(["mock-gone", "<b>", 7]);
    let checked = check_progress(data, NOW, Evidence::RangeChecked).unwrap();
    let kept: Vec<&str> = checked
        .progress
        .attempts
        .iter()
        .map(|a| a.summary.id.as_str())
        .collect();
    assert_eq!(kept, vec!["mock-ok"]);
    assert_eq!(checked.rejected.len(), 1);
    assert_eq!(
        checked.rejected[0].id, "(unnamed)",
        "a bad id is never echoed"
    );
    assert!(
        checked.rejected[0]
            .reason
            .contains("not one this app makes"),
        "{:?}",
        checked.rejected[0]
    );
    assert_eq!(
        checked.progress.deleted,
        vec![AttemptId::parse("mock-gone").unwrap()]
    );
}

#[test]
fn the_flashcard_deck_is_sorted_pruned_and_checked_when_read() {
    use engine::schedule::{Card, Rating};
    let card = Card::new(Rating::Good, 20_000);
    let broken = Card {
        difficulty: 99.0,
        ..card
    };
    let mut data = progress_json(&[]);
    data["flashcards"] = serde_json::json!({ "cards": [
        ["situation:AWS Lambda", card],
        ["purpose:Amazon EC2", card],
        ["purpose:No Such Service", card],
        ["name:AWS Lambda", broken],
    ]});
    let checked = check_progress(data, NOW, Evidence::RangeChecked).unwrap();
    let keys: Vec<&str> = checked
        .progress
        .flashcards
        .cards
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    if engine::services::catalogue().is_empty() {
        return assert!(keys.is_empty());
    }
    assert_eq!(keys, ["purpose:Amazon EC2", "situation:AWS Lambda"]);
    assert_eq!(checked.rejected.len(), 1);
    assert_eq!(checked.rejected[0].id, "name:AWS Lambda");
    assert!(checked.rejected[0].reason.contains("difficulty"));
}
