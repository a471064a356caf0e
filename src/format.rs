//! Times as learners read them: a countdown or a duration as a clock, a moment as a local date and
//! time. Shared by the exam screen, results, progress and data pages, so they all read alike.

/// "1:05:09" or "4:07".
pub fn clock(ms: f64) -> String {
    let total = (ms / 1000.0).ceil().max(0.0) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "2026-11-30 14:05" in the learner's local time.
pub fn date_of(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn clock_rounds_up_and_shows_hours_only_when_needed() {
        assert_eq!(clock(90.0 * 60_000.0), "1:30:00");
        assert_eq!(clock(247_000.0), "4:07");
        assert_eq!(clock(500.0), "0:01");
        assert_eq!(clock(-5.0), "0:00");
    }
}
