//! chromedriver and headless Chromium: one driver per test, a fresh profile per session, and the
//! browser's console log read through chromedriver's logging command.

use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

use crate::free_port;

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
