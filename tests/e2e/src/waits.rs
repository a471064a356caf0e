//! Waiting for the page: the DOM updates asynchronously, so every read polls until what the test
//! expects is there, with one deadline, instead of sleeping.

use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};

use crate::console;

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

/// Loads `url` and waits for its page to show `heading` in the running app (index.html's static
/// home screen shows the home heading before the app has mounted; the app removes it).
pub async fn open_page(client: &Client, url: &str, heading: &str) {
    client
        .goto(url)
        .await
        .unwrap_or_else(|e| panic!("cannot load {url}: {e}"));
    wait_for("the app to mount", || async {
        (count(client, "#app-shell").await == 0).then_some(())
    })
    .await;
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

/// How many elements match `css` right now.
pub async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|v| v.len())
        .unwrap_or(0)
}
