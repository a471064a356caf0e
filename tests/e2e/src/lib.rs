//! The end-to-end harness: a plain static file server for `dist/` under a sub-path, chromedriver with
//! headless Chromium, and the checks every test ends with (no console error, no other-origin request).
//! Tests fail, never skip, when `dist/` or chromedriver is missing: `./x test` provides both.
#![cfg(not(target_arch = "wasm32"))]

mod server;
pub use server::{Caching, Options, StaticServer};

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The built app: `CLF_DIST`, or `dist/` at the repository root.
/// Copies the files (not subfolders) of `from` into `to`, creating it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("CLF_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {}: run `./x build` (./x test does) first",
        dir.display()
    );
    dir
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// chromedriver on a free loopback port, killed when dropped.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start() -> Driver {
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_string());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {binary} ({e}): ./x test installs chromium-driver")
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Driver {
    /// Where this driver's browser profiles live (one fresh folder per session, removed on drop).
    fn profiles(&self) -> PathBuf {
        std::env::temp_dir().join(format!("clf-e2e-{}-{}", std::process::id(), self.port))
    }
}

static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(self.profiles());
    }
}

/// A headless Chromium session with console logging on, in a fresh profile.
pub async fn browser(driver: &Driver) -> Client {
    browser_with_args(driver, &[]).await
}

/// Like `browser`, with more Chromium switches (for example `--remote-debugging-port=N`, to let
/// another tool such as Lighthouse open its own tab in the same browser and profile).
pub async fn browser_with_args(driver: &Driver, extra: &[String]) -> Client {
    let profile = driver
        .profiles()
        .join(SESSIONS.fetch_add(1, Ordering::SeqCst).to_string());
    let mut args: Vec<String> = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900",
    ]
    .map(String::from)
    .to_vec();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.extend(extra.iter().cloned());
    let caps = json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".to_string()),
            "args": args
        },
        "goog:loggingPrefs": { "browser": "ALL" }
    });
    let caps = match caps {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    };
    // chromedriver can accept a connection before it is ready for sessions: retry briefly.
    let mut last_error = None;
    for _ in 0..20 {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
        {
            Ok(client) => return client,
            Err(e) => last_error = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("no WebDriver session with headless Chromium: {last_error:?}");
}

/// chromedriver's (non-W3C) browser log endpoint: console messages and failed loads.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

/// Console entries since the last call, as (level, message).
pub async fn console(client: &Client) -> Vec<(String, String)> {
    let log = client.issue_cmd(BrowserLog).await.expect("the browser log");
    log.as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|e| {
                    (
                        e["level"].as_str().unwrap_or_default().to_string(),
                        e["message"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Fails on any console error or warning logged since the last check.
pub async fn assert_clean_console(client: &Client) {
    let bad: Vec<_> = console(client)
        .await
        .into_iter()
        .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
        .collect();
    assert!(bad.is_empty(), "console errors: {bad:#?}");
}

/// Fails if the page loaded anything from another origin (resource timing sees every fetch).
pub async fn assert_same_origin(client: &Client, origin: &str) {
    let urls = client
        .execute(
            "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map(e => e.name)",
            vec![],
        )
        .await
        .expect("resource timing entries");
    let foreign: Vec<String> = urls
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str())
        .filter(|u| !u.starts_with(origin) && !u.starts_with("data:") && !u.starts_with("blob:"))
        .map(str::to_string)
        .collect();
    assert!(foreign.is_empty(), "requests to other origins: {foreign:?}");
}

/// Polls `check` until it yields `Some`, failing with `what` after 15 seconds (the DOM updates
/// asynchronously; a fixed sleep would be both slow and flaky).
pub async fn wait_for<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The first element matching `css`, once it exists.
pub async fn element(client: &Client, css: &str) -> Element {
    wait_for(css, || async { client.find(Locator::Css(css)).await.ok() }).await
}

/// Text of the first element matching `css`, once it exists.
pub async fn text_of(client: &Client, css: &str) -> String {
    text_where(client, css, |_| true).await
}

/// Text of the first element matching `css`, once it passes `ok` (pages update as they work).
pub async fn text_where(client: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    wait_for(css, || async {
        let text = client
            .find(Locator::Css(css))
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        ok(&text).then_some(text)
    })
    .await
}

/// Loads `url` and waits for its page to show `heading`.
pub async fn open_page(client: &Client, url: &str, heading: &str) {
    client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot load {url}: {e}"));
    wait_for_heading(client, heading).await;
}

/// Waits until the page's `h1` reads `expected`; on failure shows what the page held instead.
pub async fn wait_for_heading(client: &Client, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let seen = match client.find(Locator::Css("main h1")).await {
            Ok(el) => el.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if seen == expected {
            return;
        }
        if Instant::now() > deadline {
            let source = client.source().await.unwrap_or_default();
            let log = console(client).await;
            panic!(
                "expected the heading {expected:?}, saw {seen:?}\nconsole: {log:?}\npage: {source}"
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// axe-core from the npm tools `./x` installs.
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): ./x test installs axe-core",
            path.display()
        )
    })
}

/// Runs axe-core (WCAG 2 A and AA rules) on the current page in the given theme and fails on any
/// violation, naming the rule and the elements.
pub async fn assert_accessible(client: &Client, theme: &str) {
    let set_theme =
        format!("document.documentElement.setAttribute('data-theme', '{theme}'); return true;");
    client
        .execute(&set_theme, vec![])
        .await
        .expect("set the theme");
    client
        .execute(&format!("{}\nreturn true;", axe_source()), vec![])
        .await
        .expect("inject axe-core");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                 .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                 .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await
        .expect("axe-core result");
    let violations = result.as_array().cloned().unwrap_or_default();
    let url = client
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    assert!(
        violations.is_empty(),
        "accessibility violations on {url} ({theme}): {violations:#?}"
    );
}

/// How many elements match `css` right now.
pub async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}

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
