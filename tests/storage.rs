//! Storage faults against the real localStorage of headless Chromium: corrupt and truncated records,
//! a record from a newer app, a full quota, and the reset that touches only our keys.
#![cfg(target_arch = "wasm32")]

use clf_prep::store::backend::{Backend, Local, WriteError};
use clf_prep::store::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};
use clf_prep::store::vault::{Notice, Vault};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh() -> Vault {
    LocalStorage::clear();
    Vault::new(Box::new(Local::open().expect("localStorage in Chromium").0))
}

fn raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).unwrap()
}

#[wasm_bindgen_test]
fn settings_survive_a_round_trip_through_local_storage() {
    let v = fresh();
    let s = Settings {
        accommodation: true,
        ..Settings::default()
    };
    v.save(SETTINGS_KEY, &s, SETTINGS_MIGRATIONS).unwrap();
    let again = Vault::new(Box::new(Local::open().unwrap().0));
    assert_eq!(
        again.load::<Settings>(SETTINGS_KEY, SETTINGS_MIGRATIONS, 0.0),
        Some(s)
    );
    assert!(raw(SETTINGS_KEY).unwrap().contains("\"schema\":1"));
}

#[wasm_bindgen_test]
fn truncated_and_wrongly_typed_records_are_set_aside() {
    for (i, bad) in [
        "{\"schema\":1,\"data\":{\"accommo",
        "{\"schema\":1,\"data\":{\"accommodation\":\"yes\"}}",
        "[]",
        "not json",
    ]
    .into_iter()
    .enumerate()
    {
        let v = fresh();
        LocalStorage::raw().set_item(SETTINGS_KEY, bad).unwrap();
        assert_eq!(
            v.load::<Settings>(SETTINGS_KEY, SETTINGS_MIGRATIONS, i as f64),
            None,
            "{bad}"
        );
        assert_eq!(raw(SETTINGS_KEY), None);
        let kept = format!("clf-prep/quarantine/settings/{i}");
        assert_eq!(
            raw(&kept).as_deref(),
            Some(bad),
            "the corrupt text is kept for export"
        );
        assert!(matches!(&v.take_notices()[..], [Notice::SetAside { .. }]));
        assert_eq!(v.quarantined().len(), 1);
    }
}

#[wasm_bindgen_test]
fn a_newer_record_is_left_untouched() {
    let v = fresh();
    let newer = "{\"schema\":99,\"data\":{\"accommodation\":true,\"hologram\":1}}";
    LocalStorage::raw().set_item(SETTINGS_KEY, newer).unwrap();
    assert_eq!(
        v.load::<Settings>(SETTINGS_KEY, SETTINGS_MIGRATIONS, 0.0),
        None
    );
    assert!(v
        .save(SETTINGS_KEY, &Settings::default(), SETTINGS_MIGRATIONS)
        .is_err());
    assert_eq!(raw(SETTINGS_KEY).as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such() {
    LocalStorage::clear();
    let (local, writable) = Local::open().unwrap();
    assert!(writable);
    // Fill the origin's quota (5 MB in Chromium) with 512 KB values until a write is refused.
    let chunk = "x".repeat(512 * 1024);
    let mut refused = None;
    for i in 0..64 {
        if let Err(e) = local.set(&format!("filler/{i}"), &chunk) {
            refused = Some(e);
            break;
        }
    }
    assert_eq!(refused, Some(WriteError::QuotaExceeded));
    LocalStorage::clear();
}

#[wasm_bindgen_test]
fn a_full_storage_is_still_read_and_said_to_be_full_not_off() {
    let v = fresh();
    let s = Settings {
        accommodation: true,
        ..Settings::default()
    };
    v.save(SETTINGS_KEY, &s, SETTINGS_MIGRATIONS).unwrap();
    // Fill every last character, so that even the probe's small write is refused.
    let storage = LocalStorage::raw();
    let mut n = 0;
    for size in [256 * 1024, 4096, 64, 1] {
        let value = "x".repeat(size);
        while storage.set_item(&format!("f{n}"), &value).is_ok() {
            n += 1;
        }
    }
    let opened = Vault::open();
    let notices = opened.take_notices();
    let read = opened.load::<Settings>(SETTINGS_KEY, SETTINGS_MIGRATIONS, 0.0);
    LocalStorage::clear();
    assert_eq!(read, Some(s), "what is stored is still read");
    assert!(
        opened.is_persistent(),
        "storage is in use, not replaced by memory"
    );
    assert_eq!(notices, vec![Notice::StorageFull]);
    assert!(notices[0].message().contains("full"));
}

#[wasm_bindgen_test]
fn reset_removes_only_the_apps_keys() {
    let v = fresh();
    v.save(SETTINGS_KEY, &Settings::default(), SETTINGS_MIGRATIONS)
        .unwrap();
    LocalStorage::raw()
        .set_item("another-app", "keep me")
        .unwrap();
    v.clear_everything_except(None);
    assert_eq!(raw(SETTINGS_KEY), None);
    assert_eq!(raw("another-app").as_deref(), Some("keep me"));
}
