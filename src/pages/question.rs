//! One question on its own page: try it, check the answer, read why each option is right or wrong.

use engine::attempt::Authored;
use engine::bank::{self, QuestionId};
use leptos::prelude::*;

use crate::components::question::QuestionCard;
use crate::route::Route;

#[component]
pub fn QuestionPage(id: QuestionId) -> impl IntoView {
    let Some(question) = bank::find(id) else {
        return view! {
            <section class="page">
                <h1>"Question not found"</h1>
                <p>"The bank has no question " <code>{id.to_string()}</code> " (it may have been retired)."</p>
                <p><a href=Route::Practice.href()>"Practise instead"</a></p>
            </section>
        }
        .into_any();
    };
    let chosen = RwSignal::new(Vec::<Authored>::new());
    let struck = RwSignal::new(Vec::<Authored>::new());
    let checked = RwSignal::new(false);
    let choose = question.kind.choose();
    let on_toggle = Callback::new(move |o: Authored| {
        chosen.update(|c| match c.iter().position(|&x| x == o) {
            Some(at) => {
                c.remove(at);
            }
            None if choose == 1 => *c = vec![o],
            None if c.len() < choose => c.push(o),
            None => {}
        })
    });
    let on_strike = Callback::new(move |o: Authored| {
        struck.update(|s| match s.iter().position(|&x| x == o) {
            Some(at) => {
                s.remove(at);
            }
            None => s.push(o),
        })
    });
    view! {
        <section class="page question-page">
            <h1>{format!("Question {id}")}</h1>
            <p class="result-meta">{format!("Task statement {} · {}", id.task(), id.task().title())}</p>
            <QuestionCard
                question
                order=(0..question.options.len() as u8).map(Authored).collect()
                label=format!("Question {id}")
                chosen
                struck
                on_toggle
                on_strike
                reveal=checked
            />
            {move || (!checked.get()).then(|| view! {
                <button type="button" class="primary" on:click=move |_| checked.set(true) disabled=move || chosen.with(Vec::is_empty)>
                    "Check answer"
                </button>
            })}
        </section>
    }
    .into_any()
}
