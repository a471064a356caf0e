//! The full mock exam: a start screen with the rules (also prerendered into index.html), then the
//! runner; the finished attempt is filed into the history and the learner lands on its results. A
//! mock left running in another tab is shown read-only with the choice to continue here.

use leptos::prelude::*;

use crate::components::exam::{now_ms, use_now, ExamRunner, RunnerOptions};
use crate::route::Route;
use crate::state::{ActiveState, Notices, ProgressState, SettingsState, Store};
use engine::attempt::{mock_minutes, Mode};
use engine::blueprint::{FORM_ITEMS, SCORED_ITEMS, UNSCORED_ITEMS};

#[component]
pub fn MockPage() -> impl IntoView {
    let active = expect_context::<ActiveState>();
    let progress = expect_context::<ProgressState>();
    let settings = expect_context::<SettingsState>().0;
    let error = RwSignal::new(None::<String>);

    let start = move |()| {
        let accommodation = settings.with_untracked(|s| s.accommodation);
        match progress
            .0
            .with_untracked(|p| crate::flow::new_mock(p, accommodation, now_ms()))
        {
            Ok(attempt) => crate::flow::start(active, attempt),
            Err(e) => error.set(Some(e)),
        }
    };
    let accommodation = Signal::derive(move || settings.with(|s| s.accommodation));
    let running = active.running();
    let on_finish = Callback::new(move |_| crate::flow::finish(active, progress));
    let options = RunnerOptions {
        feedback: false,
        confidence: settings.with_untracked(|s| s.confidence_prompts),
    };

    view! {
        <section class="page mock">
            {move || match running.get() {
                (Some(Mode::Mock), true) => view! {
                    <h1 class="sr-only">"Mock exam"</h1>
                    <ExamRunner attempt=active.attempt options on_finish/>
                }.into_any(),
                (Some(running), owned) => view! { <AttemptElsewhere title="Mock exam" running owned/> }.into_any(),
                (None, _) => view! {
                    <MockStart accommodation error=error.into() on_start=Callback::new(start)/>
                }.into_any(),
            }}
        </section>
    }
}

/// What `#/mock` shows before an exam starts: the rules and the start button. Without `on_start`
/// (the page as index.html shows it while the app is still loading, src/prerender.rs) the button is
/// disabled: nothing can start an exam yet.
#[component]
pub fn MockStart(
    /// Whether the learner's mock exams carry the 30-minute accommodation.
    accommodation: Signal<bool>,
    /// Why the last start failed, if it did.
    error: Signal<Option<String>>,
    /// What the button does; none while nothing can start an exam (the button is then disabled).
    #[prop(optional)]
    on_start: Option<Callback<()>>,
) -> impl IntoView {
    let waiting = on_start.is_none();
    view! {
        <h1>"Mock exam"</h1>
        <p class="lede">"A full practice exam, built like the real one."</p>
        <ul>
            <li>{FORM_ITEMS} " questions drawn by domain weight; " {SCORED_ITEMS} " are scored and " {UNSCORED_ITEMS} " are unscored, hidden among them as on the real exam."</li>
            <li>{move || format!("{} minutes on a clock that keeps running if you close the tab; warnings at 15 and 5 minutes; automatic submission at zero.", mock_minutes(accommodation.get()))}</li>
            <li>"Multiple choice and multiple response (\"Choose TWO\") with no partial credit; a blank counts as wrong."</li>
            <li>"Flag questions, strike out options, and review everything before you submit."</li>
            <li>"Scored on the 100–1000 scale with 700 to pass, with a result per domain."</li>
        </ul>
        <p>
            "The 30-minute accommodation for English as a second language is "
            {move || if accommodation.get() { "on" } else { "off" }} ". "
            <a href=Route::Settings.href()>"Change it in Settings"</a> "."
        </p>
        {move || error.get().map(|e| view! { <p class="warning-text" role="alert">{e}</p> })}
        <button type="button" class="primary" disabled=waiting on:click=move |_| if let Some(start) = on_start { start.run(()) }>
            "Start the mock exam"
        </button>
    }
}

/// `#/mock` as index.html shows it before the app has loaded (rendered at build time by
/// src/prerender.rs): the start screen with the default settings, its button disabled. The app
/// replaces it with `MockPage`: the same screen, with the learner's own settings.
#[component]
pub fn MockPageBeforeApp() -> impl IntoView {
    let accommodation = Signal::stored(crate::store::records::Settings::default().accommodation);
    view! {
        <section class="page mock">
            <MockStart accommodation error=Signal::stored(None)/>
        </section>
    }
}

/// What a page that runs attempts shows when it cannot run one now: another tab owns the attempt
/// (shown read-only, with the choice to move it here), or an attempt of another kind is under way.
/// An empty `title` leaves the page's own heading to the caller.
#[component]
pub fn AttemptElsewhere(title: &'static str, running: Mode, owned: bool) -> impl IntoView {
    let active = expect_context::<ActiveState>();
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    view! {
        {(!title.is_empty()).then(|| view! { <h1>{title}</h1> })}
        {if owned {
            view! {
                <p>"You have another attempt in progress. Finish it first:"</p>
                <p><a class="button" href=resume_href(running)>"Go to the attempt in progress"</a></p>
            }
            .into_any()
        } else {
            view! {
                <ReadOnlyAttempt/>
                <button type="button" on:click=move |_| active.take_over(store, notices)>"Continue it in this tab instead"</button>
            }
            .into_any()
        }}
    }
}

/// What another tab's attempt looks like from here, kept current by the storage event.
#[component]
pub fn ReadOnlyAttempt() -> impl IntoView {
    let active = expect_context::<ActiveState>();
    // The time left counts down here too, from the deadline the owning tab stored.
    let now = use_now();
    let line = move || {
        active.attempt.with(|a| {
            a.as_ref().map(|a| {
                let answered = a.responses.iter().filter(|r| !r.chosen.is_empty()).count();
                let left = a
                    .remaining_ms(now.get())
                    .map(|ms| format!(", {} left", crate::format::clock(ms)))
                    .unwrap_or_default();
                format!(
                    "Question {} of {}, {answered} answered{left}.",
                    a.current + 1,
                    a.items.len()
                )
            })
        })
    };
    view! {
        <p class="warning-text">"An attempt is open in another tab. It continues there; this tab only shows it."</p>
        <p class="read-only-attempt" role="status">{line}</p>
    }
}

pub fn resume_href(mode: Mode) -> String {
    match mode {
        Mode::Mock => Route::Mock.href(),
        Mode::Diagnostic => Route::Diagnostic.href(),
        Mode::Practice => Route::Practice.href(),
    }
}
