//! The app shell as a learner meets it: served from a sub-path by a plain static server, every page
//! reachable from the navigation and by deep link, back and forward working, no console error and no
//! request to another origin.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_clean_console, assert_same_origin, browser, dist_dir, open_page, text_where, wait_for,
    wait_for_heading, Driver, StaticServer,
};
use fantoccini::Locator;

const PAGES: [(&str, &str); 6] = [
    (
        "#/",
        "Practise for the AWS Certified Cloud Practitioner exam",
    ),
    ("#/diagnostic", "Free diagnostic"),
    ("#/mock", "Mock exam"),
    ("#/practice", "Practice"),
    ("#/progress", "Progress"),
    ("#/about", "About this app"),
];

#[tokio::test(flavor = "multi_thread")]
async fn navigation_deep_links_and_history_work_from_a_sub_path() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;

    open_page(&c, &server.url(), PAGES[0].1).await;
    // The static loading shell from index.html is gone once the app has mounted: one header, one main.
    for (css, count) in [("#app-shell", 0), ("header", 1), ("main", 1)] {
        let found = c.find_all(Locator::Css(css)).await.unwrap().len();
        assert_eq!(found, count, "{css} after mount");
    }
    let footer = c
        .find(Locator::Css("footer"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        footer.contains("not affiliated with or endorsed by Amazon Web Services"),
        "{footer}"
    );

    // Follow every navigation link, in order, and check the page and the current-page marker.
    for (href, heading) in PAGES {
        let link = c
            .find(Locator::Css(&format!(".nav-list a[href='{href}']")))
            .await
            .unwrap();
        link.click().await.unwrap();
        wait_for_heading(&c, heading).await;
        let current = c
            .find(Locator::Css(".nav-list a[aria-current='page']"))
            .await
            .unwrap();
        assert_eq!(current.attr("href").await.unwrap().as_deref(), Some(href));
        assert!(c
            .current_url()
            .await
            .unwrap()
            .as_str()
            .ends_with(&format!("/prep/{href}")));
    }

    // Back walks the same way in reverse.
    c.back().await.unwrap();
    wait_for_heading(&c, PAGES[4].1).await;
    c.back().await.unwrap();
    wait_for_heading(&c, PAGES[3].1).await;
    c.forward().await.unwrap();
    wait_for_heading(&c, PAGES[4].1).await;

    // Deep links open the right page on a fresh load.
    for (hash, heading) in [
        ("#/about/scoring", "How the passing score works"),
        ("#/about/bank", "Question bank"),
        ("#/settings", "Settings"),
    ] {
        open_page(&c, &format!("{}{}", server.url(), hash), heading).await;
    }
    let title = c.title().await.unwrap();
    assert!(title.starts_with("Settings"), "{title}");

    // An unknown route is a friendly page with a way home.
    open_page(
        &c,
        &format!("{}#/no/such/page", server.url()),
        "Page not found",
    )
    .await;
    c.find(Locator::Css("main a[href='#/']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_heading(&c, PAGES[0].1).await;

    assert_clean_console(&c).await;
    assert_same_origin(&c, &server.origin()).await;
    let requests = server.requests();
    assert!(
        requests.iter().all(|r| r.starts_with("/prep/")),
        "requests outside the sub-path: {requests:?}"
    );
    assert!(
        requests.iter().any(|r| r.ends_with(".wasm")),
        "the wasm module was never loaded: {requests:?}"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_scoring_page_explains_the_scale_and_weights() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(
        &c,
        &format!("{}#/about/scoring", server.url()),
        "How the passing score works",
    )
    .await;
    let text = c
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "700",
        "100",
        "1000",
        "65",
        "50",
        "15",
        "24 %",
        "30 %",
        "34 %",
        "12 %",
        "750",
        "not mean \"70 % correct\"",
    ] {
        assert!(
            text.contains(needle),
            "the scoring page should mention {needle:?}"
        );
    }
    let bars = wait_for("the weight chart", || async {
        let bars = c
            .find_all(Locator::Css("svg.bar-chart .bar-fill"))
            .await
            .ok()?;
        (bars.len() == 4).then_some(bars)
    })
    .await;
    assert_eq!(bars.len(), 4);
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_build_that_cannot_start_says_so_instead_of_loading_for_ever() {
    // The same build with its JS glue, then its WebAssembly, missing, as after a failed or blocked
    // download of either file.
    let driver = Driver::start();
    for missing in ["js", "wasm"] {
        let root =
            std::env::temp_dir().join(format!("clf-e2e-no-{missing}-{}", std::process::id()));
        e2e::copy_dir(&dist_dir(), &root);
        let mut removed = 0;
        for entry in std::fs::read_dir(&root).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(&format!(".{missing}")) && name != "sw.js" {
                std::fs::remove_file(entry.path()).unwrap();
                removed += 1;
            }
        }
        assert_eq!(removed, 1, "one .{missing} file in the build");
        let server = StaticServer::start(root.clone(), "/prep/");
        let c = browser(&driver).await;
        c.goto(&server.url()).await.unwrap();
        let status = text_where(&c, "#app-shell .app-loading", |t| {
            t.contains("could not start")
        })
        .await;
        assert!(
            status.contains("WebAssembly"),
            "without its {missing}: {status}"
        );
        c.close().await.unwrap();
        let _ = std::fs::remove_dir_all(&root);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_build_works_at_the_root_of_a_host_too_with_its_security_policy() {
    let server = StaticServer::start(dist_dir(), "/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(
        &c,
        &format!("{}#/about/scoring", server.url()),
        "How the passing score works",
    )
    .await;
    let csp = c
        .execute("const m = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]'); return m && m.content", vec![])
        .await
        .unwrap();
    let csp = csp.as_str().unwrap_or_default();
    for directive in [
        "default-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "connect-src 'self'",
        "frame-src 'none'",
        "font-src 'none'",
        "media-src 'none'",
    ] {
        assert!(csp.contains(directive), "CSP lacks {directive}: {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(
        server
            .requests()
            .iter()
            .any(|r| r.ends_with("manifest.webmanifest")),
        "the manifest is linked: {:?}",
        server.requests()
    );
    assert_clean_console(&c).await;
    assert_same_origin(&c, &server.origin()).await;
    c.close().await.unwrap();
}
