//! What the learner's clicks and keys do to the attempt on screen: move between questions, choose,
//! flag, and the words the live region reads back. The rules are `engine::attempt`'s; this only
//! forwards to it and keeps the screen's stage (answering, reviewing, confirming).

use engine::attempt::{Attempt, Authored, Shown, Toggle};
use leptos::prelude::*;

use super::keys::ExamKey;
use super::now_ms;

/// Which screen of the attempt is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Answering,
    Reviewing,
    Confirming,
}

pub fn with_attempt<T>(
    attempt: RwSignal<Option<Attempt>>,
    f: impl FnOnce(&Attempt) -> T,
) -> Option<T> {
    attempt.with(|a| a.as_ref().map(f))
}

pub fn update_attempt(attempt: RwSignal<Option<Attempt>>, f: impl FnOnce(&mut Attempt)) {
    attempt.update(|a| {
        if let Some(a) = a.as_mut() {
            f(a)
        }
    });
}

/// What the live region says after an option is clicked (`letter` as displayed).
pub fn toggle_announcement(outcome: Toggle, letter: char) -> String {
    match outcome {
        Toggle::Chosen => format!("Option {letter} selected."),
        Toggle::Cleared => format!("Option {letter} cleared."),
        Toggle::Full => {
            "You have chosen as many options as the question asks for. Clear one to change.".into()
        }
        Toggle::Locked => String::new(),
    }
}

/// The attempt screen's handles, copied into every button and shortcut that acts.
#[derive(Clone, Copy)]
pub struct Controls {
    pub attempt: RwSignal<Option<Attempt>>,
    pub stage: RwSignal<Stage>,
    pub announcement: RwSignal<String>,
    pub current: Memo<usize>,
    pub total: Memo<usize>,
}

impl Controls {
    /// The handles for `attempt`, starting on the question pane.
    pub fn new(attempt: RwSignal<Option<Attempt>>) -> Self {
        Controls {
            attempt,
            stage: RwSignal::new(Stage::Answering),
            announcement: RwSignal::new(String::new()),
            current: Memo::new(move |_| with_attempt(attempt, |a| a.current).unwrap_or(0)),
            total: Memo::new(move |_| with_attempt(attempt, |a| a.items.len()).unwrap_or(0)),
        }
    }

    /// Acts on a keyboard shortcut; false when it names no option of this question, so the key
    /// keeps its usual meaning.
    pub fn shortcut(self, key: ExamKey) -> bool {
        match key {
            ExamKey::Choose(position) => match self.option_at(position) {
                Some(option) => self.toggle(option),
                None => return false,
            },
            ExamKey::Next => self.step(1),
            ExamKey::Previous => self.step(-1),
            ExamKey::Flag => self.toggle_flag(),
        }
        true
    }

    /// Show question `index` (from the navigator or the review screen's lists).
    pub fn go(self, index: usize) {
        update_attempt(self.attempt, |a| a.go(index, now_ms()));
        self.stage.set(Stage::Answering);
    }

    /// Previous or next; "next" on the last question opens the review screen.
    pub fn step(self, delta: isize) {
        let target = self.current.get_untracked() as isize + delta;
        if target >= 0 && (target as usize) < self.total.get_untracked() {
            self.go(target as usize);
        } else if delta > 0 {
            self.stage.set(Stage::Reviewing);
        }
    }

    /// The option shown at `position` of the current question, if there is one.
    pub fn option_at(self, position: Shown) -> Option<Authored> {
        let i = self.current.get_untracked();
        with_attempt(self.attempt, |a| a.items[i].authored(position)).flatten()
    }

    /// Choose or clear an option of the current question.
    pub fn toggle(self, option: Authored) {
        let i = self.current.get_untracked();
        let mut outcome = Toggle::Locked;
        update_attempt(self.attempt, |a| outcome = a.toggle(i, option));
        let letter = with_attempt(self.attempt, |a| a.items[i].shown(option))
            .flatten()
            .map_or('?', Shown::letter);
        self.announcement.set(toggle_announcement(outcome, letter));
    }

    pub fn toggle_flag(self) {
        let i = self.current.get_untracked();
        update_attempt(self.attempt, |a| a.toggle_flag(i));
        let flagged = with_attempt(self.attempt, |a| a.responses[i].flagged).unwrap_or(false);
        self.announcement.set(if flagged {
            "Flagged for review.".into()
        } else {
            "Flag removed.".into()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announcements_name_the_letter_shown_and_say_nothing_when_locked() {
        assert_eq!(
            toggle_announcement(Toggle::Chosen, 'B'),
            "Option B selected."
        );
        assert_eq!(
            toggle_announcement(Toggle::Cleared, 'A'),
            "Option A cleared."
        );
        assert!(toggle_announcement(Toggle::Full, 'C').starts_with("You have chosen as many"));
        assert_eq!(toggle_announcement(Toggle::Locked, 'D'), "");
    }
}
