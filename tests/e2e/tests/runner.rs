//! The exam screen stays put while the learner answers: focus stays on the option just chosen with
//! Space, the live region says what was chosen, each time warning is heard once, and a second tab
//! that only watches the attempt counts its time down too.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use e2e::{
    assert_clean_console, browser, click_text, dist_dir, element, open_page, start_mock, text_of,
    wait_for, Driver, StaticServer,
};
use fantoccini::{Client, Locator};

/// Focuses the `n`th option of the question on screen (as Tab would) and presses Space on it; then
/// checks the option is chosen and still has focus, and returns what the exam's live region says.
async fn choose_with_space(c: &Client, n: usize) -> String {
    let id: String = c
        .execute(
            "const input = document.querySelectorAll('.question-option input')[arguments[0]];
             input.focus(); return input.id;",
            vec![n.into()],
        )
        .await
        .expect("an option to focus")
        .as_str()
        .unwrap_or_default()
        .to_string();
    c.active_element()
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .expect("Space pressed");
    wait_for("the option to be chosen", || async {
        let checked = c
            .execute(
                "return document.getElementById(arguments[0]).checked",
                vec![id.clone().into()],
            )
            .await
            .ok()?;
        (checked == true).then_some(())
    })
    .await;
    let focus = "const e = document.activeElement; return e.id || e.tagName";
    let now = c.execute(focus, vec![]).await.unwrap();
    assert_eq!(now, id.as_str(), "focus stays on the chosen option");
    // Long enough for a rebuilt screen to show: the runner's clock ticks every second.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let still = c.execute(focus, vec![]).await.unwrap();
    assert_eq!(still, id.as_str(), "focus stays on the chosen option");
    c.execute(
        "const live = document.querySelector('.exam > [role=status]');
         return live ? live.textContent : 'no live region';",
        vec![],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_with_space_in_the_mock_keeps_focus_and_announces_the_choice() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server.url()).await;
    assert_eq!(choose_with_space(&c, 0).await, "Option A selected.");
    assert_eq!(count_answered(&c).await, 1);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_with_space_in_practice_keeps_focus_and_announces_the_choice() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(&c, &format!("{}#/practice", server.url()), "Practice").await;
    c.find(Locator::Css(".domain-group legend input"))
        .await
        .expect("a domain to practise")
        .click()
        .await
        .unwrap();
    click_text(&c, "Start practising").await;
    element(&c, ".question-card").await;
    assert_eq!(choose_with_space(&c, 0).await, "Option A selected.");
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_with_space_in_the_diagnostic_keeps_focus() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(
        &c,
        &format!("{}#/diagnostic", server.url()),
        "Free diagnostic",
    )
    .await;
    click_text(&c, "Start the diagnostic").await;
    element(&c, ".question-card").await;
    // The diagnostic has no live region of its own: the checked option speaks for itself.
    choose_with_space(&c, 0).await;
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

async fn press(c: &Client, keys: &str) {
    let el = c.active_element().await.expect("a focused element");
    el.send_keys(keys).await.expect("keys sent");
}

async fn count_answered(c: &Client) -> usize {
    e2e::count(c, ".nav-cell.answered").await
}

/// Test-only shortcut: the stored mock now ends `ms` from now; the reload resumes it in this tab.
async fn deadline_in(c: &Client, ms: u64) {
    c.execute(
        "const k = 'clf-prep/active'; const r = JSON.parse(localStorage.getItem(k));
         r.data.attempt.deadline_ms = Date.now() + arguments[0];
         localStorage.setItem(k, JSON.stringify(r)); return true;",
        vec![ms.into()],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    element(c, ".question-card").await;
}

/// Records every text the timer's live region takes (a new region with text counts as said again).
async fn listen_to_warnings(c: &Client) {
    c.execute(
        "window.said = []; let node = null, text = '';
         const look = () => {
           const n = document.querySelector('.exam-timer [role=status]');
           const t = n ? n.textContent.trim() : '';
           if (t && (n !== node || t !== text)) window.said.push(t);
           node = n; text = t;
         };
         new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
         look(); return true;",
        vec![],
    )
    .await
    .unwrap();
}

async fn warnings_said(c: &Client) -> Vec<String> {
    let said = c.execute("return window.said", vec![]).await.unwrap();
    serde_json::from_value(said).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_15_and_5_minute_warnings_are_each_announced_once() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server.url()).await;
    for (question, left_ms, warning) in [
        (2, 15 * 60_000 + 3_000, "15 minutes remaining."),
        // Resumed with both thresholds passed: the most urgent one only, never "15" after it.
        (3, 5 * 60_000 - 10_000, "5 minutes remaining."),
    ] {
        deadline_in(&c, left_ms).await;
        listen_to_warnings(&c).await;
        wait_for(warning, || async {
            (!warnings_said(&c).await.is_empty()).then_some(())
        })
        .await;
        // A fresh question each time, then the shortcuts: a choice, a change of mind and a flag
        // (each question before this one is answered and flagged in turn).
        let earlier = question - 1;
        for (key, css, want) in [
            ("n", ".nav-cell.answered", earlier - 1),
            ("1", ".nav-cell.answered", earlier),
            ("2", ".nav-cell.answered", earlier),
            ("f", ".nav-cell.flagged", earlier),
        ] {
            press(&c, key).await;
            wait_for(&format!("{key} to register"), || async {
                (e2e::count(&c, css).await == want).then_some(())
            })
            .await;
        }
        let legend = format!("Question {question} of 65");
        assert_eq!(text_of(&c, ".question-label").await, legend);
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert_eq!(warnings_said(&c).await, [warning], "said once, and only it");
    }
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

/// "1:29:55" in seconds.
fn seconds(clock: &str) -> Option<i64> {
    clock.split(':').try_fold(0, |total, part| {
        Some(total * 60 + part.parse::<i64>().ok()?)
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_tab_counts_the_time_down_from_the_shared_deadline() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server.url()).await;
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&format!("{}#/mock", server.url())).await.unwrap();
    text_of(&c, ".read-only-attempt").await;
    // The owning tab goes quiet, as a background tab does: no saves, so no storage events to redraw
    // the line here. (After six silent seconds this tab would offer to take over; we watch three.)
    c.switch_to_window(first).await.unwrap();
    c.goto("about:blank").await.unwrap();
    c.switch_to_window(second).await.unwrap();

    // A new time every second, each the stored deadline less the time now (drawn rounded up, at
    // most a second ago).
    let sample = "const line = document.querySelector('.read-only-attempt')?.textContent ?? '';
                  const r = JSON.parse(localStorage.getItem('clf-prep/active'));
                  return [line, (r.data.attempt.deadline_ms - Date.now()) / 1000];";
    let started = Instant::now();
    let mut lines: Vec<String> = vec![];
    while started.elapsed() < Duration::from_secs(3) {
        let found = c.execute(sample, vec![]).await.unwrap();
        let line = found[0].as_str().unwrap_or_default().to_string();
        let left = found[1].as_f64().unwrap_or_default();
        let shown = line
            .rsplit_once(", ")
            .and_then(|(_, tail)| seconds(tail.trim_end_matches(" left.")))
            .unwrap_or_else(|| panic!("no time left in {line:?}"));
        assert!(
            (-0.5..=2.5).contains(&(shown as f64 - left)),
            "{line:?} shows the shared deadline ({left:.1} s left)"
        );
        if lines.last() != Some(&line) {
            lines.push(line);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        lines.len() >= 3,
        "the time left ticks every second: {lines:?}"
    );
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
