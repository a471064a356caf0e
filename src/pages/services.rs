//! The service catalogue: each examinable service's card (what it does, when to choose it, the
//! look-alikes it is confused with and how they differ, its documentation), searchable as the learner
//! types, with a practice set of the questions about it.

use engine::services::{catalogue, Service};
use leptos::prelude::*;

use crate::flow::PracticeSpec;
use crate::pages::practice::PracticePreset;
use crate::route::Route;

/// Whether every word of `query` occurs in the service's name, category or purpose, ignoring ASCII
/// case (the catalogue is English; Unicode case tables would cost about 10 KB of wasm).
pub fn matches(haystack: &str, query: &str) -> bool {
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_ascii_lowercase()))
}

/// What a search looks through, lower-cased once: its names, category and purpose.
fn haystack(s: &Service) -> String {
    [s.name, s.category, s.what, s.choose_when]
        .iter()
        .chain(s.other_names)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

#[component]
pub fn ServicesPage(slug: Option<String>) -> impl IntoView {
    let start = slug.as_deref().and_then(engine::services::by_slug);
    let query = RwSignal::new(start.map(|s| s.name.to_string()).unwrap_or_default());
    let haystacks: Vec<String> = catalogue().iter().map(haystack).collect();
    let shown = Memo::new(move |_| {
        query.with(|q| {
            // A service's exact name (a link to it, or typed in full) shows that card alone.
            let exact = catalogue()
                .iter()
                .position(|s| s.name.eq_ignore_ascii_case(q.trim()));
            match exact {
                Some(only) => (0..haystacks.len())
                    .map(|i| i == only)
                    .collect::<Vec<bool>>(),
                None => haystacks.iter().map(|h| matches(h, q)).collect(),
            }
        })
    });
    let count = move || shown.with(|s| s.iter().filter(|&&m| m).count());
    view! {
        <section class="page services">
            <h1>"Services"</h1>
            <p class="lede">
                "What each service in the exam's scope does, when to choose it, and the look-alikes it is confused with. "
                "Test yourself with " <a href=Route::Flashcards.href()>"service flashcards"</a> "."
            </p>
            <label for="service-search">"Search by name, category or purpose"</label>
            <input
                id="service-search"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p class="search-count" aria-live="polite">
                {move || format!("{} of {} services", count(), catalogue().len())}
            </p>
            <ul class="service-list">
                {catalogue()
                    .iter()
                    .enumerate()
                    .map(|(i, s)| view! { <ServiceCard service=s hidden=Signal::derive(move || !shown.with(|m| m[i])) /> })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ServiceCard(service: &'static Service, hidden: Signal<bool>) -> impl IntoView {
    let preset = expect_context::<PracticePreset>();
    let questions = service.questions().count();
    let practise = move |_| {
        preset.0.set(Some(PracticeSpec {
            count: questions,
            service: Some(service.name),
            ..PracticeSpec::default()
        }));
        let _ = window().location().set_hash(&Route::Practice.href());
    };
    view! {
        <li class="service-card" id=service.slug() hidden=hidden>
            <h2>{service.name}</h2>
            <p class="service-category">{service.category}</p>
            <p>{service.what}</p>
            <p><strong>"Choose it when: "</strong>{service.choose_when}</p>
            <h3>"Often confused with"</h3>
            <ul class="lookalikes">
                {service.confused.iter().map(|c| view! {
                    <li>
                        {engine::services::find(c.name).map(|other| view! {
                            <a href=Route::Services(Some(other.slug())).href()>{other.name}</a>
                        })}
                        ": " {c.difference}
                    </li>
                }).collect_view()}
            </ul>
            <p class="service-actions">
                {(questions > 0).then(|| view! {
                    <button type="button" on:click=practise>
                        {format!("Practise the {questions} question{} about it", if questions == 1 { "" } else { "s" })}
                    </button>
                })}
                <a href=service.doc target="_blank" rel="noopener noreferrer">"AWS documentation"</a>
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_in_any_case() {
        let h = "amazon s3 storage stores objects in buckets";
        assert!(matches(h, ""));
        assert!(matches(h, "S3 buckets"));
        assert!(matches(h, "  STORAGE "));
        assert!(!matches(h, "s3 queue"));
    }

    #[test]
    fn the_search_finds_a_service_by_its_purpose() {
        let Some(s) = catalogue().iter().find(|s| s.name == "AWS CloudTrail") else {
            return;
        };
        let word = s.what.split_whitespace().max_by_key(|w| w.len()).unwrap();
        assert!(matches(&haystack(s), word));
        assert!(matches(&haystack(s), "cloudtrail"));
        if let Some(emr) = catalogue().iter().find(|s| s.name == "Amazon EMR") {
            assert!(matches(&haystack(emr), "mapreduce"), "by an alias");
        }
    }
}
