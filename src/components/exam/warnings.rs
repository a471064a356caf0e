//! The 15- and 5-minute warnings as a hook: checked every second against the wall-clock deadline,
//! each given once (the engine says which is due, and one given covers every less urgent one).
//! Submitting at zero is the app's clock (`flow::expire_if_due`), so it happens on any page.

use engine::attempt::Attempt;
use leptos::prelude::*;

use super::now_ms;

/// The last warning given, in minutes left, for as long as the component that asked lives.
pub fn use_time_warnings(attempt: RwSignal<Option<Attempt>>) -> ReadSignal<Option<u32>> {
    let given = RwSignal::new(Vec::<u32>::new());
    let (warning, set_warning) = signal(None::<u32>);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let t = now_ms();
            let due = attempt.with_untracked(|a| {
                a.as_ref()
                    .and_then(|a| a.due_warning(t, &given.get_untracked()))
            });
            if let Some(m) = due {
                given.update(|g| g.push(m));
                set_warning.set(Some(m));
            }
        },
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    warning
}
