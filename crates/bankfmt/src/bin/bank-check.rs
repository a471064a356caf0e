//! Validates bank files without building the app: `bank-check [FILE.toml ...]` (default: all of `bank/`).
//! Cross-file rules (unique ids, near-duplicate stems, twins, answer cues) run on whatever set of
//! files is given, with the meta files of `bank/`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let dir = bankfmt::default_bank_dir();
    let policy = bankfmt::Policy::on(bankfmt::Date::today());
    let result = if args.is_empty() {
        bankfmt::load_dir(&dir, policy)
    } else {
        bankfmt::load_files(&args, &dir, policy)
    };
    match result {
        Ok(bank) => {
            println!(
                "bank ok: {} questions in {} files",
                bank.questions.len(),
                bank.files.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s) found", problems.len());
            ExitCode::FAILURE
        }
    }
}
