//! The question navigator: one button per question, marked answered, unanswered, flagged and
//! current. Arrow keys move between buttons; nothing marks which questions are unscored.

use engine::attempt::Attempt;
use leptos::prelude::*;

use crate::focus::focus_by_id;

/// What the navigator shows for one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub answered: bool,
    pub flagged: bool,
}

/// The navigator's cells for every question of `attempt`.
pub fn attempt_cells(attempt: RwSignal<Option<Attempt>>) -> Signal<Vec<Cell>> {
    Signal::derive(move || {
        attempt.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.responses
                        .iter()
                        .map(|r| Cell {
                            answered: !r.chosen.is_empty(),
                            flagged: r.flagged,
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    })
}

pub fn cell_label(number: usize, cell: Cell, current: bool) -> String {
    let mut label = format!(
        "Question {number}, {}",
        if cell.answered {
            "answered"
        } else {
            "unanswered"
        }
    );
    if cell.flagged {
        label.push_str(", flagged");
    }
    if current {
        label.push_str(", current");
    }
    label
}

fn focus_cell(index: usize) {
    focus_by_id(&format!("nav-cell-{index}"));
}

#[component]
pub fn Navigator(
    #[prop(into)] cells: Signal<Vec<Cell>>,
    #[prop(into)] current: Signal<usize>,
    on_go: Callback<usize>,
) -> impl IntoView {
    let count = move || cells.with(Vec::len);
    let on_key = move |ev: web_sys::KeyboardEvent, index: usize| {
        let n = count();
        let target = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((index + 1).min(n.saturating_sub(1))),
            "ArrowLeft" | "ArrowUp" => Some(index.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(n.saturating_sub(1)),
            _ => None,
        };
        if let Some(t) = target {
            ev.prevent_default();
            ev.stop_propagation();
            focus_cell(t);
        }
    };
    view! {
        <nav class="nav-grid" aria-label="Question navigator">
            <ol role="list">
                {move || cells.get().into_iter().enumerate().map(|(i, cell)| {
                    let is_current = move || current.get() == i;
                    view! {
                        <li>
                            <button
                                type="button"
                                id=format!("nav-cell-{i}")
                                class="nav-cell"
                                class:answered=cell.answered
                                class:flagged=cell.flagged
                                class:current=is_current
                                aria-label=move || cell_label(i + 1, cell, is_current())
                                aria-current=move || is_current().then_some("step")
                                on:click=move |_| on_go.run(i)
                                on:keydown=move |ev| on_key(ev, i)
                            >
                                {i + 1}
                                {cell.flagged.then_some(view! { <span class="flag-mark" aria-hidden="true">"⚑"</span> })}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="nav-legend">
                <span class="legend answered">"Answered"</span>
                <span class="legend">"Unanswered"</span>
                <span class="legend flagged">"⚑ Flagged"</span>
            </p>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_say_everything_the_colours_say() {
        let c = Cell {
            answered: true,
            flagged: true,
        };
        assert_eq!(
            cell_label(5, c, true),
            "Question 5, answered, flagged, current"
        );
        let c = Cell {
            answered: false,
            flagged: false,
        };
        assert_eq!(cell_label(1, c, false), "Question 1, unanswered");
    }
}
