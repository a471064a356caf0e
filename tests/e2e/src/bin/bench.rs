//! `./x bench`, browser part: one headless-Chromium run that measures load time against a plain HTML
//! page showing the same first question (same server), answer-to-feedback latency in practice, and
//! memory after a full mock; byte sizes come from `tools/sizes.mjs` and engine timings from the
//! engine bench (both passed in by `./x bench`). Prints a table and one JSON object on the last line.
//! Figures only: nothing here passes or fails on time.

use std::path::PathBuf;

use e2e::{browser, click_text, start_mock, submit_from_review, Driver, StaticServer};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};

/// Loads of each page, interleaved (app, snapshot, bare question) so that drifting load on a shared
/// machine hits all three alike.
const LOAD_RUNS: usize = 11;
const FEEDBACK_RUNS: usize = 30;

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or(f64::NAN)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The bare question: its stem and options as unstyled HTML, nothing else. Printed for comparison.
fn bare_question_html(id: &str) -> String {
    let q = engine::bank::find(id.parse().expect("a question id")).expect("the question");
    let options: String = q
        .options
        .iter()
        .map(|o| {
            format!(
                "<li><label><input type=\"radio\" name=\"q\"> {}</label></li>",
                escape(o.text)
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Baseline</title><link rel=\"icon\" href=\"icon-192.png\"></head><body><main><h1>Question {id}</h1><fieldset class=\"question-card\"><p>{}</p><ol>{options}</ol></fieldset></main></body></html>",
        escape(q.stem)
    )
}

/// The static baseline: the app's own first-question page as the browser rendered it (same markup,
/// same stylesheet) saved as plain HTML without scripts, so the ratio measures what running the app
/// costs over serving that page prebuilt, not what its layout and styles cost.
async fn static_snapshot(driver: &Driver, url: &str) -> String {
    let c = browser(driver).await;
    c.goto(url).await.unwrap();
    e2e::text_of(&c, ".question-card").await;
    let html = c
        .execute(
            "const doc = document.documentElement.cloneNode(true);
             doc.querySelectorAll('script, link[rel=preload], link[rel=modulepreload]').forEach(e => e.remove());
             return '<!doctype html>' + doc.outerHTML;",
            vec![],
        )
        .await
        .expect("the rendered page");
    c.close().await.unwrap();
    let html = html.as_str().expect("HTML text").to_owned();
    assert!(
        html.contains("question-card") && !html.contains("<script"),
        "the snapshot holds the question and no script"
    );
    html
}

/// Largest contentful paint of the current page, in milliseconds from navigation start.
async fn lcp(c: &Client) -> f64 {
    let v = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             new PerformanceObserver(list => { const e = list.getEntries(); done(e[e.length - 1].startTime); })
               .observe({ type: 'largest-contentful-paint', buffered: true });",
            vec![],
        )
        .await
        .expect("an LCP entry");
    v.as_f64().unwrap_or(f64::NAN)
}

async fn load_once(driver: &Driver, url: &str) -> Load {
    // A fresh profile each time: a first visit, no service worker, nothing cached.
    let c = browser(driver).await;
    c.goto(url).await.unwrap();
    e2e::text_of(&c, "main h1").await;
    if c.find(Locator::Css(".question-card")).await.is_err() {
        let source = c.source().await.unwrap_or_default();
        panic!(
            "no question at {url}: {}",
            &source[..source.len().min(2000)]
        );
    }
    let t = lcp(&c).await;
    // Where the time went: the module downloaded, the app started and mounted, the first paint.
    let marks = c
        .execute(
            "const wasm = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm'));
             const fcp = performance.getEntriesByName('first-contentful-paint')[0];
             const m = n => (performance.getEntriesByName(n)[0] || {}).startTime;
             return [wasm ? wasm.responseEnd : null, fcp ? fcp.startTime : null, m('clf-start'), m('clf-mounted')];",
            vec![],
        )
        .await
        .unwrap_or_default();
    let mark = |i: usize| marks[i].as_f64().unwrap_or(f64::NAN);
    c.close().await.unwrap();
    Load {
        lcp: t,
        wasm_loaded: mark(0),
        fcp: mark(1),
        started: mark(2),
        mounted: mark(3),
    }
}

/// One page load's timings, in milliseconds from navigation start.
struct Load {
    lcp: f64,
    wasm_loaded: f64,
    fcp: f64,
    started: f64,
    mounted: f64,
}

async fn feedback_latencies(c: &Client, base: &str) -> Vec<f64> {
    c.goto(&format!("{base}#/practice")).await.unwrap();
    e2e::element(c, ".domain-group input")
        .await
        .click()
        .await
        .unwrap();
    c.find(Locator::Css("#practice-count"))
        .await
        .unwrap()
        .select_by_value("30")
        .await
        .unwrap();
    click_text(c, "Start practising").await;
    let mut times = Vec::new();
    for _ in 0..FEEDBACK_RUNS {
        e2e::element(c, ".question-card").await;
        // Choose with the keyboard, as a learner may: the sticky exam bar can cover a clicked option.
        let keys = if c.find(Locator::Css(".choose-status")).await.is_ok() {
            "12"
        } else {
            "1"
        };
        c.active_element()
            .await
            .unwrap()
            .send_keys(keys)
            .await
            .unwrap();
        let ms = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const button = document.querySelector('.check-answer'); const t0 = performance.now();
                 const seen = () => document.querySelector('.option-feedback');
                 const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(performance.now() - t0); } });
                 obs.observe(document.body, { childList: true, subtree: true });
                 button.click();",
                vec![],
            )
            .await
            .unwrap();
        times.push(ms.as_f64().unwrap_or(f64::NAN));
        c.find(Locator::XPath(
            "//button[contains(., 'Next →') or contains(., 'Review & submit →')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    }
    times
}

async fn memory_after_mock(c: &Client, base: &str) -> f64 {
    start_mock(c, base).await;
    for _ in 0..65 {
        e2e::element(c, ".question-card").await;
        let el = c.active_element().await.unwrap();
        el.send_keys("1").await.unwrap();
        el.send_keys("n").await.unwrap();
    }
    submit_from_review(c).await;
    let bytes = c
        .execute(
            "return performance.memory.usedJSHeapSize + window.wasmBindings.wasm_memory_bytes()",
            vec![],
        )
        .await
        .unwrap();
    bytes.as_f64().unwrap_or(f64::NAN) / 1_048_576.0
}

/// Lighthouse runs of each page and method; each figure is the median of its runs.
const LIGHTHOUSE_RUNS: usize = 3;

/// Lighthouse's mobile profile (slow 4G, 4x CPU) on the home page and the mock exam's start page, both
/// as Lighthouse simulates it from an unthrottled load (its default) and with the throttling applied
/// to the real load: (page, method, [performance, FCP, LCP, TBT ms, CLS]), each the median of
/// `LIGHTHOUSE_RUNS` runs, taken in turn so that drifting load on a shared machine hits all alike.
async fn mobile_lighthouse(
    driver: &Driver,
    base: &str,
) -> Vec<(&'static str, &'static str, [f64; 5])> {
    let port = e2e::free_port();
    let c = e2e::browser_with_args(driver, &[format!("--remote-debugging-port={port}")]).await;
    let cases = [
        ("home", "", "simulated"),
        ("home", "", "devtools"),
        ("mock", "#/mock", "simulated"),
        ("mock", "#/mock", "devtools"),
    ];
    let mut runs: Vec<Vec<[f64; 5]>> = vec![Vec::new(); cases.len()];
    for run in 1..=LIGHTHOUSE_RUNS {
        for (i, (page, route, method)) in cases.iter().enumerate() {
            let mut args = vec!["--only-categories=performance".to_string()];
            if *method == "devtools" {
                args.push("--throttling-method=devtools".to_string());
            }
            let name = format!("{page}-{method}-{run}");
            let report = e2e::lighthouse(&format!("{base}{route}"), port, &name, &args).await;
            let score = report["categories"]["performance"]["score"]
                .as_f64()
                .unwrap_or(f64::NAN);
            let m = |id| e2e::metric(&report, id);
            runs[i].push([
                score,
                m("first-contentful-paint"),
                m("largest-contentful-paint"),
                m("total-blocking-time"),
                m("cumulative-layout-shift"),
            ]);
        }
    }
    c.close().await.unwrap();
    cases
        .iter()
        .zip(runs)
        .map(|((page, _, method), runs)| {
            let median = |k: usize| percentile(runs.iter().map(|r| r[k]).collect(), 0.5);
            (
                *page,
                *method,
                [median(0), median(1), median(2), median(3), median(4)],
            )
        })
        .collect()
}

/// One page's and method's figures as JSON.
fn mobile_json(v: &[f64; 5]) -> Value {
    json!({ "performance": v[0], "fcp_ms": v[1], "lcp_ms": v[2], "tbt_ms": v[3], "cls": v[4] })
}

#[tokio::main]
async fn main() {
    let sizes: Value =
        serde_json::from_str(&std::env::var("CLF_SIZES").expect("CLF_SIZES from ./x bench"))
            .expect("sizes JSON");
    let engine: Value =
        serde_json::from_str(&std::env::var("CLF_ENGINE").expect("CLF_ENGINE from ./x bench"))
            .expect("engine JSON");
    let first = engine::bank::questions()
        .first()
        .expect("a question in the bank")
        .id
        .to_string();
    let root: PathBuf = std::env::temp_dir().join(format!("clf-bench-{}", std::process::id()));
    e2e::copy_dir(&e2e::dist_dir(), &root);
    std::fs::write(root.join("bare.html"), bare_question_html(&first)).unwrap();
    // Compressed as static hosts serve it (and as the Lighthouse gate does).
    let server = StaticServer::start_gzip(root.clone(), "/prep/");
    let driver = Driver::start();
    let app_url = format!("{}#/question/{first}", server.url());
    let snapshot = static_snapshot(&driver, &app_url).await;
    std::fs::write(root.join("baseline.html"), snapshot).unwrap();

    let (mut app, mut baseline, mut bare) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..LOAD_RUNS {
        app.push(load_once(&driver, &app_url).await);
        baseline.push(load_once(&driver, &format!("{}baseline.html", server.url())).await);
        bare.push(load_once(&driver, &format!("{}bare.html", server.url())).await);
    }
    let median = |v: &[Load], f: fn(&Load) -> f64| percentile(v.iter().map(f).collect(), 0.5);
    let (app_ms, base_ms) = (median(&app, |l| l.lcp), median(&baseline, |l| l.lcp));
    let bare_ms = median(&bare, |l| l.lcp);
    // Each app load against the snapshot load right after it: steadier than a ratio of medians.
    let ratio = percentile(
        app.iter()
            .zip(&baseline)
            .map(|(a, b)| a.lcp / b.lcp)
            .collect(),
        0.5,
    );
    let (app_wasm_ms, app_fcp_ms) = (median(&app, |l| l.wasm_loaded), median(&app, |l| l.fcp));
    let (app_start_ms, app_mount_ms) = (median(&app, |l| l.started), median(&app, |l| l.mounted));

    let c = browser(&driver).await;
    let feedback = feedback_latencies(&c, &server.url()).await;
    c.close().await.unwrap();
    let c = browser(&driver).await;
    let memory = memory_after_mock(&c, &server.url()).await;
    c.close().await.unwrap();
    let mobile = mobile_lighthouse(&driver, &server.url()).await;
    let _ = std::fs::remove_dir_all(&root);

    let p50 = percentile(feedback.clone(), 0.5);
    let p95 = percentile(feedback, 0.95);
    let kb = |k: &str| sizes[k].as_f64().unwrap_or(f64::NAN) / 1000.0;
    println!("{:<44} {:>12}", "figure", "value");
    for (name, value) in [
        ("wasm (gzip, KB)", kb("wasm_gz")),
        ("wasm (brotli, KB)", kb("wasm_br")),
        ("JS (gzip, KB)", kb("js_gz")),
        ("CSS (gzip, KB)", kb("css_gz")),
        ("whole build (gzip, KB)", kb("total_gz")),
        ("whole build (brotli, KB)", kb("total_br")),
        (
            "app with an empty bank (gzip, KB)",
            kb("app_without_bank_gz"),
        ),
        (
            "app with an empty bank (brotli, KB)",
            kb("app_without_bank_br"),
        ),
        ("bank source text (gzip, KB)", kb("bank_text_gz")),
        ("first question, app (LCP ms, median)", app_ms),
        ("  wasm downloaded (ms from start, median)", app_wasm_ms),
        ("  then: Rust code starts (ms, median)", app_start_ms),
        ("  then: first page mounted (ms, median)", app_mount_ms),
        ("  then: first paint (ms, median)", app_fcp_ms),
        ("same page, static snapshot (LCP ms, median)", base_ms),
        ("bare question, unstyled (LCP ms, median)", bare_ms),
        ("load ratio, app over snapshot (median of pairs)", ratio),
        ("answer to feedback p50 (ms)", p50),
        ("answer to feedback p95 (ms)", p95),
        ("memory after a full mock (MB)", memory),
        (
            "score a 65-item attempt (µs, native)",
            engine["score_65_us"].as_f64().unwrap_or(f64::NAN),
        ),
        (
            "next diagnostic item (µs, native)",
            engine["next_item_us"].as_f64().unwrap_or(f64::NAN),
        ),
    ] {
        println!("{name:<44} {value:>12.2}");
    }
    println!(
        "Lighthouse, mobile profile, gzip, median of {LIGHTHOUSE_RUNS} runs each: performance / FCP ms / LCP ms / TBT ms / CLS"
    );
    for (page, method, [score, fcp, lcp, tbt, cls]) in &mobile {
        let name = format!("mobile {page}, {method}");
        println!("{name:<44} {score:>5.2} {fcp:>7.0} {lcp:>7.0} {tbt:>6.0} {cls:>6.3}");
    }
    // {"home": {"simulated": {...}, "devtools": {...}}, "mock": {...}}
    let mut by_page = serde_json::Map::new();
    for (page, method, v) in &mobile {
        by_page.entry(page.to_string()).or_insert_with(|| json!({}))[*method] = mobile_json(v);
    }
    let budget = sizes["app_without_bank_gz"].as_f64().unwrap_or(0.0)
        + 1.15 * sizes["bank_text_gz"].as_f64().unwrap_or(0.0);
    println!(
        "size budget (app without bank + 1.15 × bank text): {:.1} KB; whole build {:.1} KB",
        budget / 1000.0,
        kb("total_gz")
    );
    println!(
        "{}",
        json!({
            "bytes": sizes,
            "load": { "first_question_ms": app_ms, "static_baseline_ms": base_ms, "ratio": ratio },
            "interaction": { "answer_to_feedback_ms_p50": p50, "answer_to_feedback_ms_p95": p95 },
            "memory": { "after_mock_mb": memory },
            "mobile": Value::Object(by_page),
            "mobile_runs": LIGHTHOUSE_RUNS,
            "engine": engine,
        })
    );
}
