//! The exam's keyboard shortcuts as a hook: 1–6 or A–E choose, N / P next and previous, F flag.
//! The listener is on the window (a learner may press a key with focus anywhere on the screen) and
//! is removed with the component that asked for it.

use engine::attempt::Shown;
use leptos::prelude::*;

/// What a shortcut asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExamKey {
    /// The option at this display position.
    Choose(Shown),
    Next,
    Previous,
    Flag,
}

/// The shortcut a key names, whatever its case.
pub fn exam_key(key: &str) -> Option<ExamKey> {
    let key = key.to_ascii_lowercase();
    match key.as_str() {
        "1" | "2" | "3" | "4" | "5" | "6" => key
            .parse::<u8>()
            .ok()
            .map(|n| ExamKey::Choose(Shown(n - 1))),
        "a" | "b" | "c" | "d" | "e" => Shown::from_letter(key.chars().next()?).map(ExamKey::Choose),
        "n" => Some(ExamKey::Next),
        "p" => Some(ExamKey::Previous),
        "f" => Some(ExamKey::Flag),
        _ => None,
    }
}

/// Calls `on_key` for each shortcut pressed while `active()` holds; `on_key` says whether it acted,
/// and only then is the browser's default stopped. Keys typed with modifiers, or already handled by
/// another control (the navigator's arrows), are left alone.
pub fn use_exam_keys(
    active: impl Fn() -> bool + 'static,
    on_key: impl Fn(ExamKey) -> bool + 'static,
) {
    let listener = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.default_prevented() || !active() {
            return;
        }
        if exam_key(&ev.key()).is_some_and(&on_key) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || listener.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_and_letters_name_display_positions() {
        assert_eq!(exam_key("1"), Some(ExamKey::Choose(Shown(0))));
        assert_eq!(exam_key("6"), Some(ExamKey::Choose(Shown(5))));
        assert_eq!(exam_key("C"), Some(ExamKey::Choose(Shown(2))));
        assert_eq!(exam_key("e"), Some(ExamKey::Choose(Shown(4))));
        assert_eq!(exam_key("7"), None);
    }

    #[test]
    fn f_flags_rather_than_choosing_a_sixth_option() {
        assert_eq!(exam_key("F"), Some(ExamKey::Flag));
        assert_eq!(exam_key("n"), Some(ExamKey::Next));
        assert_eq!(exam_key("P"), Some(ExamKey::Previous));
        assert_eq!(exam_key("Enter"), None);
    }
}
