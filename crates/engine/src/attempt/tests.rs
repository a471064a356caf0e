//! The rules of answering, the clock and the checks on stored attempts, each proved on the real bank.

use super::*;
use crate::bank::questions;

fn first(kind_multiple: bool) -> Option<&'static crate::bank::Question> {
    let found = questions()
        .iter()
        .find(|q| matches!(q.kind, Kind::Multiple(_)) == kind_multiple);
    assert!(found.is_some(), "the bank must hold both kinds of question");
    found
}

fn attempt_with(q: &'static crate::bank::Question) -> Attempt {
    let order = (0..q.options.len() as u8).map(Authored).collect();
    Attempt::new(
        AttemptId::parse("t").unwrap(),
        Mode::Mock,
        vec![AttemptItem {
            id: q.id,
            scored: true,
            order,
        }],
        0.0,
        Some(90),
    )
}

#[test]
fn single_answer_swaps_its_choice() {
    let Some(q) = first(false) else { return };
    let mut a = attempt_with(q);
    assert_eq!(a.toggle(0, Authored(1)), Toggle::Chosen);
    assert_eq!(a.toggle(0, Authored(2)), Toggle::Chosen);
    assert_eq!(a.responses[0].chosen, vec![Authored(2)]);
    assert_eq!(a.toggle(0, Authored(2)), Toggle::Cleared);
    assert!(a.responses[0].chosen.is_empty());
}

#[test]
fn multiple_response_refuses_more_than_n_choices() {
    let Some(q) = first(true) else { return };
    let n = q.kind.choose() as u8;
    let mut a = attempt_with(q);
    for o in 0..n {
        assert_eq!(a.toggle(0, Authored(o)), Toggle::Chosen);
    }
    assert_eq!(a.toggle(0, Authored(n)), Toggle::Full);
    assert_eq!(a.responses[0].chosen.len(), n as usize);
    assert_eq!(a.toggle(0, Authored(0)), Toggle::Cleared);
    assert_eq!(a.toggle(0, Authored(n)), Toggle::Chosen);
}

#[test]
fn choosing_unstrikes_and_submitted_attempts_are_locked() {
    let Some(q) = first(false) else { return };
    let mut a = attempt_with(q);
    a.toggle_strike(0, Authored(3));
    assert_eq!(a.responses[0].struck, vec![Authored(3)]);
    a.toggle(0, Authored(3));
    assert!(a.responses[0].struck.is_empty());
    a.submit(1000.0, false);
    assert_eq!(a.toggle(0, Authored(1)), Toggle::Locked);
    assert_eq!(a.responses[0].chosen, vec![Authored(3)]);
}

#[test]
fn time_is_booked_per_question_and_stops_at_the_deadline() {
    let Some(q) = first(false) else { return };
    let mut a = attempt_with(q);
    a.items.push(a.items[0].clone());
    a.responses.push(Response::default());
    a.go(1, 30_000.0);
    a.go(0, 50_000.0);
    assert_eq!(a.responses[0].time_ms, 30_000.0);
    assert_eq!(a.responses[1].time_ms, 20_000.0);
    let deadline = 90.0 * 60_000.0;
    assert_eq!(a.remaining_ms(deadline - 1.0), Some(1.0));
    assert!(a.is_expired(deadline));
    a.submit(deadline + 600_000.0, true);
    assert_eq!(a.submitted_ms, Some(deadline));
    assert_eq!(a.time_used_ms(0.0), deadline);
    assert!(a.timed_out);
}

#[test]
fn warnings_come_once_each_at_15_and_5_minutes() {
    let Some(q) = first(false) else { return };
    let a = attempt_with(q);
    let at = |minutes_left: f64| 90.0 * 60_000.0 - minutes_left * 60_000.0;
    assert_eq!(a.due_warning(at(20.0), &[]), None);
    assert_eq!(a.due_warning(at(14.0), &[]), Some(15));
    assert_eq!(a.due_warning(at(14.0), &[15]), None);
    assert_eq!(a.due_warning(at(4.0), &[15]), Some(5));
    // Returning after both thresholds passed gives the most urgent one, and only it.
    assert_eq!(a.due_warning(at(4.0), &[]), Some(5));
    assert_eq!(a.due_warning(at(4.0), &[5]), None);
}

#[test]
fn a_stored_attempt_with_impossible_contents_is_refused() {
    let Some(q) = first(false) else { return };
    let now = 1_800_000_000_000.0;
    let mut good = attempt_with(q);
    good.mode = Mode::Practice;
    good.started_ms = now - 60_000.0;
    good.entered_ms = good.started_ms;
    good.deadline_ms = None;
    assert_eq!(good.check(now), Ok(()));
    type Breakage = (&'static str, fn(&mut Attempt), Fault);
    let broken: Vec<Breakage> = vec![
        (
            "fewer responses",
            |a| a.responses.clear(),
            Fault::ResponseCount {
                items: 1,
                responses: 0,
            },
        ),
        (
            "order repeats",
            |a| a.items[0].order[1] = a.items[0].order[0],
            Fault::BadOrder(a_id()),
        ),
        (
            "order too short",
            |a| {
                a.items[0].order.pop();
            },
            Fault::BadOrder(a_id()),
        ),
        (
            "choice out of range",
            |a| a.responses[0].chosen = vec![Authored(9)],
            Fault::BadChoice(a_id()),
        ),
        (
            "struck out of range",
            |a| a.responses[0].struck = vec![Authored(200)],
            Fault::BadChoice(a_id()),
        ),
        (
            "current out of range",
            |a| a.current = 3,
            Fault::CurrentOutOfRange(3),
        ),
        (
            "future",
            |a| a.started_ms += 10.0 * 86_400_000.0,
            Fault::InTheFuture,
        ),
        (
            "not finite",
            |a| a.started_ms = f64::NAN,
            Fault::BadTime("start"),
        ),
        (
            "ends before it starts",
            |a| a.submitted_ms = Some(1.0),
            Fault::BadTime("end"),
        ),
        (
            "unknown question",
            |a| a.items[0].id = "4.3-999".parse().unwrap(),
            Fault::UnknownQuestion("4.3-999".parse().unwrap()),
        ),
        (
            "a mock of one question",
            |a| a.mode = Mode::Mock,
            Fault::NotAMockForm,
        ),
    ];
    fn a_id() -> QuestionId {
        first(false).map(|q| q.id).unwrap()
    }
    for (what, breaks, fault) in broken {
        let mut a = good.clone();
        breaks(&mut a);
        assert_eq!(a.check(now), Err(fault), "{what}");
    }
}

#[test]
fn accommodation_adds_thirty_minutes() {
    assert_eq!(mock_minutes(false), 90);
    assert_eq!(mock_minutes(true), 120);
}
