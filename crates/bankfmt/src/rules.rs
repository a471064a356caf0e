//! The rules of `docs/bank-format.md`: each question alone (lengths, id, kind, links, text), the
//! bank as a whole (unique ids, near-duplicate stems), and the facts that need the service
//! catalogue or the date (`verified`, `services`, `contrasts`).

use std::collections::{HashMap, HashSet};

use crate::links::is_aws_host;
use crate::{markup, meta, similarity, syllabus, Bank, Kind, Policy, Problem, Question};
use crate::{MAX_REFS, MAX_TAGS, NEAR_DUPLICATE, OPTION_CHARS, STEM_CHARS, WHY_CHARS};

pub(crate) fn is_known_task(task: &str) -> bool {
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
