//! Data that cannot be lost or lie, the way a learner meets it: two real tabs filing attempts keep
//! both; an import claiming an impossible score, or too large for storage, is refused with nothing
//! changed; a mock whose time runs out while the learner reads another page is submitted there.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Duration;

use e2e::{
    assert_clean_console, browser, dist_dir, import_file, open_page, start_mock, take_diagnostic,
    temp_file, text_where, wait_for, wait_for_heading, Driver, StaticServer,
};
use fantoccini::{Client, Locator};

/// The attempts stored in this origin's progress record.
async fn stored_attempts(c: &Client) -> usize {
    c.execute(
        "const p = JSON.parse(localStorage.getItem('clf-prep/progress') || '{\"data\":{}}'); return (p.data.attempts || []).length",
        vec![],
    )
    .await
    .unwrap()
    .as_u64()
    .unwrap_or(0) as usize
}

async fn history_rows(c: &Client) -> usize {
    c.find_all(Locator::Css("table.attempts tbody tr"))
        .await
        .map(|r| r.len())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_filing_attempts_keep_both() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    let progress = format!("{}#/progress", server.url());
    open_page(&c, &progress, "Progress").await;
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    open_page(&c, &progress, "Progress").await;

    // Tab one files a diagnostic while tab two sits on its (now stale) history.
    c.switch_to_window(first.clone()).await.unwrap();
    take_diagnostic(&c, &server.url()).await;
    c.switch_to_window(second.clone()).await.unwrap();
    take_diagnostic(&c, &server.url()).await;
    assert_eq!(
        stored_attempts(&c).await,
        2,
        "tab two's save kept tab one's attempt"
    );

    for tab in [second, first] {
        c.switch_to_window(tab).await.unwrap();
        open_page(&c, &progress, "Progress").await;
        wait_for("both attempts in this tab's history", || async {
            (history_rows(&c).await == 2).then_some(())
        })
        .await;
    }
    assert_eq!(stored_attempts(&c).await, 2);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

/// An export file whose progress record holds one mock summary saying `scaled`, without the answers
/// it would have to be computed from.
fn file_claiming(scaled: u16) -> String {
    let summary = serde_json::json!({
        "id": "mock-claimed", "mode": "Mock", "started_ms": 1.7e12, "time_used_ms": 60000.0,
        "timed_out": false, "full_timed": true, "items": 65, "scored_items": 50,
        "correct_scored": 50, "scaled": scaled, "low": 900, "high": 1000, "p_pass": 7.5,
        "theta": 3.0, "theta_sd": 0.3, "domains": []
    });
    serde_json::json!({
        "format": "clf-prep-export",
        "version": 1,
        "records": {
            "clf-prep/progress": {
                "schema": 1,
                "data": { "attempts": [{ "summary": summary, "detail": null }] }
            }
        }
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn imports_with_impossible_scores_or_too_large_for_storage_change_nothing() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    take_diagnostic(&c, &server.url()).await;
    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;

    let boasting = temp_file("boasting.json", &file_claiming(5000));
    import_file(&c, &boasting).await;
    let said = text_where(&c, ".transfer-message", |t| {
        t.contains("Nothing was changed")
    })
    .await;
    assert!(said.contains("mock-claimed"), "{said}");

    // Well-formed JSON, but more than this browser's storage could ever hold.
    let padding = "x".repeat(5_200_000);
    let huge = file_claiming(800).replace(
        "\"version\":1",
        &format!("\"version\":1,\"note\":\"{padding}\""),
    );
    let huge_file = temp_file("huge.json", &huge);
    import_file(&c, &huge_file).await;
    let said = text_where(&c, ".transfer-message", |t| t.contains("storage holds")).await;
    assert!(said.contains("Nothing was changed"), "{said}");

    assert_eq!(
        stored_attempts(&c).await,
        1,
        "the learner's own diagnostic is intact"
    );
    for f in [boasting, huge_file] {
        let _ = std::fs::remove_file(f);
    }
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mock_that_runs_out_while_the_learner_reads_about_is_submitted() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server.url()).await;
    // The stored attempt now ends in four seconds; the reload resumes it in this same tab.
    c.execute(
        "const r = JSON.parse(localStorage.getItem('clf-prep/active')); r.data.attempt.deadline_ms = Date.now() + 4000; localStorage.setItem('clf-prep/active', JSON.stringify(r)); return true;",
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    open_page(&c, &format!("{}#/about", server.url()), "About this app").await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    wait_for_heading(&c, "Results").await;
    text_where(&c, "main", |t| t.contains("Time ran out")).await;
    assert_eq!(stored_attempts(&c).await, 1);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
