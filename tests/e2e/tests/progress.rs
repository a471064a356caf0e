//! History and data safety as a learner uses them: a finished mock shows on the progress page with
//! its chart and row; export then import (after a reset) round-trips exactly; a hostile import file
//! is refused and its text shown inert.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_clean_console, browser, click_text, count, dist_dir, import_file, open_page, start_mock,
    submit_from_review, temp_file, text_of, text_where, wait_for, wait_for_heading, Driver,
    StaticServer,
};
use fantoccini::Client;

async fn stored_progress(c: &Client) -> String {
    c.execute("return localStorage.getItem('clf-prep/progress')", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn finish_a_quick_mock(c: &Client, server: &StaticServer) {
    // Submit with everything blank: the attempt still counts, with every question wrong.
    start_mock(c, &server.url()).await;
    click_text(c, "Review & submit").await;
    submit_from_review(c).await;
}

/// The path of the first place two JSON values differ, with both sides shortened.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value::{Array, Object};
    match (a, b) {
        (Object(x), Object(y)) => {
            let keys: std::collections::BTreeSet<_> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, &format!("{path}.{k}")),
                _ => Some(format!("{path}.{k} is missing on one side")),
            })
        }
        (Array(x), Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => {
            let short = |v: &serde_json::Value| v.to_string().chars().take(120).collect::<String>();
            Some(format!("{path}: {} vs {}", short(a), short(b)))
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn history_renders_and_export_import_round_trips_exactly() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    finish_a_quick_mock(&c, &server).await;
    finish_a_quick_mock(&c, &server).await;

    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;
    assert_eq!(count(&c, "svg.trend-chart .trend-point").await, 2);
    assert_eq!(count(&c, "table.attempts tbody tr").await, 2);
    let readiness = text_of(&c, ".readiness").await;
    assert!(
        readiness.contains("Not ready yet") && readiness.contains("Take 3 more"),
        "{readiness}"
    );

    // Export, capturing the file the page hands to the browser.
    c.execute(
        "window.__exports = []; const make = URL.createObjectURL; URL.createObjectURL = b => { window.__exports.push(b); return make.call(URL, b); }; return true;",
        vec![],
    )
    .await
    .unwrap();
    click_text(&c, "Export progress").await;
    let exported = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.__exports[0].text().then(done);",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    let before = stored_progress(&c).await;
    assert!(exported.contains("clf-prep-export"));

    // Reset everything, then import the file and replace.
    open_page(&c, &format!("{}#/settings", server.url()), "Settings").await;
    click_text(&c, "Reset everything").await;
    click_text(&c, "Yes, delete everything").await;
    c.goto(&format!("{}#/progress", server.url()))
        .await
        .unwrap();
    c.refresh().await.unwrap();
    wait_for_heading(&c, "Progress").await;
    assert_eq!(count(&c, "table.attempts tbody tr").await, 0);

    let file = temp_file("export.json", &exported);
    import_file(&c, &file).await;
    text_where(&c, ".transfer-message", |t| t.contains("The file is valid")).await;
    click_text(&c, "Replace my progress").await;
    wait_for("the imported history", || async {
        (count(&c, "table.attempts tbody tr").await == 2).then_some(())
    })
    .await;
    let after = wait_for("the saved import", || async {
        let now = stored_progress(&c).await;
        (!now.is_empty()).then_some(now)
    })
    .await;
    let as_json = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    assert_eq!(
        first_difference(&as_json(&after), &as_json(&before), "$"),
        None,
        "the imported record equals the exported one"
    );
    let _ = std::fs::remove_file(file);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_import_is_refused_and_shown_as_inert_text() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;
    let payload = "<img src=x onerror=\\\"window.__pwned=1\\\">";
    let hostile = format!(
        r#"{{"format":"clf-prep-export","version":1,"records":{{"{payload}":{{"schema":1,"data":{{}}}}}}}}"#
    );
    let file = temp_file("hostile.json", &hostile);
    import_file(&c, &file).await;
    let message = text_where(&c, ".transfer-message", |t| {
        t.contains("Nothing was changed")
    })
    .await;
    assert!(
        message.contains("<img src=x onerror="),
        "the payload is shown literally: {message}"
    );
    assert_eq!(
        count(&c, ".transfer-message img").await,
        0,
        "no element was created from the file"
    );
    let pwned = c
        .execute("return window.__pwned === undefined", vec![])
        .await
        .unwrap();
    assert_eq!(pwned.as_bool(), Some(true), "no script ran");

    let truncated = temp_file(
        "truncated.json",
        r#"{"format":"clf-prep-export","version":1,"records":{"clf-prep/progress":{"sch"#,
    );
    import_file(&c, &truncated).await;
    text_where(&c, ".transfer-message", |t| t.contains("not valid JSON")).await;
    let _ = std::fs::remove_file(file);
    let _ = std::fs::remove_file(truncated);
    c.close().await.unwrap();
}
