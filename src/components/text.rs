//! Bank text rendered as nodes: the engine's markup spans become text, `<code>` and `<em>` elements.
//! Nothing from the bank or from storage is ever inserted as HTML.

use engine::markup::{self, Mark};
use leptos::prelude::*;

/// One paragraph's inline text.
pub fn inline(text: &'static str) -> impl IntoView {
    markup::spans(text)
        .into_iter()
        .map(|span| match span.mark {
            Mark::Plain => span.text.into_any(),
            Mark::Code => view! { <code>{span.text}</code> }.into_any(),
            Mark::Emphasis => view! { <em>{span.text}</em> }.into_any(),
        })
        .collect_view()
}

/// Text that may hold several paragraphs.
#[component]
pub fn RichText(text: &'static str) -> impl IntoView {
    markup::paragraphs(text)
        .map(|p| view! { <p>{inline(p)}</p> })
        .collect_view()
}
