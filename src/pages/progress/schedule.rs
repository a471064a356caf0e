//! The study schedule on the progress page: the review drill's questions due today with a way to
//! start them, the reviews forecast per day up to the exam date, a daily target that spreads those
//! reviews and practice in the weakest task statements over the days left, and how an answer
//! reschedules a question.

use engine::blueprint::READY_RUNS;
use engine::schedule::target::{self, TaskAnswers, MIN_ANSWERS, WEAK_BELOW, WEAK_SET};
use engine::schedule::GRADUATE_DAYS;
use leptos::prelude::*;

use crate::flow::PracticeSpec;
use crate::number::percent;
use crate::pages::practice::PracticePreset;
use crate::route::Route;
use crate::state::{ProgressState, SettingsState};
use crate::store::progress::Progress;

/// The forecast's span without an exam date.
pub const HORIZON_WITHOUT_DATE: usize = 14;
/// The forecast's longest span: a longer list would say little the total does not.
pub const MAX_HORIZON: usize = 60;

/// What the schedule shows, from the history and the exam date.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Reviews due today, the overdue ones included.
    pub due: usize,
    pub overdue: usize,
    /// Reviews due on each day from today, up to the exam or `HORIZON_WITHOUT_DATE` days.
    pub forecast: Vec<usize>,
    /// Days from today to the exam, when a valid date is set.
    pub days_left: Option<i64>,
    /// Reviews expected before the exam, each answered right when due.
    pub reviews: usize,
    pub weak: Vec<TaskAnswers>,
    /// Questions a day until the exam, when it is still to come.
    pub target: Option<usize>,
    pub unseen: usize,
    pub mocks_done: usize,
}

/// The schedule for `today` and the exam date `YYYY-MM-DD`, if any.
pub fn plan(progress: &Progress, today: i64, exam_date: Option<&str>) -> Plan {
    let days_left = exam_date
        .and_then(target::day_of_date)
        .map(|day| day - today);
    let ahead = days_left.filter(|d| *d > 0);
    let horizon = ahead.map_or(HORIZON_WITHOUT_DATE, |d| (d as usize).min(MAX_HORIZON));
    let reviews = ahead.map_or(0, |d| progress.review.reviews_until(today, today + d));
    let weak = target::weakest(&crate::engine_bridge::task_answers(progress));
    Plan {
        due: progress.review.due(today).len(),
        overdue: progress.review.due(today - 1).len(),
        forecast: progress.review.forecast(today, horizon),
        days_left,
        reviews,
        target: ahead.map(|d| target::daily_target(reviews, weak.len() * WEAK_SET, d as usize)),
        weak,
        unseen: engine::bank::questions()
            .iter()
            .filter(|q| progress.seen_count(q.id) == 0)
            .count(),
        mocks_done: progress
            .attempts
            .iter()
            .filter(|a| a.summary.full_timed)
            .count(),
    }
}

/// "today", "tomorrow", "in 3 days".
pub fn day_label(offset: usize) -> String {
    match offset {
        0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

#[component]
pub fn StudySchedule() -> impl IntoView {
    let progress = expect_context::<ProgressState>().0;
    let settings = expect_context::<SettingsState>().0;
    let today = engine::schedule::day_of(js_sys::Date::now());
    view! {
        <h2>"Study schedule"</h2>
        {move || {
            let exam = settings.with(|s| s.exam_date.clone());
            let plan = progress.with(|p| plan(p, today, exam.as_deref()));
            view! {
                <DueToday due=plan.due overdue=plan.overdue/>
                <Forecast counts=plan.forecast.clone() days_left=plan.days_left/>
                <DailyTarget plan=plan.clone()/>
                <WeakTasks weak=plan.weak/>
                <RatingNote/>
            }
        }}
    }
}

/// Today's reviews and the button that starts the review drill, as the practice page does.
#[component]
fn DueToday(due: usize, overdue: usize) -> impl IntoView {
    let preset = expect_context::<PracticePreset>();
    let start = move |_| {
        preset.0.set(Some(PracticeSpec {
            count: due,
            due_only: true,
            ..PracticeSpec::default()
        }));
        let _ = window().location().set_hash(&Route::Practice.href());
    };
    view! {
        <div class="drill">
            <p class="due-today">
                <strong>"Review drill: "</strong>
                {match (due, overdue) {
                    (0, _) => "nothing due today.".to_string(),
                    (n, 0) => format!("{n} question(s) due today."),
                    (n, o) => format!("{n} question(s) due today, {o} of them overdue."),
                }}
            </p>
            {(due > 0).then(|| view! { <button type="button" on:click=start>"Start the review drill"</button> })}
        </div>
    }
}

/// Reviews due per day, the days without any left out.
#[component]
fn Forecast(counts: Vec<usize>, days_left: Option<i64>) -> impl IntoView {
    let span = match days_left.filter(|d| *d > 0) {
        Some(d) if d as usize <= MAX_HORIZON => "until your exam".to_string(),
        Some(_) => format!("over the next {MAX_HORIZON} days (your exam is later)"),
        None => format!("over the next {HORIZON_WITHOUT_DATE} days"),
    };
    let total: usize = counts.iter().sum();
    view! {
        <p>{format!("Forecast {span}: {total} review(s), if you answer each right on the day it is due.")}</p>
        {(total > 0).then(|| view! {
            <ol class="forecast" aria-label=format!("Reviews due per day {span}")>
                {counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(day, n)| view! {
                    <li>{format!("{}: {n}", day_label(day))}</li>
                }).collect_view()}
            </ol>
        })}
    }
}

/// What remains beyond the daily target, when anything does: questions not met yet and the mocks the
/// readiness rule still needs.
fn beyond(plan: &Plan, days: i64) -> Option<String> {
    let mut parts = Vec::new();
    if plan.unseen > 0 {
        parts.push(format!(
            "{} question(s) you have not met yet (about {} a day to meet them all)",
            plan.unseen,
            plan.unseen.div_ceil(days.max(1) as usize)
        ));
    }
    let mocks_left = READY_RUNS.saturating_sub(plan.mocks_done);
    if mocks_left > 0 {
        parts.push(format!(
            "{mocks_left} more full timed mock exam(s) for the readiness rule ({} done)",
            plan.mocks_done
        ));
    }
    (!parts.is_empty()).then(|| format!("Beyond it: {}.", parts.join(", and ")))
}

/// The questions a day that would get through the expected reviews and the weak task statements'
/// practice before the exam, with what it covers in words.
#[component]
fn DailyTarget(plan: Plan) -> impl IntoView {
    let settings = view! { <a href=Route::Settings.href()>"Settings"</a> };
    let body = match (plan.days_left, plan.target) {
        (Some(days), Some(per_day)) => {
            let practice = plan.weak.len() * WEAK_SET;
            let weak = match plan.weak.len() {
                0 => format!(". No task statement has {MIN_ANSWERS} or more answers and under {} right yet, so it covers the reviews alone.", percent(WEAK_BELOW)),
                k => format!(", and {WEAK_SET} practice questions in each of your {k} weakest task statement(s) below ({practice} in all)."),
            };
            view! {
                <p><strong>{format!("Daily target: {per_day} question(s) a day")}</strong>{format!(" for the {days} day(s) until your exam.")}</p>
                <p>
                    {format!("It covers the {} review(s) the drill expects before then (if each is answered right when due)", plan.reviews)}
                    {weak}
                    {format!(" That is {} question(s) over {days} day(s), rounded up. A plan, not a prediction: a review you miss comes back sooner and adds to it.", plan.reviews + practice)}
                </p>
                {beyond(&plan, days).map(|text| view! { <p>{text}</p> })}
            }.into_any()
        }
        (Some(_), None) => view! {
            <p>"Your exam date is today or past, so there are no days left to plan. Set the next one in " {settings} " for a new daily target."</p>
        }.into_any(),
        (None, _) => view! {
            <p>
                "No daily target yet: set your exam date in " {settings}
                {format!(" and this turns into questions a day, the reviews expected before then plus {WEAK_SET} practice questions in each of your weakest task statements.")}
            </p>
        }.into_any(),
    };
    view! { <div class="daily-target">{body}</div> }
}

/// The weakest task statements by share of right answers, each with a practice set to start.
#[component]
fn WeakTasks(weak: Vec<TaskAnswers>) -> impl IntoView {
    let preset = expect_context::<PracticePreset>();
    (!weak.is_empty()).then(|| view! {
        <p>{format!("Weakest task statements so far ({MIN_ANSWERS} or more answers, under {} right):", percent(WEAK_BELOW))}</p>
        <ul class="weak-tasks">
            {weak.into_iter().map(|t| {
                let spec = PracticeSpec { tasks: [t.task].into_iter().collect(), count: WEAK_SET, ..PracticeSpec::default() };
                view! {
                    <li>
                        <strong>{format!("{} {}", t.task, t.task.title())}</strong>
                        {format!(": {} right over {} answers ", percent(t.share()), t.answers)}
                        <button type="button" on:click=move |_| {
                            preset.0.set(Some(spec.clone()));
                            let _ = window().location().set_hash(&Route::Practice.href());
                        }>
                            {format!("Practise {WEAK_SET} questions")}
                            <span class="sr-only">{format!(" in {}", t.task)}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    })
}

/// How an answer moves a question's next review (the ratings in `engine::schedule`).
#[component]
fn RatingNote() -> impl IntoView {
    view! {
        <p>"How an answer reschedules a question in the drill:"</p>
        <ul class="rating-note">
            <li>"wrong or blank: back the next day or soon after;"</li>
            <li>"right but marked Guessed: back sooner than after a surer answer;"</li>
            <li>"right and marked Unsure, or not marked: later;"</li>
            <li>"right and marked Sure: later still."</li>
        </ul>
        <p>{format!("A question joins the drill when you miss it or guess it, and leaves once its next review is more than {GRADUATE_DAYS} days away.")}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::progress::Seen;
    use engine::schedule::Rating;

    fn id(s: &str) -> engine::bank::QuestionId {
        s.parse().unwrap()
    }

    /// Two misses (one a day old, one three days old), and 2.3 answered right 1 time in 6.
    fn history() -> Progress {
        let mut p = Progress::default();
        p.review.record(id("1.1-001"), Rating::Again, 99);
        p.review.record(id("1.1-002"), Rating::Again, 97);
        p.seen.insert(
            id("2.3-001"),
            Seen {
                shown: 6,
                correct: 1,
            },
        );
        p
    }

    #[test]
    fn beyond_the_target_names_only_what_remains() {
        let mut p = plan(&history(), 100, None);
        p.unseen = 10;
        p.mocks_done = 2;
        assert_eq!(
            beyond(&p, 4).as_deref(),
            Some("Beyond it: 10 question(s) you have not met yet (about 3 a day to meet them all), and 3 more full timed mock exam(s) for the readiness rule (2 done).")
        );
        p.unseen = 0;
        assert!(beyond(&p, 4).unwrap().starts_with("Beyond it: 3 more"));
        p.mocks_done = READY_RUNS;
        assert_eq!(beyond(&p, 4), None, "nothing left, nothing said");
    }

    #[test]
    fn due_overdue_and_the_forecast_without_an_exam_date() {
        let p = plan(&history(), 100, None);
        assert_eq!((p.due, p.overdue), (2, 1));
        assert_eq!(p.forecast.len(), HORIZON_WITHOUT_DATE);
        assert_eq!(p.forecast[0], 2);
        assert_eq!((p.days_left, p.target, p.reviews), (None, None, 0));
        assert_eq!(p.weak.len(), 1);
        assert_eq!(p.weak[0].task.to_string(), "2.3");
    }

    #[test]
    fn the_target_spreads_reviews_and_weak_practice_over_the_days_left() {
        let h = history();
        // Day 100 is 1970-04-11.
        let p = plan(&h, 100, Some("1970-04-21"));
        assert_eq!(p.days_left, Some(10));
        assert_eq!(p.forecast.len(), 10);
        assert_eq!(p.reviews, h.review.reviews_until(100, 110));
        assert_eq!(p.target, Some((p.reviews + WEAK_SET).div_ceil(10)));
        let far = plan(&h, 100, Some("1971-01-01"));
        assert_eq!(far.forecast.len(), MAX_HORIZON);
        assert_eq!(far.reviews, h.review.reviews_until(100, 365));
    }

    #[test]
    fn an_exam_date_today_or_past_or_unreadable_gives_no_target() {
        let h = history();
        let today = plan(&h, 100, Some("1970-04-11"));
        assert_eq!((today.days_left, today.target), (Some(0), None));
        assert_eq!(today.forecast.len(), HORIZON_WITHOUT_DATE);
        assert_eq!(plan(&h, 100, Some("someday")).days_left, None);
    }

    #[test]
    fn days_are_labelled_from_today() {
        assert_eq!(day_label(0), "today");
        assert_eq!(day_label(1), "tomorrow");
        assert_eq!(day_label(12), "in 12 days");
    }
}
