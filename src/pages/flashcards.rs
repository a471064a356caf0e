//! Service flashcards: short sessions (10 or 20 cards) from the catalogue, answered by choosing one
//! of four options (by touch, or with the keys 1–4 or A–D), scored, and scheduled with FSRS in the learner's deck (wrong → again soon, right
//! → later). Due cards come first, then cards never seen.

use engine::flashcards::{session, Flashcard, Side};
use engine::schedule::day_of;
use leptos::prelude::*;

use crate::components::exam::{now_ms, use_exam_keys, ExamKey};
use crate::focus::focus_after_render;
use crate::route::Route;
use crate::state::ProgressState;

pub const SIZES: [usize; 2] = [10, 20];

/// A session in progress: its cards, the one shown, the option chosen on it, and the score so far.
#[derive(Clone, Copy)]
struct Session {
    cards: StoredValue<Vec<Flashcard>>,
    at: RwSignal<usize>,
    chosen: RwSignal<Option<usize>>,
    right: RwSignal<usize>,
}

#[component]
pub fn FlashcardsPage() -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    // Owned by the page, not by the view that shows it, which is replaced when a session starts.
    let state = Session {
        cards: StoredValue::new(Vec::new()),
        at: RwSignal::new(0),
        chosen: RwSignal::new(None),
        right: RwSignal::new(0),
    };
    let running = RwSignal::new(false);
    let start = move |size: usize| {
        let today = day_of(now_ms());
        let seed = crate::flow::random_seed();
        let cards = progress.with_untracked(|p| {
            session(
                engine::services::catalogue(),
                &p.flashcards,
                today,
                size,
                seed,
            )
        });
        state.cards.set_value(cards);
        state.at.set(0);
        state.chosen.set(None);
        state.right.set(0);
        running.set(true);
        focus_after_render("card-prompt");
    };
    let due = move || progress.with(|p| p.flashcards.due(day_of(now_ms())).len());
    view! {
        <section class="page flashcards">
            <h1>"Service flashcards"</h1>
            {move || if running.get() {
                view! { <Card session=state on_again=move || running.set(false)/> }.into_any()
            } else {
                view! {
                    <p class="lede">
                        "Which service does this? What does this service do? Which look-alike fits? "
                        "Cards you miss come back soon; cards you know come back later."
                    </p>
                    <p>{move || format!("Cards due today: {}.", due())}</p>
                    <p class="exam-actions">
                        {SIZES.map(|n| view! {
                            <button type="button" class="primary" on:click=move |_| start(n)>{format!("Start {n} cards")}</button>
                        })}
                    </p>
                    <p><a href=Route::Services(None).href()>"Browse the services"</a></p>
                }.into_any()
            }}
        </section>
    }
}

/// The question a side asks.
fn ask(side: Side) -> &'static str {
    match side {
        Side::Purpose => "Which service does this?",
        Side::Name => "What does this service do?",
        Side::Situation => "Which service should you choose?",
    }
}

#[component]
fn Card(session: Session, on_again: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    let total = session.cards.with_value(Vec::len);
    let card = move || {
        session
            .cards
            .with_value(|c| c.get(session.at.get()).cloned())
    };
    let choose = move |i: usize| {
        let Some(card) = card() else { return };
        if session.chosen.get_untracked().is_some() {
            return;
        }
        let right = i == card.answer;
        session.chosen.set(Some(i));
        session.right.update(|r| *r += usize::from(right));
        progress.update(|p| p.flashcards.record(&card.key(), right, day_of(now_ms())));
        focus_after_render("card-next");
    };
    // 1–4 or A–D choose, with the exam's own shortcuts; Enter then takes the focused "Next card".
    use_exam_keys(
        || true,
        move |key| match key {
            ExamKey::Choose(shown)
                if card().is_some_and(|c| usize::from(shown.0) < c.options.len()) =>
            {
                choose(usize::from(shown.0));
                true
            }
            _ => false,
        },
    );
    let next = move |_| {
        session.chosen.set(None);
        session.at.update(|a| *a += 1);
        focus_after_render("card-prompt");
    };
    move || {
        match card() {
        None => view! {
            <p role="status">{format!("You got {} of {total} right.", session.right.get())}</p>
            <p class="exam-actions">
                <button type="button" class="primary" on:click=move |_| on_again()>"Another session"</button>
                <a href=Route::Services(None).href()>"Browse the services"</a>
            </p>
        }
        .into_any(),
        Some(c) => view! {
            <p class="exam-progress">{format!("Card {} of {total}", session.at.get() + 1)}</p>
            <h2 id="card-prompt" tabindex="-1">{ask(c.side)}</h2>
            <p class="card-prompt">{c.prompt()}</p>
            <ol class="card-options">
                {(0..c.options.len()).map(|i| view! { <CardOption card=c.clone() i chosen=session.chosen on_choose=choose/> }).collect_view()}
            </ol>
            {move || session.chosen.get().map(|i| view! { <Verdict card=c.clone() chosen=i/> })}
            <p class="exam-actions">
                <button type="button" id="card-next" class="primary" disabled=move || session.chosen.get().is_none() on:click=next>
                    {if session.at.get() + 1 == total { "See your score" } else { "Next card" }}
                </button>
            </p>
        }
        .into_any(),
    }
    }
}

#[component]
fn CardOption(
    card: Flashcard,
    i: usize,
    chosen: RwSignal<Option<usize>>,
    on_choose: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let letter = engine::attempt::Shown(i as u8).letter();
    let class = move || match chosen.get() {
        None => "card-option",
        Some(_) if i == card.answer => "card-option right",
        Some(c) if c == i => "card-option wrong",
        Some(_) => "card-option",
    };
    view! {
        <li>
            <button type="button" class=class disabled=move || chosen.get().is_some() on:click=move |_| on_choose(i)>
                <span class="option-letter" aria-hidden="true">{letter}</span>
                {card.option_text(i)}
            </button>
        </li>
    }
}

/// Right or wrong, and what tells the answer apart from the option chosen.
#[component]
fn Verdict(card: Flashcard, chosen: usize) -> impl IntoView {
    let answer = card.options[card.answer];
    let picked = card.options[chosen];
    let difference = answer
        .confused
        .iter()
        .chain(picked.confused)
        .find(|c| c.name == picked.name || c.name == answer.name)
        .filter(|_| chosen != card.answer)
        .map(|c| c.difference);
    view! {
        <div class="card-verdict" role="status">
            <p>
                <strong>{if chosen == card.answer { "Right: " } else { "Not quite: " }}</strong>
                {format!("{} — {}", answer.name, answer.what)}
            </p>
            {difference.map(|d| view! { <p>{d}</p> })}
            <p><a href=Route::Services(Some(answer.slug())).href()>{format!("{} in the catalogue", answer.name)}</a></p>
        </div>
    }
}
