//! Exam flows as a learner goes through them: a full mock answered with the keyboard alone, a reload
//! in the middle that keeps answers and time, an attempt whose time runs out while the app is
//! closed, the diagnostic, and results and review that show what was answered.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_clean_console, browser, click_text, count, dist_dir, element, submit_from_review,
    take_diagnostic, text_of, text_where, wait_for, wait_for_heading, Driver, StaticServer,
};
use fantoccini::{Client, Locator};

async fn press(c: &Client, keys: &str) {
    let el = c.active_element().await.expect("a focused element");
    el.send_keys(keys).await.expect("keys sent");
}

/// The current question's legend, e.g. "Question 3 of 65".
async fn legend(c: &Client) -> String {
    text_of(c, ".question-label").await
}

/// Answers the current question with the keyboard: the first option, or the first N for "Choose N".
async fn answer_with_keys(c: &Client) {
    let status = c.find(Locator::Css(".choose-status")).await.ok();
    let keys = match status {
        Some(s) if s.text().await.unwrap_or_default().contains("THREE") => "123",
        Some(_) => "12",
        None => "1",
    };
    press(c, keys).await;
}

async fn start_mock(c: &Client, server: &StaticServer) {
    e2e::start_mock(c, &server.url()).await;
    assert_eq!(legend(c).await, "Question 1 of 65");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_mock_taken_with_the_keyboard_reaches_results_and_review() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server).await;
    assert_eq!(count(&c, ".nav-cell").await, 65);
    assert!(
        text_of(&c, ".exam-timer").await.contains("1:30:00")
            || text_of(&c, ".exam-timer").await.contains("1:29:")
    );

    for n in 1..=65 {
        let want = format!("Question {n} of 65");
        text_where(&c, ".question-label", |t| t == want).await;
        if n == 7 {
            press(&c, "f").await;
            wait_for("the flag", || async {
                (count(&c, ".nav-cell.flagged").await == 1).then_some(())
            })
            .await;
        }
        if n != 9 {
            answer_with_keys(&c).await;
        }
        let answered = if n >= 9 { n - 1 } else { n };
        wait_for("the answer to register", || async {
            (count(&c, ".nav-cell.answered").await == answered).then_some(())
        })
        .await;
        press(&c, "n").await;
    }
    // After the last question comes the review screen: one unanswered and one flagged question.
    let review = text_of(&c, ".review-screen").await;
    assert!(
        review.contains("Unanswered (1)") && review.contains("Question 9"),
        "{review}"
    );
    assert!(
        review.contains("Flagged (1)") && review.contains("Question 7"),
        "{review}"
    );
    submit_from_review(&c).await;
    let headline = text_of(&c, ".score-number").await;
    let score: u32 = headline
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("{headline:?}"));
    assert!((100..=1000).contains(&score));
    let results = text_of(&c, "main").await;
    assert!(results.contains("15 questions were unscored"), "{results}");
    assert_eq!(
        count(&c, ".data-table tbody tr").await,
        4,
        "one row per domain"
    );

    click_text(&c, "Review every question").await;
    wait_for_heading(&c, "Review").await;
    assert_eq!(count(&c, ".review-item").await, 65);
    click_text(&c, "Unscored").await;
    wait_for("the unscored filter", || async {
        (count(&c, ".review-item").await == 15).then_some(())
    })
    .await;
    click_text(&c, "Flagged").await;
    wait_for("the flagged filter", || async {
        (count(&c, ".review-item").await == 1).then_some(())
    })
    .await;
    let flagged = text_of(&c, ".review-item").await;
    assert!(
        flagged.contains("Question 7") && flagged.contains("flagged"),
        "{flagged}"
    );
    // Every option carries its explanation in review.
    assert!(count(&c, ".review-item .option-feedback").await >= 4);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reload_mid_exam_keeps_answers_flags_and_time() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server).await;
    for n in 1..=4 {
        answer_with_keys(&c).await;
        wait_for("the answer", || async {
            (count(&c, ".nav-cell.answered").await == n).then_some(())
        })
        .await;
        if n == 2 {
            press(&c, "f").await;
        }
        press(&c, "n").await;
    }
    wait_for("question 5", || async {
        (legend(&c).await == "Question 5 of 65").then_some(())
    })
    .await;
    // Let the clock visibly run before the reload.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    c.refresh().await.unwrap();
    wait_for("the resumed attempt", || async {
        (legend(&c).await == "Question 5 of 65").then_some(())
    })
    .await;
    assert_eq!(count(&c, ".nav-cell.answered").await, 4);
    assert_eq!(count(&c, ".nav-cell.flagged").await, 1);
    let timer = text_of(&c, ".timer-value").await;
    assert!(
        timer.starts_with("1:29:") && timer != "1:29:59",
        "time left keeps running from the deadline: {timer}"
    );
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mock_whose_time_ran_out_while_closed_is_submitted_on_return() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server).await;
    answer_with_keys(&c).await;
    wait_for("the answer", || async {
        (count(&c, ".nav-cell.answered").await == 1).then_some(())
    })
    .await;
    // Test-only shortcut: move the stored deadline into the past, as if 90 minutes went by with the
    // tab closed. Everything after this is the app's real path. (Just after the start, not a second
    // before now: a deadline before the start is impossible and set aside, and the steps above can
    // take less than a second.)
    c.goto("about:blank").await.unwrap();
    c.goto(&format!("{}#/about", server.url())).await.unwrap();
    c.execute(
        r#"const k = 'clf-prep/active'; const r = JSON.parse(localStorage.getItem(k));
           r.data.attempt.deadline_ms = r.data.attempt.started_ms + 1; r.data.heartbeat_ms = 0;
           localStorage.setItem(k, JSON.stringify(r)); return true;"#,
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    wait_for_heading(&c, "Results").await;
    let results = text_of(&c, "main").await;
    assert!(
        results.contains("Time ran out, so the attempt was submitted automatically"),
        "{results}"
    );
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_diagnostic_gives_a_score_weakest_domain_and_plan() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    take_diagnostic(&c, &server.url()).await;
    let text = text_of(&c, "main").await;
    assert!(text.contains("Chance of passing a new full exam"), "{text}");
    assert!(text.contains("Your weakest domain"), "{text}");
    assert_eq!(count(&c, ".study-plan li").await, 5);
    // A plan step starts its practice set.
    c.find(Locator::Css(".study-plan button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    element(&c, ".question-card").await;
    assert!(c
        .current_url()
        .await
        .unwrap()
        .as_str()
        .ends_with("#/practice"));
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_tab_shows_the_exam_read_only_and_stays_in_sync() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server).await;
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&format!("{}#/mock", server.url())).await.unwrap();
    let line = text_of(&c, ".read-only-attempt").await;
    assert!(line.starts_with("Question 1 of 65, 0 answered"), "{line}");
    assert_eq!(
        count(&c, ".question-card").await,
        0,
        "the second tab cannot answer"
    );

    c.switch_to_window(first.clone()).await.unwrap();
    answer_with_keys(&c).await;
    wait_for("the answer", || async {
        (count(&c, ".nav-cell.answered").await == 1).then_some(())
    })
    .await;

    c.switch_to_window(second).await.unwrap();
    text_where(&c, ".read-only-attempt", |t| t.contains("1 answered")).await;
    // The learner may move the attempt here; the first tab then follows read-only.
    click_text(&c, "Continue it in this tab").await;
    element(&c, ".question-card").await;
    c.switch_to_window(first).await.unwrap();
    element(&c, ".read-only-attempt").await;
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
