//! The first screen on a cold load is real content from HTML: index.html carries the home screen
//! rendered by the app's own components (src/bin/prerender.rs), so a learner whose wasm is still on
//! its way sees the heading, the start links and the disclaimer; other pages show a loading line
//! instead of the wrong page; and the app takes over with the same page.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{browser, dist_dir, element, open_page, text_where, Driver, StaticServer};
use fantoccini::{Client, Locator};

/// A copy of the build whose WebAssembly never arrives, as on a stalled connection.
fn build_without_wasm(tag: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("clf-e2e-{tag}-{}", std::process::id()));
    e2e::copy_dir(&dist_dir(), &root);
    for entry in std::fs::read_dir(&root).unwrap().flatten() {
        if entry.file_name().to_string_lossy().ends_with(".wasm") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    root
}

async fn displayed(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .is_displayed()
        .await
        .unwrap()
}

/// The visible words and link targets of `main`, without the shell's loading line.
async fn main_content(c: &Client) -> String {
    c.execute(
        "const m = document.querySelector('main').cloneNode(true); m.querySelectorAll('.app-loading').forEach(e => e.remove()); return m.textContent + ' | ' + [...m.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' ')",
        vec![],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap()
    .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_page_is_there_before_the_wasm() {
    let root = build_without_wasm("first-paint");
    let server = StaticServer::start(root.clone(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    c.goto(&server.url()).await.unwrap();
    let heading = element(&c, "main h1").await.text().await.unwrap();
    assert_eq!(
        heading,
        "Practise for the AWS Certified Cloud Practitioner exam"
    );
    for link in ["#/diagnostic", "#/mock", "#/practice"] {
        assert!(
            displayed(&c, &format!("main a[href='{link}']")).await,
            "{link}"
        );
    }
    let disclaimer = element(&c, "main .disclaimer").await.text().await.unwrap();
    assert!(disclaimer.contains("not affiliated with or endorsed by Amazon Web Services"));
    assert!(displayed(&c, "nav a[aria-current='page']").await);

    // Any other page shows the loading line, not the home page, until the app can say more.
    c.goto(&format!("{}#/mock", server.url())).await.unwrap();
    c.refresh().await.unwrap();
    text_where(&c, "#app-shell .app-loading", |t| !t.is_empty()).await;
    assert!(
        !displayed(&c, "main h1").await,
        "the home heading is hidden on #/mock"
    );
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_takes_over_with_the_same_home_page() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    // What index.html shows, read from the file itself.
    let shell = std::fs::read_to_string(dist_dir().join("index.html")).unwrap();
    c.goto(&format!("{}#/about", server.url())).await.unwrap();
    let prerendered: String = c
        .execute(
            "const d = new DOMParser().parseFromString(arguments[0], 'text/html'); const m = d.querySelector('main'); m.querySelectorAll('.app-loading').forEach(e => e.remove()); return m.textContent + ' | ' + [...m.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' ')",
            vec![serde_json::Value::String(shell)],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    open_page(
        &c,
        &server.url(),
        "Practise for the AWS Certified Cloud Practitioner exam",
    )
    .await;
    assert_eq!(
        main_content(&c).await,
        prerendered,
        "the prerendered home page drifted from the app's"
    );
    c.close().await.unwrap();
}
