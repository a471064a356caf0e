//! Keeping progress safe without a server: persistent storage, rolling automatic backups with
//! restore, export to a file, and import that checks the whole file before changing anything.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::{ActiveState, Notices, ProgressState, SettingsState, Store};
use crate::store::backup::{self, BACKUPS_KEPT};
use crate::store::transfer::{self, Apply};

/// Takes the day's backup at start-up; a failure is told, not swallowed.
pub fn rolling_backup(store: Store, notices: Notices, now_ms: f64) {
    if let backup::Taken::Failed(e) = store.with(|v| backup::take(v, now_ms)) {
        store.with(|v| v.report_unsaved("the daily backup", &e));
        notices.collect(store);
    }
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
    let persisted = RwSignal::new(None::<bool>);
    let message = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<transfer::Validated>);
    leptos::task::spawn_local(async move {
        if let Ok(p) = storage_manager().persisted() {
            if let Ok(v) = JsFuture::from(p).await {
                persisted.set(v.as_bool());
            }
        }
    });
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
        <TransferButtons persisted message pending/>
        <p role="status" class="transfer-message">{move || message.get()}</p>
        <ImportChoice message pending/>
        <h3>"Automatic backups"</h3>
        <BackupList message/>
        <SetAsideNote/>
    }
}

fn storage_manager() -> web_sys::StorageManager {
    window().navigator().storage()
}

/// Ask for persistent storage, export, and pick a file to import (checked before anything changes).
#[component]
fn TransferButtons(
    persisted: RwSignal<Option<bool>>,
    /// What the last action did, for the status line.
    message: RwSignal<String>,
    /// A checked import file waiting for merge or replace.
    pending: RwSignal<Option<transfer::Validated>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let ask_persist = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(p) = storage_manager().persist() {
                if let Ok(v) = JsFuture::from(p).await {
                    persisted.set(v.as_bool());
                }
            }
        })
    };
    let export = move |_| {
        let (file, count) = store.with(|v| transfer::export(v, js_sys::Date::now()));
        let stamp = crate::format::date_of(js_sys::Date::now()).replace([' ', ':'], "-");
        download(&format!("clf-prep-progress-{stamp}.json"), &file);
        message.set(format!("Exported {count} record(s)."));
    };
    view! {
        <p class="exam-actions">
            <button type="button" on:click=ask_persist disabled=move || persisted.get() == Some(true)>"Ask the browser to keep my data"</button>
            <button type="button" on:click=export>"Export progress to a file"</button>
            <label class="button" for="import-file">"Import from a file…"</label>
            <input id="import-file" class="sr-only" type="file" accept="application/json,.json" on:change=move |ev| read_import(ev, message, pending)/>
        </p>
    }
}

/// Reads the chosen file and checks all of it; a valid one waits in `pending` for the learner's choice.
fn read_import(
    ev: leptos::ev::Event,
    message: RwSignal<String>,
    pending: RwSignal<Option<transfer::Validated>>,
) {
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
        match transfer::validate(&text, js_sys::Date::now()) {
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
}

/// Merge, replace or cancel a checked import; replacing is refused inside a frame.
#[component]
fn ImportChoice(
    message: RwSignal<String>,
    pending: RwSignal<Option<transfer::Validated>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    let progress = expect_context::<ProgressState>().0;
    let settings = expect_context::<SettingsState>().0;
    let active = expect_context::<ActiveState>();
    let apply = move |how: Apply| {
        let Some(records) = pending.get_untracked() else {
            return;
        };
        let applied = store.with(|v| transfer::apply(v, &records, how, js_sys::Date::now()));
        pending.set(None);
        match applied {
            Ok(applied) => {
                // The running app takes over exactly what storage now holds.
                progress.set(applied.progress);
                if let Some(s) = applied.settings {
                    settings.set(s);
                }
                if let Some(record) = applied.active {
                    active.attempt.set(Some(record.attempt));
                }
                message.set(import_said(how, &applied.not_saved));
            }
            Err(e) => message.set(e.to_string()),
        }
        notices.collect(store);
    };
    move || {
        pending.with(Option::is_some).then(|| view! {
        {crate::framing::is_framed().then_some(view! { <p class="warning-text">{crate::framing::FRAMED_NOTE}</p> })}
        <p class="exam-actions">
            <button type="button" class="primary" on:click=move |_| apply(Apply::Merge)>"Merge into my progress"</button>
            <button type="button" class="danger" disabled=crate::framing::is_framed() on:click=move |_| apply(Apply::Replace)>"Replace my progress"</button>
            <button type="button" on:click=move |_| { pending.set(None); message.set("Import cancelled; nothing was changed.".into()); }>"Cancel"</button>
        </p>
    })
    }
}

/// What an import did, and which records storage would not take.
fn import_said(how: Apply, not_saved: &[String]) -> String {
    let mut said = match how {
        Apply::Replace => "Imported: your progress was replaced by the file's.".to_string(),
        Apply::Merge => "Imported: the file's attempts were merged into yours.".to_string(),
    };
    if !not_saved.is_empty() {
        said.push_str(&format!(
            " These could not be saved: {}.",
            not_saved.join(", ")
        ));
    }
    said
}

/// The rolling backups, newest first, each restorable.
#[component]
fn BackupList(message: RwSignal<String>) -> impl IntoView {
    let store = expect_context::<Store>();
    let progress = expect_context::<ProgressState>().0;
    let mut keys = store.with(backup::keys);
    keys.reverse();
    let backups = RwSignal::new(keys);
    let restore =
        move |key: String| match store.with(|v| backup::restore(v, &key, js_sys::Date::now())) {
            Ok(p) => {
                progress.set(p);
                message.set("Restored the backup.".into());
            }
            Err(why) => message.set(format!(
                "The backup could not be restored: {why}. Nothing was changed."
            )),
        };
    move || {
        if backups.with(Vec::is_empty) {
            view! { <p>"None yet: one is taken each day you use the app, and the last " {BACKUPS_KEPT} " are kept."</p> }.into_any()
        } else {
            view! {
            <ul>
                {backups.get().into_iter().map(|key| {
                    let when = backup::time_ms(&key).map(crate::format::date_of).unwrap_or_default();
                    view! { <li>{when} " " <button type="button" on:click=move |_| restore(key.clone())>"Restore this backup"</button></li> }
                }).collect_view()}
            </ul>
        }.into_any()
        }
    }
}

/// Records storage could not read are kept aside, not deleted: say so, since export includes them.
#[component]
fn SetAsideNote() -> impl IntoView {
    let store = expect_context::<Store>();
    move || {
        let kept = store.with(|v| v.quarantined()).len();
        (kept > 0).then(|| view! { <p class="warning-text">{kept} " unreadable record(s) were set aside; they are included when you export."</p> })
    }
}
