//! The bank as its files say it: the TOML records (questions, options, kinds) deserialised as
//! written, the files and the bank they make up, and the problems validation reports.

use std::fmt;

use serde::Deserialize;

use crate::{Meta, Quality};

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
    /// A made-up question for the checks' tests: only what the cues and twins look at is set.
    #[cfg(test)]
    pub(crate) fn made_up(id: &str, kind: Kind, stem: &str, options: &[(&str, bool)]) -> Question {
        Question {
            id: id.into(),
            kind,
            difficulty: 2,
            guide: "CLF-C02 v1.0".into(),
            tags: Vec::new(),
            stem: stem.into(),
            refs: Vec::new(),
            verified: None,
            services: None,
            contrasts: Vec::new(),
            options: options
                .iter()
                .map(|&(text, correct)| Choice {
                    text: text.into(),
                    correct,
                    why: String::new(),
                })
                .collect(),
        }
    }

    pub fn correct_count(&self) -> usize {
        self.options.iter().filter(|o| o.correct).count()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub(crate) task: String,
    #[serde(default)]
    pub(crate) question: Vec<Question>,
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
