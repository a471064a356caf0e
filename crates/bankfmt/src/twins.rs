//! Twins: two questions with the same correct answer and at least three options in common, so a
//! learner who has seen one answers the other from memory. Each such pair must be reviewed, and kept
//! on purpose with a reason, in `bank/meta/twins-reviewed.toml`.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

use crate::cues::{plain, words};
use crate::Question;

/// Two question ids, the smaller first.
pub type Pair = (String, String);

/// Options two questions must share, the keys included, to be twins.
pub const SHARED_OPTIONS: usize = 3;

/// A pair kept on purpose: `[[pair]] a = "1.1-003" b = "1.1-017" reason = "..."`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedPair {
    pub a: String,
    pub b: String,
    pub reason: String,
}

impl ReviewedPair {
    /// The pair in id order, so "a, b" and "b, a" are the same pair.
    pub fn key(&self) -> Pair {
        ordered(&self.a, &self.b)
    }
}

fn ordered(a: &str, b: &str) -> Pair {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewed {
    #[serde(default)]
    pair: Vec<ReviewedPair>,
}

/// Parses `twins-reviewed.toml`: every pair with two different ids and a reason, each listed once.
pub fn parse_reviewed(text: &str) -> Result<Vec<ReviewedPair>, Vec<String>> {
    let raw: RawReviewed =
        toml::from_str(text).map_err(|e| vec![format!("not valid twins TOML: {e}")])?;
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for p in &raw.pair {
        if p.a == p.b {
            problems.push(format!(
                "pair {} and {}: a question is not its own twin",
                p.a, p.b
            ));
        }
        if p.reason.trim().is_empty() {
            problems.push(format!(
                "pair {} and {}: give the reason it is kept",
                p.a, p.b
            ));
        }
        if !seen.insert(p.key()) {
            problems.push(format!("pair {} and {} is listed twice", p.a, p.b));
        }
    }
    if problems.is_empty() {
        Ok(raw.pair)
    } else {
        Err(problems)
    }
}

/// An option's text for comparison: no markup, case, punctuation or spacing.
fn normalised(text: &str) -> String {
    words(&plain(text)).collect::<Vec<_>>().join(" ")
}

/// Every twin pair `(a, b)` with `a < b` by id, sorted.
pub fn twin_pairs<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<Pair> {
    // Questions with the same answer are the only candidates, so compare within those groups.
    let mut by_answer: HashMap<BTreeSet<String>, Vec<(&str, BTreeSet<String>)>> = HashMap::new();
    for q in questions {
        let answer: BTreeSet<String> = q
            .options
            .iter()
            .filter(|o| o.correct)
            .map(|o| normalised(&o.text))
            .collect();
        let all = q.options.iter().map(|o| normalised(&o.text)).collect();
        by_answer.entry(answer).or_default().push((&q.id, all));
    }
    let mut pairs = Vec::new();
    for group in by_answer.values() {
        for (i, (a, a_options)) in group.iter().enumerate() {
            for (b, b_options) in &group[i + 1..] {
                if a_options.intersection(b_options).count() >= SHARED_OPTIONS {
                    pairs.push(ordered(a, b));
                }
            }
        }
    }
    pairs.sort();
    pairs
}

/// The flagged pairs nobody has reviewed, and the reviewed pairs that are no longer twins.
pub fn unreviewed_and_stale(flagged: &[Pair], reviewed: &[ReviewedPair]) -> (Vec<Pair>, Vec<Pair>) {
    let listed: BTreeSet<Pair> = reviewed.iter().map(ReviewedPair::key).collect();
    let flagged_set: BTreeSet<&Pair> = flagged.iter().collect();
    let unreviewed = flagged
        .iter()
        .filter(|p| !listed.contains(*p))
        .cloned()
        .collect();
    let stale = listed
        .into_iter()
        .filter(|p| !flagged_set.contains(p))
        .collect();
    (unreviewed, stale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    fn question(id: &str, options: &[(&str, bool)]) -> Question {
        Question::made_up(id, Kind::Single, "Which service?", options)
    }

    #[test]
    fn same_answer_and_three_shared_options_make_twins_despite_case_and_punctuation() {
        let a = question(
            "1.1-017",
            &[
                ("Amazon S3", true),
                ("Amazon EBS", false),
                ("Amazon EFS", false),
                ("X", false),
            ],
        );
        let b = question(
            "1.1-003",
            &[
                ("amazon  s3.", true),
                ("`Amazon EBS`", false),
                ("Amazon EFS!", false),
                ("Y", false),
            ],
        );
        assert_eq!(
            twin_pairs([&a, &b]),
            [("1.1-003".to_string(), "1.1-017".to_string())]
        );
    }

    #[test]
    fn a_different_answer_or_two_shared_options_are_not_twins() {
        let a = question(
            "1.1-001",
            &[
                ("Amazon S3", true),
                ("Amazon EBS", false),
                ("Amazon EFS", false),
                ("X", false),
            ],
        );
        let other_key = question(
            "1.1-002",
            &[
                ("Amazon S3", false),
                ("Amazon EBS", true),
                ("Amazon EFS", false),
                ("X", false),
            ],
        );
        let two_shared = question(
            "1.1-003",
            &[
                ("Amazon S3", true),
                ("Amazon EBS", false),
                ("Y", false),
                ("Z", false),
            ],
        );
        assert!(twin_pairs([&a, &other_key, &two_shared]).is_empty());
    }

    #[test]
    fn reviewed_pairs_match_in_either_order_and_stale_ones_are_found() {
        let flagged = vec![
            ("1.1-003".to_string(), "1.1-017".to_string()),
            ("2.1-001".to_string(), "2.1-002".to_string()),
        ];
        let reviewed = parse_reviewed(
            r#"
[[pair]]
a = "1.1-017"
b = "1.1-003"
reason = "Same fact asked from the cost side and the speed side."
[[pair]]
a = "3.1-001"
b = "3.1-009"
reason = "Was a twin once."
"#,
        )
        .unwrap();
        let (unreviewed, stale) = unreviewed_and_stale(&flagged, &reviewed);
        assert_eq!(unreviewed, [flagged[1].clone()]);
        assert_eq!(stale, [("3.1-001".to_string(), "3.1-009".to_string())]);
    }

    #[test]
    fn a_review_needs_two_ids_a_reason_and_one_entry() {
        let bad = "[[pair]]\na = \"1.1-001\"\nb = \"1.1-001\"\nreason = \" \"\n\
                   [[pair]]\na = \"1.1-002\"\nb = \"1.1-003\"\nreason = \"r\"\n\
                   [[pair]]\na = \"1.1-003\"\nb = \"1.1-002\"\nreason = \"r\"\n";
        let err = parse_reviewed(bad).unwrap_err();
        assert_eq!(err.len(), 3, "{err:?}");
        assert!(parse_reviewed("[[pair]]\na = \"1.1-001\"\n").is_err());
    }
}
