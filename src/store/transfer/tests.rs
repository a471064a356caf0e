//! Export and import end to end on an in-memory vault: round trips, refusals with nothing changed,
//! and the set-aside records carried along.

use super::*;
use crate::store::backend::{Backend, Memory};
use crate::store::progress::{AttemptRecord, Summary};
use engine::attempt::{Attempt, Mode};

const NOW: f64 = 1_800_000_000_000.0;

fn vault() -> Vault {
    Vault::new(Box::new(Memory::default()))
}

fn mock(id: &str, started_ms: f64) -> AttemptRecord {
    let items = engine::forms::mock(engine::bank::questions(), &|_| 0, 3).unwrap();
    let mut a = Attempt::new(
        engine::attempt::AttemptId::parse(id).unwrap(),
        Mode::Mock,
        items,
        started_ms,
        Some(90),
    );
    a.submit(started_ms + 1000.0, false);
    AttemptRecord {
        summary: Summary::of(&a),
        detail: Some(a),
    }
}

fn with_progress(v: &Vault, records: Vec<AttemptRecord>) {
    let p = Progress {
        attempts: records,
        ..Progress::default()
    };
    v.save(PROGRESS_KEY, &p, PROGRESS_MIGRATIONS).unwrap();
}

fn exported(records: Vec<AttemptRecord>, settings: Settings) -> String {
    let v = vault();
    with_progress(&v, records);
    v.save(SETTINGS_KEY, &settings, SETTINGS_MIGRATIONS)
        .unwrap();
    export(&v, NOW).0
}

#[test]
fn export_then_import_round_trips_exactly() {
    let file = exported(
        vec![mock("mock-a", NOW - 1e6)],
        Settings {
            accommodation: true,
            ..Settings::default()
        },
    );
    let records = validate(&file, NOW).unwrap();
    assert_eq!(records.len(), 2);
    let v = vault();
    let applied = apply(&v, &records, Apply::Replace, NOW).unwrap();
    assert_eq!(applied.progress.attempts[0].summary.id, "mock-a");
    assert!(
        applied.settings.unwrap().accommodation,
        "Replace hands the settings to the app"
    );
    assert!(applied.not_saved.is_empty());
}

#[test]
fn an_export_is_no_larger_than_what_storage_holds_so_it_always_imports() {
    let v = vault();
    with_progress(
        &v,
        (0..3)
            .map(|i| mock(&format!("mock-{i}"), NOW - 1e6 + f64::from(i)))
            .collect(),
    );
    let stored = v.raw(PROGRESS_KEY).unwrap().len();
    let (file, _) = export(&v, NOW);
    assert!(file.len() <= stored + 200, "{} vs {stored}", file.len());
}

#[test]
fn an_export_taken_during_an_attempt_imports() {
    let v = vault();
    with_progress(&v, vec![]);
    let detail = mock("mock-b", NOW - 1e5).detail.unwrap();
    let mut running = detail.clone();
    running.submitted_ms = None;
    let record = ActiveRecord {
        owner: "tab".into(),
        heartbeat_ms: NOW,
        attempt: running,
    };
    v.save(ACTIVE_KEY, &record, ACTIVE_MIGRATIONS).unwrap();
    let (file, n) = export(&v, NOW);
    assert_eq!(n, 2);
    let records = validate(&file, NOW).unwrap();
    let applied = apply(&vault(), &records, Apply::Merge, NOW).unwrap();
    assert_eq!(applied.active.unwrap().attempt.id, "mock-b");
}

#[test]
fn impossible_scores_and_future_dates_in_a_file_are_refused() {
    let mut boasting = mock("mock-c", NOW - 1e6);
    boasting.detail = None;
    boasting.summary.scaled = 5000;
    let file = exported(vec![boasting], Settings::default());
    let err = validate(&file, NOW).unwrap_err();
    assert!(
        matches!(&err, ImportError::BadRecord { key, .. } if key == PROGRESS_KEY),
        "{err:?}"
    );
    let future = exported(
        vec![mock("mock-d", NOW + 40.0 * 86_400_000.0)],
        Settings::default(),
    );
    let err = validate(&future, NOW).unwrap_err().to_string();
    assert!(err.contains("future"), "{err}");
}

#[test]
fn malformed_truncated_foreign_and_newer_files_are_refused() {
    let file = exported(vec![], Settings::default());
    assert!(matches!(
        validate(&file[..file.len() / 2], NOW),
        Err(ImportError::NotJson(_))
    ));
    assert_eq!(validate("{\"hello\":1}", NOW), Err(ImportError::NotOurs));
    assert_eq!(
        validate(&file.replace("\"version\":1", "\"version\":7"), NOW),
        Err(ImportError::NewerVersion(7))
    );
    let empty = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"records\":{{}}}}");
    assert_eq!(validate(&empty, NOW), Err(ImportError::Empty));
    let big = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert!(matches!(
        validate(&big, NOW),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_record_of_the_wrong_shape_an_unknown_key_or_junk_is_refused() {
    let file = exported(vec![], Settings::default()).replace(
        "\"accommodation\":false",
        "\"accommodation\": \"<script>alert(1)</script>\"",
    );
    let err = validate(&file, NOW).unwrap_err();
    assert!(matches!(err, ImportError::BadRecord { .. }), "{err:?}");
    assert!(err.to_string().contains("Nothing was changed"));
    let file = exported(vec![], Settings::default()).replace(SETTINGS_KEY, "clf-prep/who-knows");
    assert_eq!(
        validate(&file, NOW),
        Err(ImportError::UnknownKey("clf-prep/who-knows".into()))
    );
    let mut junk = Map::new();
    for i in 0..=MAX_SET_ASIDE {
        junk.insert(format!("{QUARANTINE}x/{i}"), Value::String("?".into()));
    }
    let file = serde_json::json!({"format": FORMAT, "version": 1, "records": junk}).to_string();
    assert_eq!(
        validate(&file, NOW),
        Err(ImportError::TooManySetAside(MAX_SET_ASIDE + 1))
    );
}

#[test]
fn an_import_that_does_not_fit_changes_nothing_and_prunes_nothing() {
    let file = exported(
        (0..6)
            .map(|i| mock(&format!("mock-{i}"), NOW - 1e6 + f64::from(i)))
            .collect(),
        Settings::default(),
    );
    let records = validate(&file, NOW).unwrap();
    // Room for this browser's own one attempt, not for the file's six.
    let mine = vault();
    with_progress(&mine, vec![mock("mock-mine", NOW - 2e6)]);
    let before = mine.raw(PROGRESS_KEY).unwrap();
    let memory = Memory::with_quota(before.len() * 3);
    memory.set(PROGRESS_KEY, &before).unwrap();
    let v = Vault::new(Box::new(memory));
    let err = apply(&v, &records, Apply::Merge, NOW).unwrap_err();
    assert_eq!(err, ApplyError::NotSaved(WriteError::QuotaExceeded));
    assert!(err.to_string().contains("Nothing was changed"));
    assert_eq!(
        v.raw(PROGRESS_KEY),
        Some(before),
        "the learner's own attempt is intact"
    );
    assert_eq!(v.raw(SETTINGS_KEY), None, "nothing else was written either");
}

#[test]
fn set_aside_records_travel_unread_and_are_capped() {
    let v = vault();
    v.save_raw("clf-prep/quarantine/settings/5", "{broken")
        .unwrap();
    let (file, _) = export(&v, NOW);
    let records = validate(&file, NOW).unwrap();
    assert_eq!(
        records,
        vec![(
            "clf-prep/quarantine/settings/5".to_string(),
            "{broken".to_string()
        )]
    );
    let target = vault();
    for i in 0..MAX_SET_ASIDE {
        target
            .save_raw(&format!("{QUARANTINE}old/{i}"), "x")
            .unwrap();
    }
    apply(&target, &records, Apply::Merge, NOW).unwrap();
    assert_eq!(
        target.quarantined().len(),
        MAX_SET_ASIDE,
        "no room, none added"
    );
}

#[test]
fn an_export_from_the_leitner_release_imports_upgraded() {
    use crate::store::progress::review_tests::{upgraded_cards, LEITNER_RECORD};
    let file = format!(
        r#"{{"format":"{FORMAT}","version":1,"exported_at_ms":{NOW},"records":{{"{PROGRESS_KEY}":{LEITNER_RECORD}}}}}"#
    );
    let records = validate(&file, NOW).unwrap();
    assert!(records[0].1.contains(r#""schema":2"#));
    for how in [Apply::Replace, Apply::Merge] {
        let applied = apply(&vault(), &records, how, NOW).unwrap();
        let cards: Vec<_> = applied.progress.review.cards.into_iter().collect();
        assert_eq!(cards, upgraded_cards());
    }
}
