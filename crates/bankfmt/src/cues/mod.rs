//! Answer cues: bank-wide measures of the habits that let a test-wise learner find the key without
//! knowing the answer (the key is the longest option, it echoes the stem, the distractors say
//! "always"). Each figure has a target in [`TARGETS`]; a figure over its target names the questions
//! that make it, worst first, so a writer knows where to start.

use std::collections::HashSet;

use crate::{Kind, Question};

pub mod lengths;

/// The answer-cue targets, in one place. A learner who knows nothing should do no better than chance
/// by reading the options' shape, so each target sits at about the level chance alone would give.
pub struct Targets {
    /// Four options of unrelated lengths: the key is strictly the longest about 1 time in 4 (ties
    /// make it a little rarer). 0.28 allows that chance plus noise, not a habit.
    pub key_strictly_longest_single: f64,
    /// 2 keys of 5 options outrank all 3 distractors by chance 1 time in 10 (1 in 15 for 2 of 6,
    /// 1 in 20 for 3 of 6); 0.12 is that chance plus noise.
    pub keys_strictly_longest_multi: f64,
    /// A key half as long again as every distractor shows at a glance; no question may have one.
    pub key_over_1_5x_longest_distractor: usize,
    /// With a unique best overlap in about half the questions, the key would be it by chance about
    /// 1 time in 8 (half of 1 in 4); more means keys echo their stems.
    pub stem_overlap_single: f64,
    /// Absolutes ("always", "never", "only") mark a distractor for anyone who has learnt that
    /// trick; a few are fair when the absolute itself is the false claim being tested.
    pub absolute_words_distractors: f64,
    /// The best "pick the option of length rank r" guesser on single-answer questions
    /// ([`lengths`]): chance is 1 in 4, and the best of four ranks over some 900 questions lands
    /// about 0.02 above it even in a fair bank; 0.29 allows that, not a habit.
    pub length_rank_single: f64,
    /// The same guesser on multiple-response questions, picking a set of ranks per shape: chance is
    /// 1 in 10 for 2 of 5 and 1 in 20 for 3 of 6; the best of 10 or 20 sets over a few hundred
    /// questions lands near 0.13 in a fair bank, so 0.14.
    pub length_rank_multi: f64,
}

pub const TARGETS: Targets = Targets {
    key_strictly_longest_single: 0.28,
    keys_strictly_longest_multi: 0.12,
    key_over_1_5x_longest_distractor: 0,
    stem_overlap_single: 0.12,
    absolute_words_distractors: 0.05,
    length_rank_single: 0.29,
    length_rank_multi: 0.14,
};

/// Words that make a wrong option an absolute claim (matched as whole words, any case).
pub const ABSOLUTE_WORDS: [&str; 14] = [
    "always",
    "never",
    "only",
    "all",
    "every",
    "any",
    "guarantee",
    "guarantees",
    "guaranteed",
    "completely",
    "entirely",
    "eliminate",
    "eliminates",
    "eliminated",
];

/// The text a learner sees: markup marks (backticks, asterisks) removed, spaces trimmed.
pub fn plain(text: &str) -> String {
    text.replace(['`', '*'], "").trim().to_string()
}

/// Length in characters of what the learner sees.
pub fn shown_len(text: &str) -> usize {
    plain(text).chars().count()
}

/// Lower-cased words: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Distinct words of four or more characters: short words ("the", "an", "S3") say little about
/// whether an option echoes the stem.
fn long_words(text: &str) -> HashSet<String> {
    words(&plain(text))
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

/// The absolute words in `text`, in order of appearance.
pub fn absolutes(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| ABSOLUTE_WORDS.contains(&w.as_str()))
        .collect()
}

/// How a figure is read: a share of questions or options, or a plain count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Share,
    Count,
}

/// One bank-wide figure against its target.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub name: &'static str,
    pub unit: Unit,
    pub value: f64,
    pub target: f64,
    /// What makes the figure ("3.3-004 (2.40×)"), worst first.
    pub worst: Vec<String>,
    /// False when too few questions were measured to tell a habit from noise: the figure is shown
    /// but not held to its target.
    pub judged: bool,
}

/// Fewer questions of a kind than this and the best length-rank guesser is mostly luck (the best
/// of four ranks on 50 fair questions lands near 0.33).
pub const GUESSER_MIN_QUESTIONS: usize = 200;

impl Figure {
    pub fn ok(&self) -> bool {
        !self.judged || self.value <= self.target
    }

    /// The value as `./x bank` prints it and JSON carries it.
    pub fn show(&self, x: f64) -> String {
        match self.unit {
            Unit::Share => format!("{x:.3}"),
            Unit::Count => format!("{x:.0}"),
        }
    }
}

/// Share `n / of`, 0 for nothing to share.
fn share(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

/// Ids with a score, sorted worst (highest) first, ties by id.
fn worst_first(mut found: Vec<(f64, String)>) -> Vec<String> {
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().map(|(_, s)| s).collect()
}

/// The answer-cue figures of a set of questions, in the order `./x bank` prints them.
pub fn measure<'a>(questions: impl IntoIterator<Item = &'a Question>) -> [Figure; 7] {
    let questions: Vec<&Question> = questions.into_iter().collect();
    let guesser =
        |kind: Kind| lengths::best_guesser(questions.iter().copied().filter(|q| q.kind == kind));
    let (single_guesser, multi_guesser) = (guesser(Kind::Single), guesser(Kind::Multiple));
    let (mut singles, mut multis) = (0, 0);
    let mut longest_single = Vec::new();
    let mut longest_multi = Vec::new();
    let mut over_1_5x = Vec::new();
    let mut overlap = Vec::new();
    let (mut distractors, mut absolute) = (0, Vec::new());
    for q in questions {
        let lens: Vec<(usize, bool)> = q
            .options
            .iter()
            .map(|o| (shown_len(&o.text), o.correct))
            .collect();
        let longest_wrong = lens.iter().filter(|o| !o.1).map(|o| o.0).max().unwrap_or(0);
        let correct = || lens.iter().filter(|o| o.1).map(|o| o.0);
        let (shortest_key, longest_key) =
            (correct().min().unwrap_or(0), correct().max().unwrap_or(0));
        // Ratios over the longest distractor; a question without one cannot cue by length.
        let ratio = |key: usize| key as f64 / longest_wrong.max(1) as f64;
        match q.kind {
            Kind::Single => {
                singles += 1;
                if longest_key > longest_wrong {
                    longest_single.push((ratio(longest_key), q.id.clone()));
                }
                if let Some(margin) = stem_overlap_cue(q) {
                    overlap.push((margin as f64, format!("{} (+{margin})", q.id)));
                }
            }
            Kind::Multiple => {
                multis += 1;
                if shortest_key > longest_wrong {
                    longest_multi.push((ratio(shortest_key), q.id.clone()));
                }
            }
        }
        // 2 × key > 3 × distractor: "more than 1.5×" in whole numbers.
        if 2 * longest_key > 3 * longest_wrong {
            let r = ratio(longest_key);
            over_1_5x.push((r, format!("{} ({r:.2}×)", q.id)));
        }
        for (i, o) in q.options.iter().enumerate().filter(|(_, o)| !o.correct) {
            distractors += 1;
            let found = absolutes(&o.text);
            if !found.is_empty() {
                absolute.push((
                    found.len() as f64,
                    format!("{} option {} ({})", q.id, i + 1, found.join(", ")),
                ));
            }
        }
    }
    let with_ratio = |found: Vec<(f64, String)>| -> Vec<(f64, String)> {
        found
            .into_iter()
            .map(|(r, id)| (r, format!("{id} ({r:.2}×)")))
            .collect()
    };
    [
        Figure {
            name: "key_strictly_longest_single",
            unit: Unit::Share,
            value: share(longest_single.len(), singles),
            target: TARGETS.key_strictly_longest_single,
            worst: worst_first(with_ratio(longest_single)),
            judged: true,
        },
        Figure {
            name: "keys_strictly_longest_multi",
            unit: Unit::Share,
            value: share(longest_multi.len(), multis),
            target: TARGETS.keys_strictly_longest_multi,
            worst: worst_first(with_ratio(longest_multi)),
            judged: true,
        },
        Figure {
            name: "key_over_1_5x_longest_distractor",
            unit: Unit::Count,
            value: over_1_5x.len() as f64,
            target: TARGETS.key_over_1_5x_longest_distractor as f64,
            worst: worst_first(over_1_5x),
            judged: true,
        },
        Figure {
            name: "stem_overlap_single",
            unit: Unit::Share,
            value: share(overlap.len(), singles),
            target: TARGETS.stem_overlap_single,
            worst: worst_first(overlap),
            judged: true,
        },
        Figure {
            name: "absolute_words_distractors",
            unit: Unit::Share,
            value: share(absolute.len(), distractors),
            target: TARGETS.absolute_words_distractors,
            worst: worst_first(absolute),
            judged: true,
        },
        guesser_figure(
            "length_rank_single",
            single_guesser,
            TARGETS.length_rank_single,
        ),
        guesser_figure(
            "length_rank_multi",
            multi_guesser,
            TARGETS.length_rank_multi,
        ),
    ]
}

/// A length-rank guesser's score as a figure; the questions it gets right are what to rebalance.
fn guesser_figure(name: &'static str, g: lengths::Guesser, target: f64) -> Figure {
    Figure {
        name,
        unit: Unit::Share,
        value: if g.questions == 0 {
            0.0
        } else {
            g.hits / g.questions as f64
        },
        target,
        worst: worst_first(g.found),
        judged: g.questions >= GUESSER_MIN_QUESTIONS,
    }
}

/// When the one option sharing the most long words with the stem is the key: by how many words it
/// leads the next option. A tie for the most is no cue.
pub fn stem_overlap_cue(q: &Question) -> Option<usize> {
    let stem = long_words(&q.stem);
    let mut shared: Vec<(usize, bool)> = q
        .options
        .iter()
        .map(|o| (long_words(&o.text).intersection(&stem).count(), o.correct))
        .collect();
    shared.sort_by_key(|s| std::cmp::Reverse(s.0));
    match shared.as_slice() {
        [(best, true), (next, _), ..] if best > next => Some(best - next),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
