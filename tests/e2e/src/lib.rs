//! The end-to-end harness: a plain static file server for `dist/` under a sub-path, chromedriver with
//! headless Chromium, and the checks every test ends with (no console error, no other-origin request).
//! Tests fail, never skip, when `dist/` or chromedriver is missing: `./x test` provides both.
//!
//! `server` serves the build, `browser` starts chromedriver and Chromium, `waits` polls the page,
//! `checks` holds the closing checks and `flows` the steps several tests share.
#![cfg(not(target_arch = "wasm32"))]

mod browser;
mod checks;
mod flows;
mod lighthouse;
mod server;
mod waits;

pub use browser::{browser, browser_with_args, console, Driver};
pub use checks::{assert_accessible, assert_clean_console, assert_same_origin};
pub use flows::{
    click_text, import_file, open_review_screen, set_exam_date, start_mock, submit_from_review,
    take_diagnostic, temp_file, wait_for_service_worker,
};
pub use lighthouse::{lighthouse, metric};
pub use server::{Caching, Options, StaticServer};
pub use waits::{count, element, open_page, text_of, text_where, wait_for, wait_for_heading};

use std::net::TcpListener;
use std::path::{Path, PathBuf};

/// Copies the files (not subfolders) of `from` into `to`, creating it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The built app: `CLF_DIST`, or `dist/` at the repository root.
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
