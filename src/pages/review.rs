//! Review of one attempt, question by question: the learner's answer, the correct answer, why each
//! option is right or wrong, and the documentation link; filters for wrong, flagged, unscored and
//! by domain.

use engine::attempt::{Attempt, AttemptId};
use engine::bank::{self, Domain, Kind};
use leptos::prelude::*;

use crate::components::question::QuestionCard;
use crate::route::Route;
use crate::state::ProgressState;
use engine::report::{correct_chosen, is_correct};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Wrong,
    Flagged,
    Unscored,
    Domain(Domain),
}

impl Filter {
    fn keeps(self, attempt: &Attempt, i: usize) -> bool {
        let item = &attempt.items[i];
        let response = &attempt.responses[i];
        match self {
            Filter::All => true,
            Filter::Wrong => bank::find(item.id).is_some_and(|q| !is_correct(q, &response.chosen)),
            Filter::Flagged => response.flagged,
            Filter::Unscored => !item.scored,
            Filter::Domain(d) => item.id.domain() == d,
        }
    }

    fn label(self) -> String {
        match self {
            Filter::All => "All".into(),
            Filter::Wrong => "Wrong or blank".into(),
            Filter::Flagged => "Flagged".into(),
            Filter::Unscored => "Unscored".into(),
            Filter::Domain(d) => d.name().into(),
        }
    }
}

fn item_view(attempt: &Attempt, i: usize) -> Option<impl IntoView> {
    let item = attempt.items[i].clone();
    let response = attempt.responses[i].clone();
    let question = bank::find(item.id)?;
    let right = is_correct(question, &response.chosen);
    let (hit, of) = correct_chosen(question, &response.chosen);
    let status = if response.chosen.is_empty() {
        "Not answered (counts as wrong)".to_string()
    } else if right {
        "Right".to_string()
    } else if matches!(question.kind, Kind::Multiple(_)) {
        format!("Wrong: {hit} of {of} correct options chosen (no partial credit)")
    } else {
        "Wrong".to_string()
    };
    let chosen = response.chosen.clone();
    let struck = response.struck.clone();
    Some(view! {
        <article class="review-item" class:wrong=!right>
            <p class="review-status">
                <strong class=if right { "verdict right" } else { "verdict wrong" }>{status}</strong>
                {(!item.scored).then_some(" · unscored")}
                {response.flagged.then_some(" · flagged")}
                " · " {item.id.task().to_string()} " " {item.id.task().title()} " · "
                <a href=Route::Question(item.id).href()>{item.id.to_string()}</a>
            </p>
            <QuestionCard
                question
                order=item.order
                label=format!("Question {}", i + 1)
                chosen=Signal::derive(move || chosen.clone())
                struck=Signal::derive(move || struck.clone())
                on_toggle=Callback::new(|_| {})
                on_strike=Callback::new(|_| {})
                reveal=Signal::derive(|| true)
            />
        </article>
    })
}

#[component]
pub fn Review(id: AttemptId) -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    let filter = RwSignal::new(Filter::All);
    let record = progress.with_untracked(|p| p.attempt(&id).cloned());
    let Some(attempt) = record.and_then(|r| r.detail) else {
        return view! {
            <section class="page">
                <h1>"Review"</h1>
                <p>"The question-by-question detail of this attempt is not stored in this browser (it may have been pruned to save space; the score is still in your history)."</p>
                <p><a href=Route::Progress.href()>"See your history"</a></p>
            </section>
        }
        .into_any();
    };
    let filters: Vec<Filter> = [
        Filter::All,
        Filter::Wrong,
        Filter::Flagged,
        Filter::Unscored,
    ]
    .into_iter()
    .chain(Domain::ALL.map(Filter::Domain))
    .collect();
    let attempt = StoredValue::new(attempt);
    let shown = move || {
        attempt.with_value(|a| {
            (0..a.items.len())
                .filter(|&i| filter.get().keeps(a, i))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page review">
            <h1>"Review"</h1>
            <p><a href=Route::Results(id.clone()).href()>"← Back to the results"</a></p>
            <div class="filters" role="group" aria-label="Show">
                {filters.into_iter().map(|f| view! {
                    <button type="button" class="chip" aria-pressed=move || if filter.get() == f { "true" } else { "false" } on:click=move |_| filter.set(f)>
                        {f.label()}
                    </button>
                }).collect_view()}
            </div>
            <p role="status">{move || format!("{} question(s) shown.", shown().len())}</p>
            {move || attempt.with_value(|a| shown().into_iter().filter_map(|i| item_view(a, i)).collect_view())}
        </section>
    }
    .into_any()
}
