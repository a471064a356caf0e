//! Bakes a validated bank into one text blob that the engine embeds with `include_str!` and splits
//! into `&'static str` fields once, at first use (a few milliseconds in wasm).
//!
//! Why a blob and not Rust statics: statics interleave every string with pointer/length pairs that
//! gzip cannot squeeze, and an empty bank let the compiler delete code that a real bank needs, which
//! made the size benchmark's "app without bank" dishonest. The blob ships the bank's words next to
//! each other, with no keys, so it compresses below its TOML source.
//!
//! Layout (the separators live in the engine's `baked.rs`; `check_controls` bans them from the text):
//! questions are separated by [`RECORD`]; a question's fields by [`FIELD`], in this order:
//! id, choose count ("1" for multiple choice), difficulty level, guide version, stem, references,
//! tags and services (items separated by [`ITEM`]), the `verified` date (empty when the question
//! has none), then per option its text prefixed with `+` (correct) or `-`, followed by its
//! explanation. Contrasts stay behind: they serve the build's checks, not the learner.
//!
//! The service catalogue is a second blob ([`codegen_services`]): one record per examinable service,
//! in catalogue order, with the fields name, category, other names (its full name and aliases, items
//! separated by [`ITEM`]), what, choose when, documentation link, then per look-alike its name
//! followed by the difference.

use crate::baked::{FIELD, ITEM, RECORD};
use crate::{Bank, Kind};

/// The blob for `bank`, questions sorted by id so the engine can find one by binary search.
pub fn codegen(bank: &Bank) -> String {
    let mut questions: Vec<_> = bank.questions.iter().map(|(_, q)| q).collect();
    questions.sort_by(|a, b| a.id.cmp(&b.id));
    let records: Vec<String> = questions
        .into_iter()
        .map(|q| {
            let choose = match q.kind {
                Kind::Single => 1,
                Kind::Multiple => q.correct_count(),
            };
            let mut fields = vec![
                q.id.clone(),
                choose.to_string(),
                q.difficulty.to_string(),
                q.guide.clone(),
                q.stem.trim().to_string(),
                q.refs.join(&ITEM.to_string()),
                q.tags.join(&ITEM.to_string()),
                q.services
                    .as_deref()
                    .unwrap_or_default()
                    .join(&ITEM.to_string()),
                q.verified.clone().unwrap_or_default(),
            ];
            for o in &q.options {
                let mark = if o.correct { '+' } else { '-' };
                fields.push(format!("{mark}{}", o.text.trim()));
                fields.push(o.why.trim().to_string());
            }
            fields.join(&FIELD.to_string())
        })
        .collect();
    records.join(&RECORD.to_string())
}

/// The blob of the service catalogue's cards (examinable services only: the others have none).
pub fn codegen_services(bank: &Bank) -> String {
    let records: Vec<String> = bank
        .meta
        .services
        .iter()
        .filter(|s| s.examinable())
        .map(|s| {
            let other_names: Vec<&str> = s
                .full
                .iter()
                .chain(&s.aliases)
                .map(String::as_str)
                .collect();
            let other_names = other_names.join(&ITEM.to_string());
            let mut fields = vec![
                s.name.as_str(),
                s.category.as_str(),
                other_names.as_str(),
                s.what.as_deref().unwrap_or_default(),
                s.choose_when.as_deref().unwrap_or_default(),
                s.doc.as_deref().unwrap_or_default(),
            ];
            for c in &s.confused_with {
                fields.extend([c.name.as_str(), c.difference.as_str()]);
            }
            fields.join(&FIELD.to_string())
        })
        .collect();
    records.join(&RECORD.to_string())
}
