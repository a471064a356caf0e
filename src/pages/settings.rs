//! Settings: exam accommodation, theme, confidence prompts, exam date, keyboard help, and reset.

use leptos::prelude::*;

use crate::state::{Notices, SettingsState, Store};
use crate::store::records::{Settings, Theme};
use engine::attempt::mock_minutes;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let settings = expect_context::<SettingsState>().0;
    let store = expect_context::<Store>();
    let persistent = store.with(|v| v.is_persistent());

    view! {
        <section class="page settings">
            <h1>"Settings"</h1>
            {(!persistent).then(|| view! {
                <p class="warning-text">"This browser is not letting the app store data: settings and progress last only while this tab is open."</p>
            })}
            <h2>"Exam time"</h2>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || settings.with(|s| s.accommodation)
                    on:change=move |ev| settings.update(|s| s.accommodation = event_target_checked(&ev))
                />
                {format!(
                    "Add the 30-minute accommodation for English as a second language ({} minutes instead of {})",
                    mock_minutes(true),
                    mock_minutes(false)
                )}
            </label>
            <h2>"Answering"</h2>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || settings.with(|s| s.confidence_prompts)
                    on:change=move |ev| settings.update(|s| s.confidence_prompts = event_target_checked(&ev))
                />
                "Ask how sure I am after each answer (for the calibration view)"
            </label>
            <h2>"Exam date"</h2>
            <label for="exam-date">"My exam is on "</label>
            <input
                id="exam-date"
                type="date"
                prop:value=move || settings.with(|s| s.exam_date.clone().unwrap_or_default())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    settings.update(|s| s.exam_date = (!value.is_empty()).then_some(value));
                }
            />
            <ThemeChoice settings/>
            <KeyboardHelp/>
            <ResetEverything/>
        </section>
    }
}

/// Light, dark or the system's.
#[component]
fn ThemeChoice(settings: RwSignal<Settings>) -> impl IntoView {
    let theme_choice = move |theme: Theme, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="theme"
                    prop:checked=move || settings.with(|s| s.theme == theme)
                    on:change=move |_| settings.update(|s| s.theme = theme)
                />
                {label}
            </label>
        }
    };
    view! {
    <fieldset class="theme-choice">
        <legend>"Theme"</legend>
        {theme_choice(Theme::System, "Follow the system")}
        {theme_choice(Theme::Light, "Light")}
        {theme_choice(Theme::Dark, "Dark")}
    </fieldset>
    }
}

/// The shortcuts, in the words the exam screen's key help uses.
#[component]
fn KeyboardHelp() -> impl IntoView {
    view! {
    <h2 id="keyboard">"Keyboard"</h2>
    <table class="data-table">
        <caption>"During an exam or practice"</caption>
        <thead><tr><th scope="col">"Key"</th><th scope="col">"Does"</th></tr></thead>
        <tbody>
            <tr><td><kbd>"1"</kbd>"–"<kbd>"5"</kbd>" or "<kbd>"A"</kbd>"–"<kbd>"E"</kbd></td><td>"Choose or clear that option"</td></tr>
            <tr><td><kbd>"N"</kbd>" / "<kbd>"P"</kbd></td><td>"Next / previous question"</td></tr>
            <tr><td><kbd>"F"</kbd></td><td>"Flag or unflag the question for review"</td></tr>
            <tr><td>"Arrow keys"</td><td>"Move between questions in the navigator"</td></tr>
            <tr><td><kbd>"Tab"</kbd></td><td>"Move between controls; Space or Enter activates"</td></tr>
        </tbody>
    </table>
    }
}

/// Reset everything, asked twice; refused inside a frame.
#[component]
fn ResetEverything() -> impl IntoView {
    let settings = expect_context::<SettingsState>().0;
    let store = expect_context::<Store>();
    let notices = expect_context::<Notices>();
    let progress = expect_context::<crate::state::ProgressState>().0;
    let active = expect_context::<crate::state::ActiveState>();
    let confirming_reset = RwSignal::new(false);
    let reset_done = RwSignal::new(false);
    let reset = move |_| {
        active.attempt.set(None);
        progress.set(Default::default());
        // The newest backup stays, so that a reset by mistake can be undone from Settings › Data.
        store.with(|v| {
            let newest = crate::store::backup::keys(v).pop();
            v.clear_everything_except(newest.as_deref());
        });
        settings.set(Settings::default());
        notices.0.set(Vec::new());
        confirming_reset.set(false);
        reset_done.set(true);
    };
    view! {
    <h2>"Reset"</h2>
    <p>"Removes every attempt, review, setting and backup this app has stored in this browser."</p>
    {move || if confirming_reset.get() {
        view! {
            <crate::components::confirm::ConfirmDanger
                title_id="reset-title"
                question="Delete all progress in this browser? This cannot be undone."
                confirm="Yes, delete everything"
                on_cancel=Callback::new(move |_| confirming_reset.set(false))
                on_confirm=Callback::new(reset)
            />
        }.into_any()
    } else {
        let framed = crate::framing::is_framed();
        view! {
            <button type="button" disabled=framed on:click=move |_| confirming_reset.set(true)>"Reset everything…"</button>
            {framed.then_some(view! { <p class="warning-text">{crate::framing::FRAMED_NOTE}</p> })}
        }.into_any()
    }}
    {move || reset_done.get().then(|| view! {
        <p role="status">"Everything was reset."</p>
    })}
    }
}
