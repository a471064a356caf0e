//! What a learner does, in steps several tests share: clicking a control by its words, starting a
//! mock, reviewing and submitting, taking the whole diagnostic, setting the exam date, importing a
//! file, and waiting for the service worker to take the page over.

use fantoccini::{Client, Locator};

use crate::{element, open_page, text_where, wait_for, wait_for_heading};

/// Clicks the button or link whose text contains `text`.
pub async fn click_text(client: &Client, text: &str) {
    let xpath = format!("//*[self::button or self::a][contains(., '{text}')]");
    let el = wait_for(&format!("a control reading {text:?}"), || async {
        client.find(Locator::XPath(&xpath)).await.ok()
    })
    .await;
    el.click().await.expect("the control takes the click");
}

/// From a question of the exam: open its "Review & submit" screen.
pub async fn open_review_screen(client: &Client) {
    click_text(client, "Review & submit").await;
    element(client, ".review-screen").await;
}

/// From the exam's "Review & submit" screen: submit, confirm, and land on the results.
pub async fn submit_from_review(client: &Client) {
    click_text(client, "Submit…").await;
    click_text(client, "Submit and see results").await;
    wait_for_heading(client, "Results").await;
}

/// Opens the mock page and starts a mock exam.
pub async fn start_mock(client: &Client, app_url: &str) {
    open_page(client, &format!("{app_url}#/mock"), "Mock exam").await;
    click_text(client, "Start the mock exam").await;
    element(client, ".question-card").await;
}

/// Takes the whole diagnostic choosing the first option(s) each time, and lands on its results.
pub async fn take_diagnostic(client: &Client, app_url: &str) {
    open_page(client, &format!("{app_url}#/diagnostic"), "Free diagnostic").await;
    click_text(client, "Start the diagnostic").await;
    for n in 1..=10 {
        let want = format!("Question {n} of 10");
        text_where(client, ".question-label", |legend| legend == want).await;
        let inputs = client
            .find_all(Locator::Css(".question-option input"))
            .await
            .expect("the options");
        let needed = if client.find(Locator::Css(".choose-status")).await.is_ok() {
            2
        } else {
            1
        };
        for input in inputs.into_iter().take(needed) {
            input.click().await.expect("an option takes the click");
        }
        client
            .find(Locator::Css("main .exam-actions button.primary"))
            .await
            .expect("the next button")
            .click()
            .await
            .expect("next");
    }
    wait_for_heading(client, "Results").await;
}

/// Sets the exam date on the settings page to `days_ahead` days from today (UTC, as the app counts
/// days) and waits until it is saved; returns the date as stored, `YYYY-MM-DD`.
pub async fn set_exam_date(client: &Client, app_url: &str, days_ahead: u32) -> String {
    open_page(client, &format!("{app_url}#/settings"), "Settings").await;
    element(client, "#exam-date").await;
    // The date picker's typing differs by locale; the value and its change event are what it sends.
    let date = client
        .execute(
            "const day = Math.floor(Date.now() / 864e5) + arguments[0];
             const date = new Date(day * 864e5).toISOString().slice(0, 10);
             const input = document.getElementById('exam-date');
             input.value = date;
             input.dispatchEvent(new Event('change', { bubbles: true }));
             return date;",
            vec![days_ahead.into()],
        )
        .await
        .expect("the exam date set")
        .as_str()
        .unwrap_or_default()
        .to_string();
    wait_for("the exam date to be saved", || async {
        let stored = client
            .execute("return localStorage.getItem('clf-prep/settings')", vec![])
            .await
            .ok()?;
        stored.as_str()?.contains(&date).then_some(())
    })
    .await;
    date
}

/// Writes `text` to a file of this test run's own, for the browser to read.
pub fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("clf-e2e-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

/// Chooses `path` in the progress page's "Import from a file" control.
pub async fn import_file(client: &Client, path: &std::path::Path) {
    let input = client.find(Locator::Css("#import-file")).await.unwrap();
    input.send_keys(&path.display().to_string()).await.unwrap();
}

/// Waits until the service worker controls the page (offline use starts from there).
pub async fn wait_for_service_worker(client: &Client) {
    wait_for("the service worker to control the page", || async {
        let controlled = client
            .execute(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
                vec![],
            )
            .await
            .ok()?;
        controlled.as_bool().filter(|&b| b).map(|_| ())
    })
    .await;
}
