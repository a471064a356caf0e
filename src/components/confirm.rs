//! A destructive action asked twice: the question, Cancel, and the button that does it.

use leptos::prelude::*;

/// The confirmation shown in place of a destructive button once it is pressed.
#[component]
pub fn ConfirmDanger(
    /// The id that labels the dialog with its question.
    title_id: &'static str,
    question: &'static str,
    confirm: &'static str,
    on_cancel: Callback<()>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="confirm-end" role="alertdialog" aria-labelledby=title_id>
            <p id=title_id><strong>{question}</strong></p>
            <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            " "
            <button type="button" class="danger" on:click=move |_| on_confirm.run(())>{confirm}</button>
        </div>
    }
}
