//! Validates `bank/` and bakes it into `$OUT_DIR/bank.txt` (layout in bankfmt's codegen). A broken
//! bank stops the build here, with the file, the question id and the problem, so it can never reach a
//! learner. `CLF_BANK_DIR` points the build at another folder (the size benchmark builds once with an
//! empty bank). The bank's quality report goes to `$OUT_DIR/quality.txt` and `quality.json` for the
//! `bank` binary only: the app never includes them.

use std::path::PathBuf;

fn main() {
    let dir = std::env::var_os("CLF_BANK_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(bankfmt::default_bank_dir);
    println!("cargo::rerun-if-env-changed=CLF_BANK_DIR");
    // Cargo scans the folder recursively, so bank/meta/ is watched too.
    println!("cargo::rerun-if-changed={}", dir.display());
    let policy = bankfmt::Policy::on(bankfmt::Date::today());
    let bank = match bankfmt::load_dir(&dir, policy) {
        Ok(bank) => bank,
        Err(problems) => {
            eprintln!(
                "The question bank in {} has {} problem(s):",
                dir.display(),
                problems.len()
            );
            for p in &problems {
                eprintln!("  {p}");
            }
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let quality = bank.quality();
    for (name, text) in [
        ("bank.txt", bankfmt::codegen(&bank)),
        ("services.txt", bankfmt::codegen_services(&bank)),
        ("quality.txt", quality.table()),
        ("quality.json", quality.json_fields()),
    ] {
        std::fs::write(out.join(name), text).expect("OUT_DIR is writable");
    }
}
