//! The wall clock as a signal, read every second for as long as the component that asked for it
//! lives: what countdowns are drawn from (the deadline is wall-clock, shared by every tab).

use leptos::prelude::*;

use super::now_ms;

pub fn use_now() -> ReadSignal<f64> {
    let (now, set_now) = signal(now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || set_now.set(now_ms()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
    now
}
