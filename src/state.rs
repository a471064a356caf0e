//! App-wide state shared through context, each value in its own small wrapper: the storage vault,
//! the settings, and the notices about saved data. Effects here only talk to the outside world
//! (storage and the document's theme).

use leptos::prelude::*;

use crate::store::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};
use crate::store::vault::{Notice, Vault};

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
        <Show when=move || notices.with(|n| !n.is_empty())>
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
        </Show>
    }
}
