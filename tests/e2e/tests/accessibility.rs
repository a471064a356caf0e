//! axe-core on every page, in the light and the dark theme: zero WCAG A/AA violations.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_accessible, browser, click_text, dist_dir, element, open_page, open_review_screen,
    start_mock, submit_from_review, Driver, StaticServer,
};
use fantoccini::Client;

/// The page passes axe in the light theme and in the dark one.
async fn assert_accessible_in_both_themes(c: &Client) {
    for theme in ["light", "dark"] {
        assert_accessible(c, theme).await;
    }
}

const ROUTES: [&str; 12] = [
    "#/",
    "#/diagnostic",
    "#/mock",
    "#/practice",
    "#/progress",
    "#/about",
    "#/about/scoring",
    "#/about/bank",
    "#/settings",
    "#/services",
    "#/flashcards",
    "#/no-such-page",
];

#[tokio::test(flavor = "multi_thread")]
async fn every_page_passes_axe_in_light_and_dark() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    for route in ROUTES {
        c.goto(&format!("{}{}", server.url(), route)).await.unwrap();
        element(&c, "main h1").await;
        assert_accessible_in_both_themes(&c).await;
    }
    c.close().await.unwrap();
}

/// The screens that only exist with an attempt: the exam itself, the review screen, results, review.
#[tokio::test(flavor = "multi_thread")]
async fn exam_results_and_review_pass_axe_in_light_and_dark() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    start_mock(&c, &server.url()).await;
    c.active_element()
        .await
        .unwrap()
        .send_keys("1")
        .await
        .unwrap();
    assert_accessible_in_both_themes(&c).await;
    open_review_screen(&c).await;
    assert_accessible(&c, "light").await;
    submit_from_review(&c).await;
    assert_accessible_in_both_themes(&c).await;
    click_text(&c, "Review every question").await;
    element(&c, ".review-item").await;
    assert_accessible_in_both_themes(&c).await;
    c.goto(&format!("{}#/progress", server.url()))
        .await
        .unwrap();
    element(&c, "table.attempts").await;
    assert_accessible_in_both_themes(&c).await;
    c.close().await.unwrap();
}

/// The check itself can fail: a button with no name added to a page is caught.
#[tokio::test(flavor = "multi_thread")]
async fn the_axe_check_catches_a_nameless_button() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    // Into the app's page: the one index.html shows first goes when the app mounts.
    open_page(
        &c,
        &server.url(),
        "Practise for the AWS Certified Cloud Practitioner exam",
    )
    .await;
    c.execute("document.querySelector('main').appendChild(document.createElement('button')); return true;", vec![])
        .await
        .unwrap();
    // The check panics inside its own task; a handle kept here closes the browser afterwards.
    let session = c.clone();
    let outcome = tokio::spawn(async move {
        assert_accessible(&c, "light").await;
    })
    .await;
    session.close().await.unwrap();
    let panic = outcome.expect_err("axe should report the nameless button");
    let message = panic.into_panic();
    let text = message
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(text.contains("button-name"), "{text}");
}
