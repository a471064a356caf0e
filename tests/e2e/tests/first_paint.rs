//! The first screen on a cold load is real content from HTML: index.html carries the home screen and
//! the mock exam's start screen, rendered by the app's own components (src/bin/prerender.rs), so a
//! learner whose wasm is still on its way sees the heading, the rules and the disclaimer; other pages
//! show a loading line instead of the wrong page; and the app takes over with the same page, nothing
//! moving.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    browser, dist_dir, element, open_page, start_mock, text_where, Driver, Options, StaticServer,
};
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

/// `describe(main)`: the words, link targets and elements (tag and class) of a `main` landmark,
/// without the shell's loading line, to compare the prerendered page with the app's.
const DESCRIBE_MAIN: &str = "function describe(main) {
    const m = main.cloneNode(true);
    m.querySelectorAll('.app-loading').forEach(e => e.remove());
    return [
        m.textContent,
        [...m.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' '),
        [...m.querySelectorAll('*')].map(e => e.tagName + '.' + e.className).join(' '),
    ].join(' | ');
}";

async fn run_string(c: &Client, script: &str, args: Vec<serde_json::Value>) -> String {
    c.execute(&format!("{DESCRIBE_MAIN}\n{script}"), args)
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
    assert!(displayed(&c, "nav a[aria-current='page'][href='#/']").await);

    // A page with no prerendered screen shows the loading line, not the home page, until the app
    // can say more.
    c.goto(&format!("{}#/about", server.url())).await.unwrap();
    c.refresh().await.unwrap();
    text_where(&c, "#app-shell .app-loading", |t| !t.is_empty()).await;
    assert!(
        !displayed(&c, "main h1").await,
        "the home heading is hidden on #/about"
    );
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&root);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mock_exam_start_page_is_there_before_the_wasm_unless_an_exam_or_a_setting_changes_it()
{
    // The real build under /prep/ and the one without wasm under /slow/: one origin, so one
    // localStorage, as for a learner whose connection stalls on a later visit.
    let slow = build_without_wasm("first-paint-mock");
    let server = StaticServer::with(Options {
        mounts: vec![
            ("/prep/".to_string(), dist_dir()),
            ("/slow/".to_string(), slow.clone()),
        ],
        ..Options::new(dist_dir(), "/prep/")
    });
    let slow_mock = format!("{}/slow/#/mock", server.origin());
    let driver = Driver::start();
    let c = browser(&driver).await;
    c.goto(&slow_mock).await.unwrap();
    let heading = element(&c, "main h1").await.text().await.unwrap();
    assert_eq!(heading, "Mock exam");
    let rules = element(&c, "main section.mock").await.text().await.unwrap();
    for part in [
        "65 questions drawn by domain weight",
        "90 minutes on a clock",
        "Scored on the 100–1000 scale with 700 to pass",
        "Change it in Settings",
    ] {
        assert!(rules.contains(part), "{part} in {rules}");
    }
    assert!(displayed(&c, "nav a[aria-current='page'][href='#/mock']").await);
    // Nothing can start an exam before the app runs: the button says so by being disabled.
    let start = element(&c, "main button.primary").await;
    assert_eq!(start.text().await.unwrap(), "Start the mock exam");
    assert!(!start.is_enabled().await.unwrap(), "the start button waits");
    assert!(c.find(Locator::Css("main .disclaimer")).await.is_err());

    // The start page is rendered with default settings; with the accommodation on it would say 90
    // minutes where the app says 120, so the loading line stands in. A chosen theme applies before
    // the first paint, not when the app arrives.
    c.execute(
        "localStorage.setItem('clf-prep/settings', JSON.stringify({schema: 1, data: {accommodation: true, theme: 'Dark'}}))",
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    text_where(&c, "#app-shell .app-loading", |t| !t.is_empty()).await;
    assert!(
        !displayed(&c, "main h1").await,
        "no 90-minute start page for a learner with the accommodation"
    );
    let theme = c
        .execute(
            "return document.documentElement.getAttribute('data-theme')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(theme, "dark", "the stored theme before the app runs");
    c.execute("localStorage.removeItem('clf-prep/settings')", vec![])
        .await
        .unwrap();

    // With an exam under way the app will show the exam there, not the start page: until then the
    // loading line.
    start_mock(&c, &server.url()).await;
    c.goto(&slow_mock).await.unwrap();
    c.refresh().await.unwrap();
    text_where(&c, "#app-shell .app-loading", |t| !t.is_empty()).await;
    assert!(
        !displayed(&c, "main h1").await,
        "no start page over an exam in progress"
    );
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&slow);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_takes_over_with_the_same_first_screens_and_nothing_moves() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    // What index.html shows, read from the file itself.
    let shell =
        serde_json::Value::String(std::fs::read_to_string(dist_dir().join("index.html")).unwrap());
    for (route, prerendered_main, heading) in [
        (
            "",
            "d.querySelector('main')",
            "Practise for the AWS Certified Cloud Practitioner exam",
        ),
        (
            "#/mock",
            "d.querySelector('template[data-route=\"#/mock\"]').content.querySelector('main')",
            "Mock exam",
        ),
    ] {
        let c = browser(&driver).await;
        c.goto(&format!("{}#/about", server.url())).await.unwrap();
        let prerendered = run_string(
            &c,
            &format!("const d = new DOMParser().parseFromString(arguments[0], 'text/html'); return describe({prerendered_main});"),
            vec![shell.clone()],
        )
        .await;
        c.close().await.unwrap();

        // A fresh session, so that the page loads from index.html as a first visit does.
        let c = browser(&driver).await;
        open_page(&c, &format!("{}{route}", server.url()), heading).await;
        let live = run_string(
            &c,
            "return describe(document.querySelector('main'));",
            vec![],
        )
        .await;
        assert_eq!(
            live, prerendered,
            "the prerendered page on {route:?} drifted from the app's"
        );
        let shifted = c
            .execute_async(
                "const done = arguments[arguments.length - 1]; let sum = 0;
                 new PerformanceObserver(l => l.getEntries().forEach(e => sum += e.value))
                   .observe({ type: 'layout-shift', buffered: true });
                 setTimeout(() => done(sum), 200);",
                vec![],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        assert_eq!(shifted, 0.0, "layout shift on {route:?}");
        if route == "#/mock" {
            let start = element(&c, "main button.primary").await;
            assert!(
                start.is_enabled().await.unwrap(),
                "the app's start button works"
            );
        }
        c.close().await.unwrap();
    }
}
