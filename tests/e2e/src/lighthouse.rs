//! Runs Lighthouse (from the npm tools `./x` installs) on a page in a Chromium that listens for
//! DevTools on `port`, and returns its JSON report; shared by the Lighthouse gate and `./x bench`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;

fn lighthouse_bin() -> PathBuf {
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/.bin/lighthouse");
    assert!(
        bin.exists(),
        "no Lighthouse at {}: ./x test installs it (npm ci)",
        bin.display()
    );
    bin
}

/// Lighthouse on `url` with `args` (categories, preset, throttling); `name` labels its timing line.
pub async fn lighthouse(url: &str, port: u16, name: &str, args: &[String]) -> Value {
    let out = std::env::temp_dir().join(format!(
        "clf-lighthouse-{}-{port}-{name}.json",
        std::process::id()
    ));
    let mut command = Command::new(lighthouse_bin());
    command
        .arg(url)
        .arg(format!("--port={port}"))
        .args(args)
        .args(["--output=json", "--quiet"])
        .arg(format!("--output-path={}", out.display()));
    let started = Instant::now();
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the Lighthouse thread")
        .unwrap_or_else(|e| panic!("cannot run Lighthouse ({e}): ./x test installs it"));
    assert!(
        output.status.success(),
        "Lighthouse failed on {url} ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).expect("the Lighthouse report");
    let _ = std::fs::remove_file(&out);
    let report: Value = serde_json::from_str(&text).expect("a JSON report");
    if let Some(error) = report.get("runtimeError") {
        panic!("Lighthouse could not measure {url}: {error}");
    }
    println!(
        "lighthouse {name}: {:.0} s",
        started.elapsed().as_secs_f64()
    );
    report
}

/// An audit's measured value (milliseconds, or the layout-shift score), NaN when absent.
pub fn metric(report: &Value, audit: &str) -> f64 {
    report["audits"][audit]["numericValue"]
        .as_f64()
        .unwrap_or(f64::NAN)
}
