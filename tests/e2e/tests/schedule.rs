//! The study schedule end to end: a question due in the review drill shows on the progress page with
//! its forecast and a daily target; the drill started from there, answered right and submitted,
//! moves it off today and onto a later day of the forecast.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_clean_console, browser, click_text, dist_dir, element, open_page, open_review_screen,
    set_exam_date, submit_from_review, text_where, wait_for, Driver, StaticServer,
};
use fantoccini::{Client, Locator};

/// A question with one right answer, so that a single click answers it right.
fn single_answer_question() -> &'static engine::bank::Question {
    engine::bank::questions()
        .iter()
        .find(|q| q.correct().count() == 1)
        .expect("a question with one right answer")
}

/// Stores a history in which `id` was missed yesterday and is due today, as the drill schedules a
/// first miss (FSRS-6's first stability and difficulty after Again). Returns today's day number.
async fn seed_a_review_due_today(c: &Client, id: &str) -> i64 {
    c.execute(
        r#"const id = arguments[0];
           const today = Math.floor(Date.now() / 864e5);
           const card = { stability: 0.212, difficulty: 6.4133, due_day: today, last_day: today - 1, reps: 1, lapses: 0 };
           const data = { attempts: [], seen: { [id]: { shown: 1, correct: 0 } }, review: { cards: { [id]: card } } };
           localStorage.setItem('clf-prep/progress', JSON.stringify({ schema: 2, data }));
           return today;"#,
        vec![id.into()],
    )
    .await
    .expect("the history stored")
    .as_i64()
    .expect("today's day number")
}

/// The forecast's entries, such as "today: 1".
async fn forecast(c: &Client) -> Vec<String> {
    let mut texts = Vec::new();
    for li in c.find_all(Locator::Css(".forecast li")).await.unwrap() {
        texts.push(li.text().await.unwrap());
    }
    texts
}

/// The stored card of `id`: (due day, last review day).
async fn stored_card(c: &Client, id: &str) -> (i64, i64) {
    let card = c
        .execute(
            "const r = JSON.parse(localStorage.getItem('clf-prep/progress'));
             const card = r.data.review.cards[arguments[0]];
             return card ? [card.due_day, card.last_day] : null;",
            vec![id.into()],
        )
        .await
        .unwrap();
    (card[0].as_i64().unwrap(), card[1].as_i64().unwrap())
}

/// Chooses the right option of the drill's question: the active attempt's stored option order
/// says where its right answer is shown.
async fn answer_right(c: &Client, question: &engine::bank::Question) {
    element(c, ".question-card").await;
    let order = wait_for("the drill's question stored", || async {
        let order = c
            .execute(
                "const r = JSON.parse(localStorage.getItem('clf-prep/active') || 'null');
                 const item = r && r.data.attempt.items[0];
                 return item ? [item.id, item.order, r.data.attempt.items.length] : null;",
                vec![],
            )
            .await
            .ok()?;
        order.is_array().then_some(order)
    })
    .await;
    assert_eq!(
        order[0],
        question.id.to_string().as_str(),
        "the drill asks the due question"
    );
    assert_eq!(order[2], 1, "and only that one");
    let right = question.correct().next().unwrap() as u64;
    let shown = order[1]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a.as_u64() == Some(right))
        .expect("the right option is shown");
    c.find_all(Locator::Css(".question-option input"))
        .await
        .unwrap()[shown]
        .click()
        .await
        .expect("the right option takes the click");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_review_that_reschedules() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    let question = single_answer_question();
    let id = question.id.to_string();

    set_exam_date(&c, &server.url(), 10).await;
    let today = seed_a_review_due_today(&c, &id).await;
    c.refresh().await.unwrap();
    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;
    text_where(&c, ".due-today", |t| t.contains("1 question(s) due today.")).await;
    assert_eq!(
        forecast(&c).await.first().map(String::as_str),
        Some("today: 1")
    );
    let target = text_where(&c, ".daily-target", |t| t.contains("Daily target")).await;
    assert!(
        target.contains("for the 10 day(s) until your exam") && target.contains("reviews alone"),
        "{target}"
    );

    click_text(&c, "Start the review drill").await;
    answer_right(&c, question).await;
    click_text(&c, "Check answer").await;
    element(&c, ".option-feedback").await;
    open_review_screen(&c).await;
    submit_from_review(&c).await;

    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;
    text_where(&c, ".due-today", |t| t.contains("nothing due today")).await;
    let (due_day, last_day) = stored_card(&c, &id).await;
    assert_eq!(last_day, today, "the review counted today");
    assert!(due_day > today, "and moved the question to a later day");
    let later = format!(
        "{}: 1",
        if due_day == today + 1 {
            "tomorrow".to_string()
        } else {
            format!("in {} days", due_day - today)
        }
    );
    let days = forecast(&c).await;
    assert_eq!(
        days.first(),
        Some(&later),
        "the forecast shows it then: {days:?}"
    );
    assert!(days.iter().all(|d| !d.starts_with("today")), "{days:?}");
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
