//! Every page on a 360 px wide phone: nothing scrolls sideways (a table or chart wider than the
//! screen hides part of itself or drags the whole page across).
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    browser, click_text, dist_dir, element, open_page, open_review_screen, set_exam_date,
    start_mock, submit_from_review, take_diagnostic, text_where, wait_for_heading, Driver,
    StaticServer,
};
use fantoccini::Client;

const PHONE_WIDTH: u32 = 360;

/// Fails when the document is wider than the viewport, naming the elements that stick out.
async fn assert_no_sideways_scroll(c: &Client, page: &str) {
    let found = c
        .execute(
            r#"const root = document.documentElement;
               const width = root.clientWidth;
               const over = [...document.body.querySelectorAll('*')]
                 .filter(e => e.getBoundingClientRect().right > width + 0.5)
                 .filter(e => ![...e.children].some(k => k.getBoundingClientRect().right > width + 0.5))
                 .slice(0, 5)
                 .map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
               return { scroll: root.scrollWidth, client: width, over };"#,
            vec![],
        )
        .await
        .expect("the page's widths");
    let (scroll, client) = (found["scroll"].as_u64(), found["client"].as_u64());
    assert!(
        scroll <= client,
        "{page} scrolls sideways at {PHONE_WIDTH} px: {scroll:?} px wide in {client:?}; sticking out: {}",
        found["over"]
    );
}

async fn phone(driver: &Driver) -> Client {
    let c = browser(driver).await;
    c.set_window_size(PHONE_WIDTH, 800)
        .await
        .expect("a phone-sized window");
    c
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_without_an_attempt_fits_a_360_px_screen() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = phone(&driver).await;
    let inner = c.execute("return innerWidth", vec![]).await.unwrap();
    assert!(
        inner.as_u64().is_some_and(|w| w <= u64::from(PHONE_WIDTH)),
        "the window is phone-sized: {inner}"
    );
    for (route, heading) in [
        (
            "#/",
            "Practise for the AWS Certified Cloud Practitioner exam",
        ),
        ("#/diagnostic", "Free diagnostic"),
        ("#/mock", "Mock exam"),
        ("#/practice", "Practice"),
        ("#/progress", "Progress"),
        ("#/settings", "Settings"),
        ("#/services", "Services"),
        ("#/services/aws-cloudtrail", "Services"),
        ("#/flashcards", "Service flashcards"),
        ("#/about", "About this app"),
        ("#/about/scoring", "How the passing score works"),
        ("#/about/bank", "Question bank"),
        ("#/no-such-page", "Page not found"),
    ] {
        open_page(&c, &format!("{}{route}", server.url()), heading).await;
        assert_no_sideways_scroll(&c, route).await;
    }
    // A question's own page, with its explanations and links shown once answered.
    let id = engine::bank::questions()[0].id;
    let route = format!("#/question/{id}");
    open_page(
        &c,
        &format!("{}{route}", server.url()),
        &format!("Question {id}"),
    )
    .await;
    element(&c, ".question-option input")
        .await
        .click()
        .await
        .unwrap();
    click_text(&c, "Check answer").await;
    element(&c, ".option-feedback").await;
    assert_no_sideways_scroll(&c, &route).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn attempts_results_and_review_fit_a_360_px_screen() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = phone(&driver).await;
    let url = |route: &str| format!("{}{route}", server.url());

    take_diagnostic(&c, &server.url()).await;
    assert_no_sideways_scroll(&c, "the diagnostic's results").await;

    // A mock: its question, the review screen, its results, its review and then progress.
    start_mock(&c, &server.url()).await;
    assert_no_sideways_scroll(&c, "a mock question").await;
    open_review_screen(&c).await;
    assert_no_sideways_scroll(&c, "the review screen").await;
    submit_from_review(&c).await;
    assert_no_sideways_scroll(&c, "a mock's results").await;
    click_text(&c, "Review every question").await;
    wait_for_heading(&c, "Review").await;
    element(&c, ".review-item").await;
    assert_no_sideways_scroll(&c, "a mock's review").await;
    // With an exam date, the blank mock's misses fill the study schedule: forecast, daily target
    // and weakest task statements (its 19 questions of domain 2 fall in four task statements, so
    // at least one has the five answers a weak one needs).
    set_exam_date(&c, &server.url(), 30).await;
    open_page(&c, &url("#/progress"), "Progress").await;
    element(&c, "table.attempts").await;
    element(&c, ".forecast li").await;
    element(&c, ".weak-tasks button").await;
    text_where(&c, ".daily-target", |t| t.contains("Daily target")).await;
    assert_no_sideways_scroll(&c, "progress with attempts and a study schedule").await;

    // Practice with its explanations shown, then submitted.
    open_page(&c, &url("#/practice"), "Practice").await;
    element(&c, ".domain-group legend input")
        .await
        .click()
        .await
        .unwrap();
    click_text(&c, "Start practising").await;
    element(&c, ".question-option input")
        .await
        .click()
        .await
        .unwrap();
    click_text(&c, "Check answer").await;
    element(&c, ".option-feedback").await;
    assert_no_sideways_scroll(&c, "a practice question with its explanations").await;
    open_review_screen(&c).await;
    submit_from_review(&c).await;

    // A diagnostic's question (the first diagnostic was taken by the helper, which checks nothing).
    open_page(&c, &url("#/diagnostic"), "Free diagnostic").await;
    click_text(&c, "Start the diagnostic").await;
    element(&c, ".question-card").await;
    assert_no_sideways_scroll(&c, "a diagnostic question").await;
    c.close().await.unwrap();
}
