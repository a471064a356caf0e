//! App-wide state shared through context, each value in its own small wrapper: the current route,
//! the storage vault, the settings, and the notices about saved data. Effects here only talk to the
//! outside world (storage and the document's theme).

use leptos::prelude::*;

use crate::route::Route;
use crate::store::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};
use crate::store::vault::{Notice, Vault};

/// The current route, shared through context so any widget can highlight or link relative to it.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

impl CurrentRoute {
    pub fn get(&self) -> Route {
        self.0.get()
    }
}

/// The storage vault (not `Send`, so it lives in the local arena).
#[derive(Clone, Copy)]
pub struct Store(StoredValue<Vault, LocalStorage>);

impl Store {
    pub fn with<R>(&self, f: impl FnOnce(&Vault) -> R) -> R {
        self.0.with_value(f)
    }
}

#[derive(Clone, Copy)]
pub struct SettingsState(pub RwSignal<Settings>);

/// Messages about saved data waiting to be shown.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    /// Moves the vault's new notices into the banner.
    pub fn collect(&self, store: Store) {
        let fresh = store.with(Vault::take_notices);
        if !fresh.is_empty() {
            self.0.update(|n| n.extend(fresh));
        }
    }
}

/// Opens storage, reads the settings and provides everything to the tree below.
pub fn provide_app_state(vault: Vault) {
    let store = Store(StoredValue::new_local(vault));
    let settings = store
        .with(|v| v.load::<Settings>(SETTINGS_KEY, SETTINGS_MIGRATIONS, js_sys::Date::now()))
        .unwrap_or_default();
    let settings = RwSignal::new(settings);
    let notices = Notices(RwSignal::new(Vec::new()));
    notices.collect(store);
    provide_context(store);
    provide_context(SettingsState(settings));
    provide_context(notices);

    Effect::new(move |first: Option<()>| {
        let s = settings.get();
        if let Some(root) = document().document_element() {
            let _ = match s.theme.attribute() {
                Some(theme) => root.set_attribute("data-theme", theme),
                None => root.remove_attribute("data-theme"),
            };
        }
        // The first run only applies what was loaded; later runs save the learner's change.
        if first.is_some() {
            if let Err(e) = store.with(|v| v.save(SETTINGS_KEY, &s, SETTINGS_MIGRATIONS)) {
                store.with(|v| v.report_unsaved(SETTINGS_KEY, &e));
                notices.collect(store);
            }
        }
    });
}

/// The banner listing notices about saved data, each dismissible.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let notices = expect_context::<Notices>().0;
    view! {
        {move || notices.with(|n| !n.is_empty()).then(|| view! {
            <div class="notice-banner" role="alert">
                <ul>
                    {move || notices.get().into_iter().enumerate().map(|(i, n)| view! {
                        <li>
                            {n.message()}
                            " "
                            <button type="button" on:click=move |_| notices.update(|all| { if i < all.len() { all.remove(i); } })>
                                "Dismiss"
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

/// This tab's id: kept in sessionStorage, so a reload is still the same tab and resumes its attempt,
/// while a second tab gets its own.
pub fn tab_id() -> String {
    use gloo_storage::{SessionStorage, Storage};
    const KEY: &str = "clf-prep/tab";
    if let Ok(id) = SessionStorage::get::<String>(KEY) {
        return id;
    }
    let mut bytes = [0u8; 8];
    let _ = getrandom::fill(&mut bytes);
    let id = bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let _ = SessionStorage::set(KEY, &id);
    id
}

/// The attempt in progress and whether this tab may change it.
#[derive(Clone, Copy)]
pub struct ActiveState {
    pub attempt: RwSignal<Option<engine::attempt::Attempt>>,
    /// False while another tab runs the attempt: this tab shows it read-only.
    pub owned: RwSignal<bool>,
    tab: StoredValue<String>,
}

impl ActiveState {
    fn save(&self, store: Store, notices: Notices) {
        use crate::store::active::{ActiveRecord, ACTIVE_KEY, ACTIVE_MIGRATIONS};
        if !self.owned.get_untracked() {
            return;
        }
        let result = match self.attempt.get_untracked() {
            Some(attempt) if !attempt.is_submitted() => {
                let record = ActiveRecord {
                    owner: self.tab.get_value(),
                    heartbeat_ms: js_sys::Date::now(),
                    attempt,
                };
                store.with(|v| v.save(ACTIVE_KEY, &record, ACTIVE_MIGRATIONS))
            }
            _ => {
                store.with(|v| v.remove(ACTIVE_KEY));
                Ok(())
            }
        };
        if let Err(e) = result {
            store.with(|v| v.report_unsaved(ACTIVE_KEY, &e));
            notices.collect(store);
        }
    }

    /// Claims the stored attempt for this tab (the learner chose to continue here).
    pub fn take_over(&self, store: Store, notices: Notices) {
        self.owned.set(true);
        self.save(store, notices);
    }

    /// What a page picks its screen by: the kind of attempt under way, and whether this tab owns
    /// it. A memo, so that a choice, a flag or a strike (which change the attempt, not this) leaves
    /// the screen and its runner in place, with focus, announcements and timers intact.
    pub fn running(&self) -> Memo<(Option<engine::attempt::Mode>, bool)> {
        let (attempt, owned) = (self.attempt, self.owned);
        Memo::new(move |_| (attempt.with(|a| a.as_ref().map(|a| a.mode)), owned.get()))
    }
}

/// Loads the attempt in progress, decides who owns it, saves every change and keeps the heartbeat,
/// and follows other tabs through the storage event.
pub fn provide_active_state() {
    use crate::store::active::{Ownership, ACTIVE_KEY, HEARTBEAT_MS};
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    let tab = tab_id();
    let now = js_sys::Date::now();
    let record = store.with(|v| crate::store::active::load(v, now));
    notices.collect(store);
    let owned = record
        .as_ref()
        .is_none_or(|r| r.ownership(&tab, now) != Ownership::OtherTab);
    let state = ActiveState {
        attempt: RwSignal::new(record.map(|r| r.attempt)),
        owned: RwSignal::new(owned),
        tab: StoredValue::new(tab.clone()),
    };
    provide_context(state);

    // Every change is saved at once (the first run only claims an orphaned attempt).
    Effect::new(move |_| {
        state.attempt.track();
        state.save(store, notices);
    });
    let tab_for_events = tab.clone();
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if state.owned.get_untracked()
                && state
                    .attempt
                    .with_untracked(|a| a.as_ref().is_some_and(|a| !a.is_submitted()))
            {
                state.save(store, notices);
            } else if !state.owned.get_untracked() {
                // The owner may have gone quiet (closed without finishing): offer to resume here.
                let record = store.with(|v| crate::store::active::load(v, js_sys::Date::now()));
                match record {
                    Some(r) if r.ownership(&tab, js_sys::Date::now()) == Ownership::Orphaned => {
                        state.owned.set(true)
                    }
                    None => {
                        state.attempt.set(None);
                        state.owned.set(true);
                    }
                    _ => {}
                }
            }
        },
        std::time::Duration::from_millis(HEARTBEAT_MS as u64),
    ) {
        on_cleanup(move || handle.clear());
    }
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(ACTIVE_KEY) {
            return;
        }
        let record = store.with(|v| crate::store::active::load(v, js_sys::Date::now()));
        match record {
            Some(r) if r.owner != tab_for_events => {
                // Another tab runs (or took over) the attempt: follow it read-only.
                state.owned.set(false);
                state.attempt.set(Some(r.attempt));
            }
            Some(_) => {}
            None => {
                if !state.owned.get_untracked() {
                    state.attempt.set(None);
                    state.owned.set(true);
                }
            }
        }
    });
    on_cleanup(move || listener.remove());
}

/// The learner's history, saved whenever it changes, and kept in step with other tabs.
#[derive(Clone, Copy)]
pub struct ProgressState(pub RwSignal<crate::store::progress::Progress>);

pub fn provide_progress_state() {
    use crate::store::progress::{self, Progress, PROGRESS_KEY};
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    let loaded = store.with(|v| progress::load(v, js_sys::Date::now()));
    notices.collect(store);
    let progress = RwSignal::new(loaded);
    // The stored text as this tab last read or wrote it: while storage still holds exactly that, no
    // other tab has saved since, and a save need not read, check and merge the whole history again.
    let synced = StoredValue::new(store.with(|v| v.raw(PROGRESS_KEY)));
    provide_context(ProgressState(progress));
    Effect::new(move |first: Option<()>| {
        progress.track();
        if first.is_some() {
            save_progress(store, notices, progress, synced);
        }
    });
    // Another tab saved its history: take in what it added (or its reset).
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(PROGRESS_KEY) {
            return;
        }
        if ev.new_value().is_none() {
            progress.set(Progress::default());
            return;
        }
        let stored = store.with(|v| progress::load(v, js_sys::Date::now()));
        synced.set_value(store.with(|v| v.raw(PROGRESS_KEY)));
        notices.collect(store);
        let mut merged = progress.get_untracked();
        merged.merge(stored);
        if progress.with_untracked(|p| *p != merged) {
            progress.set(merged);
        }
    });
    on_cleanup(move || listener.remove());
}

/// Saves the history without losing another tab's: when another tab has saved since this one last
/// read or wrote (`synced`), what is stored is read and merged in first (a merge is idempotent, and
/// deletions travel as tombstones). When the quota is full, old backups go first, then the detail
/// of the oldest attempts (their summaries and outcomes stay), and the learner is told.
fn save_progress(
    store: Store,
    notices: Notices,
    progress: RwSignal<crate::store::progress::Progress>,
    synced: StoredValue<Option<String>>,
) {
    use crate::store::backend::WriteError;
    use crate::store::backup;
    use crate::store::progress::{self, PROGRESS_KEY, PROGRESS_MIGRATIONS};
    if store.with(|v| v.raw(PROGRESS_KEY)) != synced.get_value() {
        let stored = store.with(|v| progress::load(v, js_sys::Date::now()));
        synced.set_value(store.with(|v| v.raw(PROGRESS_KEY)));
        let mut merged = progress.get_untracked();
        merged.merge(stored.clone());
        if progress.with_untracked(|p| *p != merged) {
            // The effect runs again with the merged history and saves that.
            progress.set(merged);
            return;
        }
        if merged == stored {
            return;
        }
    }
    let mut pruned = 0;
    loop {
        let result = progress
            .with_untracked(|p| store.with(|v| v.save(PROGRESS_KEY, p, PROGRESS_MIGRATIONS)));
        match result {
            Ok(()) => break,
            Err(WriteError::QuotaExceeded) if store.with(backup::drop_oldest) => {}
            Err(WriteError::QuotaExceeded)
                if progress.try_update_untracked(|p| p.prune_oldest_detail()) == Some(true) =>
            {
                pruned += 1
            }
            Err(e) => {
                store.with(|v| v.report_unsaved(PROGRESS_KEY, &e));
                break;
            }
        }
    }
    synced.set_value(store.with(|v| v.raw(PROGRESS_KEY)));
    if pruned > 0 {
        store.with(|v| v.report_pruned(pruned));
    }
    notices.collect(store);
}
