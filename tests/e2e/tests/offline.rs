//! Offline after the first load: once the service worker controls the page, the server can go away
//! and the app still loads, routes, runs a whole diagnostic and keeps it in the history.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_clean_console, browser, dist_dir, open_page, take_diagnostic, text_where,
    wait_for_heading, wait_for_service_worker, Driver, StaticServer,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_app_reloads_and_works_with_the_server_gone() {
    let mut server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(
        &c,
        &server.url(),
        "Practise for the AWS Certified Cloud Practitioner exam",
    )
    .await;
    wait_for_service_worker(&c).await;
    let before = server.requests().len();
    server.stop();
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", server.port)).is_err(),
        "the server should be gone"
    );

    c.refresh().await.unwrap();
    wait_for_heading(&c, "Practise for the AWS Certified Cloud Practitioner exam").await;
    open_page(
        &c,
        &format!("{}#/about/scoring", server.url()),
        "How the passing score works",
    )
    .await;

    // A whole diagnostic works offline and lands in the history.
    take_diagnostic(&c, &server.url()).await;
    open_page(&c, &format!("{}#/progress", server.url()), "Progress").await;
    let history = text_where(&c, "table.attempts", |t| t.contains("Diagnostic")).await;
    assert!(history.contains("Diagnostic (10)"), "{history}");
    assert_eq!(
        server.requests().len(),
        before,
        "nothing reached the stopped server"
    );
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
