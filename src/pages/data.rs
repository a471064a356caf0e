//! Keeping progress safe without a server: persistent storage, rolling automatic backups with
//! restore, export to a file, and import that checks the whole file before changing anything.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::{Notices, ProgressState, Store};
use crate::store::progress::{Progress, PROGRESS_KEY, PROGRESS_MIGRATIONS};
use crate::store::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};
use crate::store::transfer::{self, check_as, RecordKind};
use crate::store::vault::Vault;

pub const BACKUP_PREFIX: &str = "clf-prep/backup/";
/// Automatic backups kept, newest first; one is taken at most once a day.
pub const BACKUPS_KEPT: usize = 3;
const DAY_MS: f64 = 86_400_000.0;

/// The records an import may carry, each checked against its own type.
pub fn record_kinds() -> Vec<RecordKind> {
    vec![
        RecordKind {
            key: PROGRESS_KEY,
            check: |raw| check_as::<Progress>(raw, PROGRESS_MIGRATIONS),
        },
        RecordKind {
            key: SETTINGS_KEY,
            check: |raw| check_as::<Settings>(raw, SETTINGS_MIGRATIONS),
        },
    ]
}

/// Takes a backup of the progress record when the newest is more than a day old, keeping a few.
pub fn rolling_backup(store: Store, now_ms: f64) {
    store.with(|v| take_backup(v, now_ms));
}

fn take_backup(v: &Vault, now_ms: f64) {
    let Some(current) = v.raw(PROGRESS_KEY) else {
        return;
    };
    let mut backups = backup_keys(v);
    let newest = backups.last().and_then(|k| backup_time_ms(k));
    if newest.is_some_and(|t| now_ms - t < DAY_MS) {
        return;
    }
    // Zero-padded, the format backups have always had (they are ordered by the number, not the text).
    let key = format!("{BACKUP_PREFIX}{:015}", now_ms as u64);
    if v.save_raw(&key, &current).is_ok() {
        backups.push(key);
        while backups.len() > BACKUPS_KEPT {
            v.remove(&backups.remove(0));
        }
    }
}

/// The backups' keys, oldest first (through the app's one shared sort, rather than a string sort
/// of its own).
fn backup_keys(v: &Vault) -> Vec<String> {
    let mut keys: Vec<String> = v
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    engine::order::sort_by_key_f64(&mut keys, |k| backup_time_ms(k).unwrap_or(0.0));
    keys
}

/// When a backup was taken, read from its key (whole milliseconds: parsing them as an integer keeps
/// Rust's float parser out of the build).
fn backup_time_ms(key: &str) -> Option<f64> {
    key.strip_prefix(BACKUP_PREFIX)?
        .parse::<u64>()
        .ok()
        .map(|ms| ms as f64)
}

fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[component]
pub fn DataSafety() -> impl IntoView {
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    let progress = expect_context::<ProgressState>().0;
    let persisted = RwSignal::new(None::<bool>);
    let message = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<transfer::Validated>);
    let backups = RwSignal::new(Vec::<String>::new());
    let refresh_backups = move || {
        let mut keys = store.with(backup_keys);
        keys.reverse();
        backups.set(keys);
    };
    refresh_backups();

    let manager = || window().navigator().storage();
    leptos::task::spawn_local(async move {
        if let Ok(p) = manager().persisted() {
            if let Ok(v) = JsFuture::from(p).await {
                persisted.set(v.as_bool());
            }
        }
    });
    let ask_persist = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(p) = manager().persist() {
                if let Ok(v) = JsFuture::from(p).await {
                    persisted.set(v.as_bool());
                }
            }
        })
    };

    let export = move |_| {
        let records: Vec<(String, String)> = store.with(|v| {
            v.keys()
                .into_iter()
                .filter(|k| !k.starts_with(BACKUP_PREFIX))
                .filter_map(|k| v.raw(&k).map(|r| (k, r)))
                .collect()
        });
        let stamp = crate::pages::results::date_of(js_sys::Date::now()).replace([' ', ':'], "-");
        download(
            &format!("clf-prep-progress-{stamp}.json"),
            &transfer::export(&records, js_sys::Date::now()),
        );
        message.set(format!("Exported {} record(s).", records.len()));
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > transfer::MAX_IMPORT_BYTES as f64 {
            message.set(
                transfer::ImportError::TooLarge {
                    bytes: file.size() as usize,
                }
                .to_string(),
            );
            return;
        }
        leptos::task::spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match transfer::validate(&text, &record_kinds()) {
                Ok(records) => {
                    message.set(format!("The file is valid ({} record(s)). Merge it into your progress, or replace everything?", records.len()));
                    pending.set(Some(records));
                }
                Err(e) => {
                    pending.set(None);
                    message.set(e.to_string());
                }
            }
        });
    };

    let apply = move |replace: bool| {
        let Some(records) = pending.get_untracked() else {
            return;
        };
        let mut current = progress.get_untracked();
        if replace {
            current = Progress::default();
        }
        for (key, raw) in &records {
            if key == PROGRESS_KEY {
                if let Some(imported) =
                    crate::store::envelope::decode::<Progress>(Some(raw), PROGRESS_MIGRATIONS)
                        .data()
                {
                    current.merge(imported);
                }
            } else if replace || !key.starts_with(SETTINGS_KEY) {
                store.with(|v| {
                    let _ = v.save_raw(key, raw);
                });
            }
        }
        progress.set(current);
        pending.set(None);
        notices.collect(store);
        message.set(if replace {
            "Imported: your progress was replaced by the file's.".into()
        } else {
            "Imported: the file's attempts were merged into yours.".into()
        });
    };

    let restore = move |key: String| {
        let raw = store.with(|v| v.raw(&key));
        if let Some(p) = raw.and_then(|r| {
            crate::store::envelope::decode::<Progress>(Some(&r), PROGRESS_MIGRATIONS).data()
        }) {
            progress.set(p);
            message.set("Restored the backup.".into());
        }
    };

    view! {
        <h2 id="data">"Keep your progress safe"</h2>
        <p>
            "Everything lives only in this browser. "
            {move || match persisted.get() {
                Some(true) => "The browser has agreed to keep it (persistent storage is on).",
                Some(false) => "The browser may clear it when space runs low: ask it to keep it, and export a copy now and then.",
                None => "",
            }}
        </p>
        <p class="exam-actions">
            <button type="button" on:click=ask_persist disabled=move || persisted.get() == Some(true)>"Ask the browser to keep my data"</button>
            <button type="button" on:click=export>"Export progress to a file"</button>
            <label class="button" for="import-file">"Import from a file…"</label>
            <input id="import-file" class="sr-only" type="file" accept="application/json,.json" on:change=on_file/>
        </p>
        <p role="status" class="transfer-message">{move || message.get()}</p>
        {move || pending.with(Option::is_some).then(|| view! {
            <p class="exam-actions">
                <button type="button" class="primary" on:click=move |_| apply(false)>"Merge into my progress"</button>
                <button type="button" class="danger" on:click=move |_| apply(true)>"Replace my progress"</button>
                <button type="button" on:click=move |_| { pending.set(None); message.set("Import cancelled; nothing was changed.".into()); }>"Cancel"</button>
            </p>
        })}
        <h3>"Automatic backups"</h3>
        {move || if backups.with(Vec::is_empty) {
            view! { <p>"None yet: one is taken each day you use the app, and the last " {BACKUPS_KEPT} " are kept."</p> }.into_any()
        } else {
            view! {
                <ul>
                    {backups.get().into_iter().map(|key| {
                        let when = backup_time_ms(&key).map(crate::pages::results::date_of).unwrap_or_default();
                        view! { <li>{when} " " <button type="button" on:click=move |_| restore(key.clone())>"Restore this backup"</button></li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {move || {
            let kept = store.with(|v| v.quarantined()).len();
            (kept > 0).then(|| view! { <p class="warning-text">{kept} " unreadable record(s) were set aside; they are included when you export."</p> })
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::Memory;

    #[test]
    fn a_backup_a_day_is_taken_and_the_newest_few_are_kept() {
        let v = Vault::new(Box::new(Memory::default()));
        take_backup(&v, 1.0);
        assert!(v.keys().is_empty(), "no progress yet, nothing to back up");
        v.save_raw(PROGRESS_KEY, "{\"schema\":1}").unwrap();
        let start = 1_700_000_000_123.0;
        for day in 0..5 {
            let t = start + f64::from(day) * DAY_MS;
            take_backup(&v, t);
            take_backup(&v, t + 1000.0); // the same day: no second backup
        }
        let mut kept: Vec<f64> = v.keys().iter().filter_map(|k| backup_time_ms(k)).collect();
        kept.sort_by(f64::total_cmp);
        let newest: Vec<f64> = (2..5).map(|d| start + f64::from(d) * DAY_MS).collect();
        assert_eq!(kept, newest);
        assert_eq!(backup_time_ms("clf-prep/backup/12x"), None);
        assert_eq!(backup_time_ms("clf-prep/progress"), None);
    }
}
