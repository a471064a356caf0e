//! The Lighthouse gate: performance, accessibility and best practices each score at least 0.95 on
//! the home page, a mock exam in progress and the results of a submitted attempt.
//!
//! The state is prepared through WebDriver in a Chromium that also listens for DevTools; Lighthouse
//! then opens its own tab in that browser. Lighthouse's storage reset empties the HTTP cache, the
//! service worker and its caches before each run (a cold load) but keeps `localStorage`, where the
//! attempt lives. The server compresses with gzip as real static hosts do.
//!
//! Lighthouse runs with its desktop preset (simulated 10 Mbit/s, 40 ms, no CPU slowdown). The mobile
//! profile's figures are a benchmark, printed by `./x bench`, not a gate.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use e2e::{
    browser_with_args, dist_dir, free_port, open_review_screen, start_mock, submit_from_review,
    Driver, StaticServer,
};
use fantoccini::Client;
use serde_json::Value;

const CATEGORIES: [&str; 3] = ["performance", "accessibility", "best-practices"];
const THRESHOLD: f64 = 0.95;

/// Lighthouse's desktop run of the three categories.
async fn lighthouse(url: &str, port: u16, name: &str) -> Value {
    let args = [
        format!("--only-categories={}", CATEGORIES.join(",")),
        "--preset=desktop".to_string(),
    ];
    e2e::lighthouse(url, port, name, &args).await
}

/// The three scores of a report, and for each category under the threshold the audits that cost
/// points (weighted first), so a failure says what to fix.
fn judge(name: &str, report: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let scores: Vec<String> = CATEGORIES
        .iter()
        .map(|id| {
            let score = report["categories"][id]["score"].as_f64();
            format!(
                "{id} {}",
                score.map_or("none".to_string(), |s| format!("{s:.2}"))
            )
        })
        .collect();
    let metrics: Vec<String> = [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
    ]
    .iter()
    .map(|id| {
        let audit = &report["audits"][id];
        format!(
            "{} {}",
            id.split('-')
                .map(|w| &w[..1])
                .collect::<String>()
                .to_uppercase(),
            audit["displayValue"].as_str().unwrap_or("?")
        )
    })
    .collect();
    println!("{name}: {} ({})", scores.join(", "), metrics.join(", "));

    for id in CATEGORIES {
        let category = &report["categories"][id];
        let score = category["score"].as_f64().unwrap_or(0.0);
        if score >= THRESHOLD {
            continue;
        }
        let mut lost: Vec<(f64, String)> = category["auditRefs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| {
                let audit = &report["audits"][r["id"].as_str()?];
                let s = audit["score"].as_f64()?;
                let weight = r["weight"].as_f64().unwrap_or(0.0);
                (s < 1.0 && (weight > 0.0 || s < 0.9)).then(|| {
                    (
                        weight,
                        format!(
                            "  {} (score {s:.2}, weight {weight}): {}{}",
                            r["id"].as_str().unwrap_or_default(),
                            audit["title"].as_str().unwrap_or_default(),
                            audit["displayValue"]
                                .as_str()
                                .map(|v| format!(" — {v}"))
                                .unwrap_or_default()
                        ),
                    )
                })
            })
            .collect();
        lost.sort_by(|a, b| b.0.total_cmp(&a.0));
        failures.push(format!(
            "{name}: {id} {score:.2} < {THRESHOLD}\n{}",
            lost.into_iter()
                .map(|(_, line)| line)
                .collect::<Vec<_>>()
                .join("\n")
        ));
    }
    failures
}

/// Takes the WebDriver tab off the app (to a missing file on the same origin, which runs no app
/// but can still read the origin's storage), so only Lighthouse's tab runs it.
async fn leave_app(c: &Client, server: &StaticServer) {
    c.goto(&format!("{}not-the-app", server.url()))
        .await
        .expect("a page off the app");
}

/// The attempt in progress as stored: (owner tab, milliseconds since its last heartbeat).
async fn stored_attempt(c: &Client) -> Option<(String, f64)> {
    let record = c
        .execute(
            "const r = JSON.parse(localStorage.getItem('clf-prep/active') || 'null');
             return r && [r.data.owner, Date.now() - r.data.heartbeat_ms];",
            vec![],
        )
        .await
        .expect("the stored attempt");
    Some((record[0].as_str()?.to_string(), record[1].as_f64()?))
}

#[tokio::test(flavor = "multi_thread")]
async fn home_exam_and_results_score_at_least_095_in_lighthouse() {
    let started = Instant::now();
    let server = StaticServer::start_gzip(dist_dir(), "/prep/");
    let driver = Driver::start();
    let port = free_port();
    let c = browser_with_args(&driver, &[format!("--remote-debugging-port={port}")]).await;
    let mut failures = Vec::new();

    // The home page, as a first visitor sees it.
    failures.extend(judge(
        "home",
        &lighthouse(&server.url(), port, "home").await,
    ));

    // The results of a submitted mock.
    start_mock(&c, &server.url()).await;
    open_review_screen(&c).await;
    submit_from_review(&c).await;
    let results = c.current_url().await.expect("the results URL").to_string();
    assert!(results.contains("#/results/"), "{results}");
    leave_app(&c, &server).await;
    failures.extend(judge(
        "results",
        &lighthouse(&results, port, "results").await,
    ));

    // A mock in progress. Lighthouse's tab is a new tab: it gets the exam itself (not the read-only
    // "open in another tab" view) once the WebDriver tab has left and its lease has run out.
    start_mock(&c, &server.url()).await;
    c.active_element()
        .await
        .expect("a focused element")
        .send_keys("1")
        .await
        .expect("an answer");
    let tab: String = c
        .execute(
            "return JSON.parse(sessionStorage.getItem('clf-prep/tab'));",
            vec![],
        )
        .await
        .expect("this tab's id")
        .as_str()
        .expect("a tab id")
        .to_string();
    leave_app(&c, &server).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (owner, silence) = stored_attempt(&c).await.expect("the attempt in progress");
        assert_eq!(owner, tab, "the WebDriver tab owns the attempt");
        // The app's OWNER_TIMEOUT_MS (src/store/active.rs) is 6 s; half a second more for margin.
        if silence > 6_500.0 {
            break;
        }
        assert!(Instant::now() < deadline, "the heartbeat did not stop");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let exam = lighthouse(&format!("{}#/mock", server.url()), port, "exam").await;
    let (owner, _) = stored_attempt(&c)
        .await
        .expect("the attempt is still in progress");
    assert_ne!(
        owner, tab,
        "Lighthouse's tab should have taken the attempt over and shown the exam"
    );
    failures.extend(judge("exam", &exam));

    c.close().await.expect("the session closes");
    println!(
        "lighthouse gate: {:.0} s in all",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "Lighthouse scores under {THRESHOLD}:\n{}",
        failures.join("\n")
    );
}

/// The gzip the gate relies on: the wasm comes compressed to a browser that accepts gzip, decodes to
/// the very file, and comes as it is to one that does not.
#[test]
fn the_gzip_server_compresses_the_wasm_for_browsers_that_accept_it() {
    use std::io::{Read, Write};
    let dist = dist_dir();
    let wasm = std::fs::read_dir(&dist)
        .expect("dist/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|name| name.ends_with(".wasm"))
        .expect("a wasm file in dist/");
    let raw = std::fs::read(dist.join(&wasm)).expect("the wasm");
    let server = StaticServer::start_gzip(dist, "/prep/");
    let get = |accept: &str| {
        let mut stream =
            std::net::TcpStream::connect(("127.0.0.1", server.port)).expect("the server");
        write!(
            stream,
            "GET /prep/{wasm} HTTP/1.1\r\nHost: 127.0.0.1\r\n{accept}\r\n"
        )
        .expect("a request");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("a response");
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        (
            String::from_utf8_lossy(&response[..split]).to_lowercase(),
            response[split + 4..].to_vec(),
        )
    };
    let (head, body) = get("Accept-Encoding: gzip, deflate, br\r\n");
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(
        body.len() < raw.len() / 2,
        "{} of {}",
        body.len(),
        raw.len()
    );
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&body[..])
        .read_to_end(&mut decoded)
        .expect("valid gzip");
    assert!(decoded == raw, "the decoded wasm differs from the file");
    let (head, body) = get("");
    assert!(!head.contains("content-encoding"), "{head}");
    assert!(body == raw);
}
