//! Reading the bank: every file parsed, every rule applied, and all the problems reported
//! together, so one build run lists everything to fix.

use std::path::{Path, PathBuf};

use crate::rules::is_known_task;
use crate::source::RawFile;
use crate::{check_bank, check_facts, check_question, Bank, BankFile, Meta, Policy, Problem};

/// `bank/` at the repository root, found from this crate's manifest so it works from any directory.
pub fn default_bank_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bank")
}

/// Loads every `*.toml` in `dir` (sorted by name) and `dir/meta/`, and validates the whole bank.
pub fn load_dir(dir: &Path, policy: Policy) -> Result<Bank, Vec<Problem>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![Problem {
            file: dir.display().to_string(),
            id: None,
            message: format!("cannot read the bank folder: {e}"),
        }]
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    load_files(&paths, dir, policy)
}

/// Loads and validates the given files as one bank, with the meta files of the bank in `bank_dir`.
pub fn load_files(
    paths: &[PathBuf],
    bank_dir: &Path,
    policy: Policy,
) -> Result<Bank, Vec<Problem>> {
    let mut sources = Vec::new();
    let (meta, mut problems) = match Meta::load(bank_dir) {
        Ok(meta) => (meta, Vec::new()),
        Err(problems) => (Meta::default(), problems),
    };
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match std::fs::read_to_string(path) {
            Ok(text) => sources.push((name, text)),
            Err(e) => problems.push(Problem {
                file: name,
                id: None,
                message: format!("cannot read the file: {e}"),
            }),
        }
    }
    match validate_sources(&sources, meta, policy) {
        Ok(bank) if problems.is_empty() => Ok(bank),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// Validates in-memory files `(file name, TOML text)`: each file on its own, then the bank as a whole.
pub fn validate_sources(
    sources: &[(String, String)],
    meta: Meta,
    policy: Policy,
) -> Result<Bank, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bank = Bank {
        meta,
        ..Bank::default()
    };
    for (name, text) in sources {
        match parse_file(name, text) {
            Ok(file) => bank.files.push(file),
            Err(p) => problems.extend(p),
        }
    }
    for file in &bank.files {
        for q in &file.questions {
            bank.questions.push((file.task.clone(), q.clone()));
        }
    }
    problems.extend(check_bank(&bank));
    problems.extend(check_facts(&bank, policy));
    let quality = bank.quality();
    problems.extend(quality.stale_problems());
    if policy.enforce_quality {
        problems.extend(quality.problems());
    }
    if problems.is_empty() {
        Ok(bank)
    } else {
        Err(problems)
    }
}

/// Parses one file and checks every rule that concerns a single file.
pub fn parse_file(name: &str, text: &str) -> Result<BankFile, Vec<Problem>> {
    let problem = |id: Option<&str>, message: String| Problem {
        file: name.to_string(),
        id: id.map(str::to_string),
        message,
    };
    let raw: RawFile = toml::from_str(text)
        .map_err(|e| vec![problem(None, format!("not valid bank TOML: {e}"))])?;
    let mut problems = Vec::new();
    if !is_known_task(&raw.task) {
        problems.push(problem(
            None,
            format!(
                "task \"{}\" is not one of the 19 task statements (1.1 to 4.3)",
                raw.task
            ),
        ));
    }
    if !name.starts_with(&format!("{}-", raw.task)) {
        problems.push(problem(
            None,
            format!(
                "the file name must start with its task statement, \"{}-\"",
                raw.task
            ),
        ));
    }
    if raw.question.is_empty() {
        problems.push(problem(None, "the file has no [[question]]".to_string()));
    }
    for q in &raw.question {
        for message in check_question(&raw.task, q) {
            problems.push(problem(Some(&q.id), message));
        }
    }
    if problems.is_empty() {
        Ok(BankFile {
            name: name.to_string(),
            task: raw.task,
            questions: raw.question,
        })
    } else {
        Err(problems)
    }
}
