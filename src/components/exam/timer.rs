//! The countdown. It is drawn every second but never announced every second: screen readers hear
//! only the 15- and 5-minute warnings, through a polite live region.

use leptos::prelude::*;

use crate::format::clock;

#[component]
pub fn Timer(
    #[prop(into)] remaining_ms: Signal<Option<f64>>,
    #[prop(into)] warning: Signal<Option<u32>>,
) -> impl IntoView {
    let low = move || remaining_ms.get().is_some_and(|ms| ms <= 5.0 * 60_000.0);
    view! {
        <div class="exam-timer" class:low=low>
            {move || remaining_ms.get().map(|ms| view! {
                <span class="timer-label">"Time left "</span>
                <span class="timer-value" aria-live="off">{clock(ms)}</span>
            })}
            <span class="sr-only" role="status" aria-live="polite">
                {move || warning.get().map(|m| format!("{m} minutes remaining."))}
            </span>
        </div>
    }
}
