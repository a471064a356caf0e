//! Reads, validates and bakes the question bank. Runs at build time (from the engine's `build.rs`) and
//! in `bank-check`; never linked into the app. Every rule in `docs/bank-format.md` lives here, and a
//! file that breaks one is reported with the file, the question id and the problem in plain words.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[path = "../../engine/src/baked.rs"]
pub mod baked;
#[path = "../../engine/src/markup.rs"]
pub mod markup;
#[path = "../../engine/src/syllabus.rs"]
pub mod syllabus;

mod codegen;
pub mod cues;
pub mod date;
pub mod meta;
pub mod quality;
pub mod services;
mod similarity;
pub mod twins;

pub use codegen::codegen;
pub use date::Date;
pub use meta::Meta;
pub use quality::Quality;

/// What validation needs besides the files: the day it runs (no `verified` date may be later) and
/// whether the quality rules apply (`verified` and `services` required, a wrong option naming an
/// out-of-scope, closed or retired service only when `contrasts` lists it, the answer-cue targets
/// met, every twin pair reviewed). The build always applies them; only tests of the older rules,
/// whose small fixtures carry no dates or services, turn them off.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub today: Date,
    pub enforce_quality: bool,
}

impl Policy {
    /// The build's policy on the given day: every rule applies.
    pub fn on(today: Date) -> Policy {
        Policy {
            today,
            enforce_quality: true,
        }
    }
}

pub const STEM_CHARS: std::ops::RangeInclusive<usize> = 20..=700;
pub const OPTION_CHARS: std::ops::RangeInclusive<usize> = 1..=250;
pub const WHY_CHARS: std::ops::RangeInclusive<usize> = 20..=700;
pub const MAX_TAGS: usize = 8;
pub const MAX_REFS: usize = 4;
/// Word-trigram Jaccard similarity at which two stems are reported as near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.6;

/// One problem found in the bank, located as precisely as the data allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multiple,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    pub why: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub difficulty: u8,
    pub guide: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub stem: String,
    pub refs: Vec<String>,
    /// The day its facts were last checked, "YYYY-MM-DD".
    pub verified: Option<String>,
    /// The services it is about, by their names in `bank/meta/services.toml`; empty for a concept
    /// question.
    pub services: Option<Vec<String>>,
    /// Out-of-scope, closed or retired services that a wrong option names on purpose, so the
    /// learner tells them apart from the answer.
    #[serde(default)]
    pub contrasts: Vec<String>,
    pub options: Vec<Choice>,
}

impl Question {
    pub fn correct_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    task: String,
    #[serde(default)]
    question: Vec<Question>,
}

/// A validated file: its task statement ("2.3") and its questions.
#[derive(Clone, Debug)]
pub struct BankFile {
    pub name: String,
    pub task: String,
    pub questions: Vec<Question>,
}

/// The validated bank: every question with the task statement of its file, and `bank/meta/`.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    pub files: Vec<BankFile>,
    pub questions: Vec<(String, Question)>,
    pub meta: Meta,
}

impl Bank {
    /// The bank-wide quality report (answer cues, twins, services, scenarios).
    pub fn quality(&self) -> Quality {
        Quality::of(self.questions.iter().map(|(_, q)| q), &self.meta)
    }
}

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

fn is_known_task(task: &str) -> bool {
    syllabus::TASK_OUTLINE
        .iter()
        .any(|(d, t, _)| format!("{d}.{t}") == task)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn check_length(
    what: &str,
    text: &str,
    range: &std::ops::RangeInclusive<usize>,
    out: &mut Vec<String>,
) {
    let n = char_len(text.trim());
    if n == 0 {
        out.push(format!("{what} is empty"));
    } else if !range.contains(&n) {
        out.push(format!(
            "{what} has {n} characters; allowed {}-{}",
            range.start(),
            range.end()
        ));
    }
}

fn check_text(what: &str, text: &str, out: &mut Vec<String>) {
    if text.contains(['<', '>']) {
        out.push(format!(
            "{what} contains < or >, which could be mistaken for markup; rephrase"
        ));
    }
    for paragraph in markup::paragraphs(text) {
        if let Err(e) = markup::parse(paragraph) {
            out.push(format!("{what}: {e}"));
        }
    }
}

/// Control characters other than line breaks have no place in a question, and the baked form uses
/// three of them as separators.
fn check_controls(q: &Question, out: &mut Vec<String>) {
    let fields = [&q.id, &q.guide, &q.stem]
        .into_iter()
        .chain(&q.refs)
        .chain(&q.tags)
        .chain(&q.verified)
        .chain(q.options.iter().flat_map(|o| [&o.text, &o.why]));
    if fields
        .flat_map(|f| f.chars())
        .any(|c| c.is_control() && c != '\n')
    {
        out.push("contains a control character (only line breaks are allowed)".to_string());
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The "(Choose N.)" count a stem ends with, if any.
pub fn choose_count(stem: &str) -> Option<usize> {
    const WORDS: [(&str, usize); 3] = [
        ("(Choose TWO.)", 2),
        ("(Choose THREE.)", 3),
        ("(Choose FOUR.)", 4),
    ];
    let stem = stem.trim_end();
    WORDS
        .iter()
        .find(|(w, _)| stem.ends_with(w))
        .map(|(_, n)| *n)
}

/// A reference link: `https://` on an AWS host, parsed strictly. The link must be exactly its own
/// parsed form (so a backslash, a space or a stray character that a browser would rewrite cannot
/// make it point elsewhere than it seems), with no user name, password or port.
fn is_aws_host(link: &str) -> bool {
    let Ok(url) = url::Url::parse(link) else {
        return false;
    };
    let canonical = url.as_str() == link || url.as_str().strip_suffix('/') == Some(link);
    let plain = url.username().is_empty() && url.password().is_none() && url.port().is_none();
    let host = match url.host() {
        Some(url::Host::Domain(host)) => host,
        _ => return false,
    };
    let aws = host == "aws.amazon.com"
        || host.ends_with(".aws.amazon.com")
        || host == "d1.awsstatic.com"
        || host == "repost.aws";
    url.scheme() == "https" && canonical && plain && aws
}

fn id_matches(task: &str, id: &str) -> bool {
    id.strip_prefix(task)
        .and_then(|r| r.strip_prefix('-'))
        .is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()) && n != "000")
}

/// Every single-question rule; each message says what to fix.
pub fn check_question(task: &str, q: &Question) -> Vec<String> {
    let mut out = Vec::new();
    if !id_matches(task, &q.id) {
        out.push(format!(
            "id must be \"{task}-NNN\" (three digits, from 001) to match the file's task"
        ));
    }
    if !(1..=3).contains(&q.difficulty) {
        out.push(format!(
            "difficulty {} must be 1 (easy), 2 (medium) or 3 (hard)",
            q.difficulty
        ));
    }
    if q.guide != syllabus::GUIDE_VERSION {
        out.push(format!(
            "guide \"{}\" must be \"{}\"",
            q.guide,
            syllabus::GUIDE_VERSION
        ));
    }
    if q.tags.len() > MAX_TAGS {
        out.push(format!("{} tags; at most {MAX_TAGS}", q.tags.len()));
    }
    if q.tags.iter().any(|t| t.trim().is_empty()) {
        out.push("a tag is empty".to_string());
    }
    check_controls(q, &mut out);
    check_length("the stem", &q.stem, &STEM_CHARS, &mut out);
    check_text("the stem", &q.stem, &mut out);
    if q.refs.is_empty() || q.refs.len() > MAX_REFS {
        out.push(format!(
            "{} reference links; give 1 to {MAX_REFS}",
            q.refs.len()
        ));
    }
    for r in &q.refs {
        if !is_aws_host(r) {
            out.push(format!(
                "reference \"{r}\" is not an https link on an AWS documentation host"
            ));
        }
    }
    let options = q.options.len();
    let correct = q.correct_count();
    let choose = choose_count(&q.stem);
    match q.kind {
        Kind::Single => {
            if options != 4 {
                out.push(format!(
                    "a single-answer question needs exactly 4 options, not {options}"
                ));
            }
            if correct != 1 {
                out.push(format!(
                    "a single-answer question needs exactly 1 correct option, not {correct}"
                ));
            }
            if choose.is_some() {
                out.push("a single-answer stem must not say \"(Choose N.)\"".to_string());
            }
        }
        Kind::Multiple => {
            if !(5..=6).contains(&options) {
                out.push(format!(
                    "a multiple-response question needs 5 or 6 options, not {options}"
                ));
            }
            if !(2..=3).contains(&correct) {
                out.push(format!(
                    "a multiple-response question needs 2 or 3 correct options, not {correct}"
                ));
            }
            match choose {
                None => out.push("a multiple-response stem must end with \"(Choose TWO.)\" or \"(Choose THREE.)\"".to_string()),
                Some(n) if n != correct => {
                    out.push(format!("the stem says choose {n} but {correct} options are marked correct"))
                }
                Some(_) => {}
            }
        }
    }
    let mut seen = HashSet::new();
    for (i, o) in q.options.iter().enumerate() {
        let what = format!("option {}", i + 1);
        check_length(&what, &o.text, &OPTION_CHARS, &mut out);
        check_text(&what, &o.text, &mut out);
        if o.why.trim().is_empty() {
            out.push(format!("{what} has no explanation (why)"));
        } else {
            check_length(
                &format!("{what}'s explanation"),
                &o.why,
                &WHY_CHARS,
                &mut out,
            );
            check_text(&format!("{what}'s explanation"), &o.why, &mut out);
        }
        if !seen.insert(normalise(&o.text)) {
            out.push(format!("{what} repeats another option's text"));
        }
    }
    out
}

/// Rules across the whole bank: unique ids and near-duplicate stems.
pub fn check_bank(bank: &Bank) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut first_file: HashMap<&str, &str> = HashMap::new();
    for file in &bank.files {
        for q in &file.questions {
            if let Some(other) = first_file.insert(&q.id, &file.name) {
                problems.push(Problem {
                    file: file.name.clone(),
                    id: Some(q.id.clone()),
                    message: format!("id is used twice (also in {other}); ids are never reused"),
                });
            }
        }
    }
    let located: Vec<(&str, &Question)> = bank
        .files
        .iter()
        .flat_map(|f| f.questions.iter().map(move |q| (f.name.as_str(), q)))
        .collect();
    for (a, b, score) in
        similarity::near_duplicates(located.iter().map(|(_, q)| q.stem.as_str()), NEAR_DUPLICATE)
    {
        let (file, qa) = located[a];
        let (other_file, qb) = located[b];
        problems.push(Problem {
            file: file.to_string(),
            id: Some(qa.id.clone()),
            message: format!(
                "stem is a near-duplicate of {} in {} (similarity {:.2}); reword or drop one",
                qb.id, other_file, score
            ),
        });
    }
    problems
}

/// Per-question rules that need the service catalogue or the date: `verified`, `services`,
/// `contrasts` and scope (see `meta`).
pub fn check_facts(bank: &Bank, policy: Policy) -> Vec<Problem> {
    let mut problems = Vec::new();
    for file in &bank.files {
        for q in &file.questions {
            let messages = meta::check_verified(q, policy.today, policy.enforce_quality)
                .into_iter()
                .chain(meta::check_services(
                    q,
                    &bank.meta.services,
                    policy.enforce_quality,
                ));
            problems.extend(messages.map(|message| Problem {
                file: file.name.clone(),
                id: Some(q.id.clone()),
                message,
            }));
        }
    }
    problems
}

/// Counts for `./x bank`: per domain, per task statement, per kind, per difficulty, and correct positions.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub total: usize,
    pub by_domain: BTreeMap<String, usize>,
    pub by_task: BTreeMap<String, usize>,
    pub multiple: usize,
    pub by_difficulty: BTreeMap<u8, usize>,
    pub correct_position: BTreeMap<usize, usize>,
}

impl Bank {
    pub fn stats(&self) -> Stats {
        let mut s = Stats::default();
        for (d, t, _) in syllabus::TASK_OUTLINE {
            s.by_domain.entry(d.to_string()).or_default();
            s.by_task.entry(format!("{d}.{t}")).or_default();
        }
        for d in 1..=3 {
            s.by_difficulty.entry(d).or_default();
        }
        for (task, q) in &self.questions {
            s.total += 1;
            *s.by_task.entry(task.clone()).or_default() += 1;
            let domain = task.split('.').next().unwrap_or_default().to_string();
            *s.by_domain.entry(domain).or_default() += 1;
            if q.kind == Kind::Multiple {
                s.multiple += 1;
            }
            *s.by_difficulty.entry(q.difficulty).or_default() += 1;
            for (i, o) in q.options.iter().enumerate() {
                if o.correct {
                    *s.correct_position.entry(i + 1).or_default() += 1;
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests;
