//! The review queue in storage: the upgrade from Leitner boxes, range checks, merging and round trips.

use super::*;
use crate::store::backend::Memory;
use crate::store::envelope::{decode, encode, Loaded};
use crate::store::vault::{Notice, Vault};
use engine::schedule::{Card, Rating};

const NOW: f64 = 1_800_000_000_000.0;
/// The day of `NOW`.
const TODAY: i64 = 20_833;

fn qid(s: &str) -> QuestionId {
    s.parse().unwrap()
}

/// A history exactly as the Leitner release wrote it: `IdMap`s are JSON objects keyed by question
/// id, each card its 0-based box and due day.
pub const LEITNER_RECORD: &str = r#"{"schema":1,"data":{"attempts":[],"seen":{"2.3-001":{"shown":3,"correct":1},"1.1-002":{"shown":1,"correct":0}},"review":{"cards":{"1.1-002":{"level":0,"due_day":20834},"2.3-001":{"level":2,"due_day":20000}}}}}"#;

/// The FSRS cards the upgrade makes of `LEITNER_RECORD`'s.
pub fn upgraded_cards() -> Vec<(QuestionId, Card)> {
    let difficulty = 6.4133; // FSRS-6's initial difficulty for a miss, w4
    vec![
        (
            qid("1.1-002"),
            Card {
                stability: 1.0,
                difficulty,
                due_day: 20_834,
                last_day: 20_833,
                reps: 1,
                lapses: 0,
            },
        ),
        (
            qid("2.3-001"),
            Card {
                stability: 4.0,
                difficulty,
                due_day: 20_000,
                last_day: 19_996,
                reps: 3,
                lapses: 0,
            },
        ),
    ]
}

#[test]
fn a_leitner_history_loads_as_fsrs_cards_due_the_same_days() {
    let v = Vault::new(Box::new(Memory::default()));
    v.save_raw(PROGRESS_KEY, LEITNER_RECORD).unwrap();
    let p = load(&v, NOW);
    let cards: Vec<(QuestionId, Card)> = p.review.cards.clone().into_iter().collect();
    assert_eq!(cards, upgraded_cards());
    assert_eq!(p.seen_count(qid("2.3-001")), 3, "the rest is kept");
    assert_eq!(p.review.due(TODAY), vec![qid("2.3-001")]);
    let stored = v.raw(PROGRESS_KEY).unwrap();
    assert!(
        stored.contains(r#""schema":2"#),
        "written back upgraded: {stored}"
    );
    assert_eq!(
        v.raw(&format!("{PROGRESS_KEY}.before-upgrade")).as_deref(),
        Some(LEITNER_RECORD),
        "the old text is kept"
    );
    let notices = v.take_notices();
    let set_aside = |n: &Notice| matches!(n, Notice::SetAside { .. });
    assert!(!notices.iter().any(set_aside), "{notices:?}");
}

#[test]
fn an_unreadable_leitner_card_makes_the_record_unreadable_not_lost() {
    for card in [
        r#"{"level":"two","due_day":20000}"#,
        r#"{"level":2}"#,
        r#"{"level":300,"due_day":20000}"#,
        r#"{"level":0,"due_day":-9223372036854775808}"#,
    ] {
        let raw = LEITNER_RECORD.replace(r#"{"level":2,"due_day":20000}"#, card);
        let loaded = decode::<Progress>(Some(&raw), PROGRESS_MIGRATIONS);
        assert!(
            matches!(loaded, Loaded::Corrupt { .. }),
            "{card}: {loaded:?}"
        );
    }
    // A box past the last (never written by the old app) counts as the last, 16 days.
    let raw = LEITNER_RECORD.replace(r#""level":2"#, r#""level":9"#);
    let p = decode::<Progress>(Some(&raw), PROGRESS_MIGRATIONS)
        .data()
        .unwrap();
    assert_eq!(p.review.cards[&qid("2.3-001")].stability, 16.0);
    // A history without a queue has nothing to upgrade.
    let bare = r#"{"schema":1,"data":{"attempts":[]}}"#;
    assert!(decode::<Progress>(Some(bare), PROGRESS_MIGRATIONS)
        .data()
        .is_some());
}

fn with_card(card: Card) -> Value {
    let mut p = Progress::default();
    p.review.cards.insert(qid("2.3-001"), card);
    p.review
        .cards
        .insert(qid("1.1-002"), Card::new(Rating::Again, TODAY));
    serde_json::to_value(p).unwrap()
}

#[test]
fn impossible_review_cards_are_set_aside_and_the_rest_kept() {
    let good = Card::new(Rating::Hard, TODAY - 3);
    let bad = [
        Card {
            stability: 0.0,
            ..good
        },
        Card {
            stability: -2.0,
            ..good
        },
        Card {
            difficulty: 0.9,
            ..good
        },
        Card {
            difficulty: 11.0,
            ..good
        },
        Card {
            due_day: good.last_day - 1,
            ..good
        },
        Card {
            last_day: TODAY + 5,
            due_day: TODAY + 6,
            ..good
        },
    ];
    for card in bad {
        for evidence in [Evidence::Required, Evidence::RangeChecked] {
            let checked = check_progress(with_card(card), NOW, evidence).unwrap();
            assert_eq!(checked.rejected.len(), 1, "{card:?}");
            let r = &checked.rejected[0];
            assert_eq!((r.part, r.id.as_str()), (Part::ReviewCard, "2.3-001"));
            let kept: Vec<_> = checked.progress.review.cards.keys().copied().collect();
            assert_eq!(kept, vec![qid("1.1-002")]);
        }
    }
    let checked = check_progress(with_card(good), NOW, Evidence::Required).unwrap();
    assert!(checked.rejected.is_empty());
    assert_eq!(checked.progress.review.cards.len(), 2);
}

#[test]
fn a_stored_card_is_set_aside_with_a_notice_and_a_copy() {
    let v = Vault::new(Box::new(Memory::default()));
    let bad = Card {
        difficulty: 12.0,
        ..Card::new(Rating::Again, TODAY)
    };
    let text = serde_json::json!({ "schema": 2, "data": with_card(bad) }).to_string();
    v.save_raw(PROGRESS_KEY, &text).unwrap();
    let p = load(&v, NOW);
    assert_eq!(p.review.cards.len(), 1);
    let kept = v.quarantined();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].0.contains("review/2.3-001"), "{kept:?}");
    let notices = format!("{:?}", v.take_notices());
    assert!(
        notices.contains("review card 2.3-001: its difficulty"),
        "{notices}"
    );
}

#[test]
fn merging_keeps_the_card_reviewed_last() {
    let id = qid("2.3-001");
    let mut older = Progress::default();
    older.review.record(id, Rating::Again, 100);
    let mut newer = older.clone();
    newer.review.record(id, Rating::Good, 101);
    let mut only_theirs = Progress::default();
    only_theirs.review.record(qid("1.1-002"), Rating::Hard, 50);

    let mut a = older.clone();
    a.merge(newer.clone());
    a.merge(only_theirs.clone());
    let mut b = newer.clone();
    b.merge(older.clone());
    b.merge(only_theirs);
    assert_eq!(a.review, b.review, "whichever side holds it");
    assert_eq!(a.review.cards[&id], newer.review.cards[&id]);
    assert_eq!(a.review.cards.len(), 2);
}

#[test]
fn a_saved_queue_loads_as_the_same_state_and_schedule() {
    let mut p = Progress::default();
    let ids = ["1.1-001", "2.3-001", "3.1-002", "4.2-001"].map(qid);
    for (day, rating) in [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy]
        .into_iter()
        .cycle()
        .take(40)
        .enumerate()
    {
        p.review
            .record(ids[day % 4], rating, 20_000 + day as i64 / 3);
    }
    assert!(!p.review.cards.is_empty());
    let text = encode(&p, PROGRESS_MIGRATIONS).unwrap();
    let back = decode::<Progress>(Some(&text), PROGRESS_MIGRATIONS)
        .data()
        .unwrap();
    assert_eq!(back, p);
    assert_eq!(encode(&back, PROGRESS_MIGRATIONS).unwrap(), text);
    assert_eq!(
        back.review.forecast(20_020, 60),
        p.review.forecast(20_020, 60)
    );
}
