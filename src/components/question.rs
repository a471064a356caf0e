//! One question as the learner answers it: the stem, the options as real radio buttons or
//! checkboxes in the shuffled display order, "Choose N" enforced, strike-through to eliminate options,
//! and (in practice and review) the explanation of every option with its documentation link and the
//! day its facts were last checked.

use engine::attempt::{Authored, Shown};
use engine::bank::{Choice, Kind, Question};
use leptos::prelude::*;

use crate::components::text::{inline, RichText};

fn choose_word(n: usize) -> &'static str {
    match n {
        2 => "TWO",
        3 => "THREE",
        _ => "ALL THAT APPLY",
    }
}

/// The "Choose TWO: 1 chosen, 1 to go" line for multiple-response questions.
pub fn choose_status(kind: Kind, chosen: usize) -> Option<String> {
    match kind {
        Kind::Single => None,
        Kind::Multiple(n) => {
            let n = n as usize;
            Some(if chosen >= n {
                format!(
                    "Choose {}: {chosen} of {n} chosen. Clear one to change your answer.",
                    choose_word(n)
                )
            } else {
                format!(
                    "Choose {}: {chosen} of {n} chosen, {} to go.",
                    choose_word(n),
                    n - chosen
                )
            })
        }
    }
}

#[component]
pub fn QuestionCard(
    question: &'static Question,
    /// The options in display order.
    order: Vec<Authored>,
    /// e.g. "Question 3 of 65".
    #[prop(into)]
    label: String,
    #[prop(into)] chosen: Signal<Vec<Authored>>,
    /// Options struck through.
    #[prop(into)]
    struck: Signal<Vec<Authored>>,
    on_toggle: Callback<Authored>,
    on_strike: Callback<Authored>,
    /// Show the explanations and which options are right.
    #[prop(into)]
    reveal: Signal<bool>,
) -> impl IntoView {
    let kind = question.kind;
    let input_type = if kind == Kind::Single {
        "radio"
    } else {
        "checkbox"
    };
    let group = format!("q-{}", question.id);
    let status = move || choose_status(kind, chosen.get().len());
    let full = Signal::derive(move || kind != Kind::Single && chosen.get().len() >= kind.choose());
    let options = order
        .into_iter()
        .enumerate()
        .map(|(position, authored)| {
            view! {
                <OptionRow
                    choice=&question.options[authored.index()]
                    letter=Shown(position as u8).letter()
                    authored
                    group=group.clone()
                    input_type
                    chosen
                    struck
                    full
                    reveal
                    on_toggle
                    on_strike
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="question-card">
            <legend class="question-label">{label}</legend>
            <div class="question-stem"><RichText text=question.stem/></div>
            {move || status().map(|s| view! { <p class="choose-status" aria-live="polite">{s}</p> })}
            <ol class="question-options" role="list">{options}</ol>
            {move || reveal.get().then(|| view! { <References question/> })}
        </fieldset>
    }
}

/// One option: its input and label, the strike-out button, and once revealed, the verdict and why.
#[component]
fn OptionRow(
    choice: &'static Choice,
    /// The letter shown (display order).
    letter: char,
    /// What the attempt records.
    authored: Authored,
    /// The input group's name.
    group: String,
    /// "radio" or "checkbox".
    input_type: &'static str,
    chosen: Signal<Vec<Authored>>,
    struck: Signal<Vec<Authored>>,
    /// A multiple-response question has all the choices it asks for.
    full: Signal<bool>,
    reveal: Signal<bool>,
    on_toggle: Callback<Authored>,
    on_strike: Callback<Authored>,
) -> impl IntoView {
    let input_id = format!("{group}-{}", authored.0);
    let is_chosen = move || chosen.get().contains(&authored);
    let is_struck = move || struck.get().contains(&authored);
    let verdict = move || reveal.get().then(|| verdict(choice.correct, is_chosen()));
    let class = move || {
        option_class(
            is_chosen(),
            is_struck(),
            reveal.get().then_some(choice.correct),
        )
    };
    let strike_label = format!("Strike out option {letter}");
    view! {
        <li class=class>
            <div class="option-row">
                <input
                    type=input_type
                    id=input_id.clone()
                    name=group
                    prop:checked=is_chosen
                    disabled=move || reveal.get() || (full.get() && !is_chosen())
                    on:change=move |_| on_toggle.run(authored)
                />
                <label for=input_id>
                    <span class="option-letter" aria-hidden="true">{letter}". "</span>
                    <span class="option-text">{inline(choice.text)}</span>
                </label>
                <button
                    type="button"
                    class="strike-button"
                    aria-label=strike_label
                    aria-pressed=move || if is_struck() { "true" } else { "false" }
                    hidden=move || reveal.get()
                    on:click=move |_| on_strike.run(authored)
                >
                    "⨯"
                </button>
            </div>
            {move || verdict().map(|(class, text)| view! {
                <div class="option-feedback">
                    <strong class=class>{text}": "</strong>
                    {inline(choice.why)}
                </div>
            })}
        </li>
    }
}

/// The class and words that judge an option once answers are revealed.
fn verdict(correct: bool, chosen: bool) -> (&'static str, &'static str) {
    match (correct, chosen) {
        (true, true) => ("verdict right", "Correct, and you chose it"),
        (true, false) => ("verdict missed", "Correct answer"),
        (false, true) => ("verdict wrong", "Your choice: incorrect"),
        (false, false) => ("verdict neutral", "Incorrect"),
    }
}

/// An option's classes; `revealed` is whether it is correct, once answers are shown.
fn option_class(chosen: bool, struck: bool, revealed: Option<bool>) -> String {
    let mut c = String::from("question-option");
    if chosen {
        c.push_str(" chosen");
    }
    if struck {
        c.push_str(" struck");
    }
    if let Some(correct) = revealed {
        c.push_str(if correct {
            " is-correct"
        } else {
            " is-incorrect"
        });
    }
    c
}

/// The question's documentation links and the day its facts were last checked.
#[component]
fn References(question: &'static Question) -> impl IntoView {
    view! {
        <p class="references">
            "Learn more: "
            {question.refs.iter().map(|r| view! {
                <a href=*r target="_blank" rel="noopener noreferrer">{doc_title(r)}</a>" "
            }).collect_view()}
        </p>
        {(!question.services.is_empty()).then(|| view! {
            <p class="references">
                "Services: "
                {question.services.iter().filter_map(|name| engine::services::find(name)).map(|s| view! {
                    <a href=crate::route::Route::Services(Some(s.slug())).href()>{s.name}</a>" "
                }).collect_view()}
            </p>
        })}
        {question.verified.map(|day| view! { <p class="references">"Verified on " {day}</p> })}
    }
}

/// A short readable name for a documentation link: its host and last path segment.
pub fn doc_title(url: &str) -> String {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    let host = rest.split('/').next().unwrap_or(rest);
    let last = rest
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| *s != host)
        .unwrap_or("");
    if last.is_empty() {
        host.to_string()
    } else {
        format!("{host} › {last}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choose_status_counts_down_and_stops_at_the_limit() {
        assert_eq!(choose_status(Kind::Single, 1), None);
        assert_eq!(
            choose_status(Kind::Multiple(2), 0).unwrap(),
            "Choose TWO: 0 of 2 chosen, 2 to go."
        );
        assert_eq!(
            choose_status(Kind::Multiple(2), 1).unwrap(),
            "Choose TWO: 1 of 2 chosen, 1 to go."
        );
        assert!(choose_status(Kind::Multiple(3), 3)
            .unwrap()
            .starts_with("Choose THREE: 3 of 3 chosen. Clear one"));
    }

    #[test]
    fn doc_titles_name_host_and_page() {
        assert_eq!(
            doc_title("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html"),
            "docs.aws.amazon.com › id_roles.html"
        );
        assert_eq!(
            doc_title("https://aws.amazon.com/s3/faqs/"),
            "aws.amazon.com › faqs"
        );
        assert_eq!(doc_title("https://aws.amazon.com/"), "aws.amazon.com");
    }
}
