//! Updates on hosts that cache as real ones do. Build A is deployed with old modification times (so
//! a browser keeps its files fresh for hours by heuristic, or by `max-age`); then build B replaces it.
//! The learner on A is offered the update; accepted, B runs online and then offline; declined, A
//! keeps working online and offline. Two deployments on one origin keep their own offline copies.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use e2e::{
    assert_clean_console, browser, click_text, dist_dir, element, open_page, wait_for,
    wait_for_heading, wait_for_service_worker, Caching, Driver, Options, StaticServer,
};
use fantoccini::Client;

const HOME: &str = "Practise for the AWS Certified Cloud Practitioner exam";

/// Build B: the app with a different bank, so every hashed file name differs from build A's.
fn dist_b_dir() -> PathBuf {
    let dir = std::env::var_os("CLF_DIST_B")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-b"));
    assert!(
        dir.join("index.html").is_file(),
        "no build B at {}: ./x test builds it",
        dir.display()
    );
    dir
}

/// A copy of a build as a host holds it after a deployment a day ago: every file's modification
/// time, and so its Last-Modified, lies a day back, which browsers cache for hours by heuristic.
fn deployed_a_day_ago(build: &Path, name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("clf-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    e2e::copy_dir(build, &root);
    let day_ago = SystemTime::now() - Duration::from_secs(24 * 3600);
    for entry in std::fs::read_dir(&root).unwrap().flatten() {
        let file = std::fs::File::options()
            .write(true)
            .open(entry.path())
            .unwrap();
        file.set_modified(day_ago).unwrap();
    }
    root
}

/// The wasm file a build's index.html loads.
fn wasm_of(build: &Path) -> String {
    std::fs::read_dir(build)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".wasm"))
        .expect("a wasm file in the build")
}

/// Waits until the page runs the build whose wasm is `wasm`: its home page is up and that wasm
/// was loaded by this page.
async fn wait_for_build(c: &Client, wasm: &str) {
    wait_for_heading(c, HOME).await;
    let script = format!(
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/{wasm}'))"
    );
    wait_for(&format!("the page to run {wasm}"), || async {
        c.execute(&script, vec![])
            .await
            .ok()?
            .as_bool()
            .filter(|&b| b)
    })
    .await;
}

async fn learner_is_offered_b(caching: Caching, accept: bool) {
    let a = deployed_a_day_ago(&dist_dir(), &format!("a-{caching:?}-{accept}"));
    let b = dist_b_dir();
    let (wasm_a, wasm_b) = (wasm_of(&a), wasm_of(&b));
    assert_ne!(wasm_a, wasm_b, "builds A and B must differ");
    let mut server = StaticServer::with(Options {
        caching,
        ..Options::new(a.clone(), "/prep/")
    });
    let driver = Driver::start();
    let c = browser(&driver).await;

    open_page(&c, &server.url(), HOME).await;
    wait_for_service_worker(&c).await;
    // A second visit: the browser's HTTP cache now holds A's page as well as the worker's cache.
    c.goto(&server.url()).await.unwrap();
    wait_for_build(&c, &wasm_a).await;

    server.deploy("/prep/", b.clone());
    c.refresh().await.unwrap();
    wait_for_heading(&c, HOME).await;
    element(&c, ".update-banner").await;

    if accept {
        click_text(&c, "Reload to update").await;
        wait_for_build(&c, &wasm_b).await;
        server.stop();
        c.refresh().await.unwrap();
        wait_for_build(&c, &wasm_b).await;
        open_page(
            &c,
            &format!("{}#/about/scoring", server.url()),
            "How the passing score works",
        )
        .await;
    } else {
        click_text(&c, "Later").await;
        wait_for("the banner to go", || async {
            (e2e::count(&c, ".update-banner").await == 0).then_some(())
        })
        .await;
        c.refresh().await.unwrap();
        wait_for_build(&c, &wasm_a).await;
        server.stop();
        c.refresh().await.unwrap();
        wait_for_build(&c, &wasm_a).await;
        open_page(
            &c,
            &format!("{}#/about/scoring", server.url()),
            "How the passing score works",
        )
        .await;
    }
    assert_clean_console(&c).await;
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&a);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accepted_update_runs_online_and_offline_on_a_max_age_host() {
    learner_is_offered_b(Caching::MaxAge(600), true).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_accepted_update_runs_online_and_offline_on_a_last_modified_host() {
    learner_is_offered_b(Caching::LastModified, true).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_update_leaves_the_old_version_working_on_a_max_age_host() {
    learner_is_offered_b(Caching::MaxAge(600), false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_declined_update_leaves_the_old_version_working_on_a_last_modified_host() {
    learner_is_offered_b(Caching::LastModified, false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_deployments_on_one_origin_both_keep_working_offline() {
    let (a, b) = (dist_dir(), dist_b_dir());
    let (wasm_a, wasm_b) = (wasm_of(&a), wasm_of(&b));
    // no-cache: offline, only the service workers' own caches can answer, not the HTTP cache.
    let mut server = StaticServer::with(Options {
        mounts: vec![("/a/".to_string(), a), ("/b/".to_string(), b)],
        caching: Caching::NoCache,
        gzip: false,
    });
    let driver = Driver::start();
    let c = browser(&driver).await;
    let origin = server.origin();
    for (path, wasm) in [("/a/", &wasm_a), ("/b/", &wasm_b)] {
        open_page(&c, &format!("{origin}{path}"), HOME).await;
        wait_for_service_worker(&c).await;
        wait_for_build(&c, wasm).await;
    }
    server.stop();
    for (path, wasm) in [("/a/", &wasm_a), ("/b/", &wasm_b)] {
        c.goto(&format!("{origin}{path}")).await.unwrap();
        wait_for_build(&c, wasm).await;
        open_page(
            &c,
            &format!("{origin}{path}#/about/scoring"),
            "How the passing score works",
        )
        .await;
    }
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
