//! The catalogue of AWS services in `bank/meta/services.toml`: which ones the exam guide puts in
//! scope, and which AWS has closed to new customers or retired. Questions name their services from
//! it, and option texts are searched for its names and aliases. Every examinable service also has a
//! card for learners: what it does, when to choose it, the services it is confused with and how
//! they differ, and its documentation page.

use std::collections::HashMap;

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    In,
    Out,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    /// Closed to new customers: a learner could not start using it.
    Closed,
    Retired,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The exact string questions use in `services` and `contrasts`.
    pub name: String,
    pub full: Option<String>,
    pub category: String,
    pub scope: Scope,
    pub status: Status,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it does, in one sentence that does not name it (it becomes a flashcard).
    pub what: Option<String>,
    /// When a learner should choose it, likewise without its name.
    pub choose_when: Option<String>,
    /// The AWS documentation page that backs the card.
    pub doc: Option<String>,
    #[serde(default)]
    pub confused_with: Vec<Confusion>,
}

/// A look-alike service and the one-line difference that decides between them.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confusion {
    pub name: String,
    pub difference: String,
}

/// Look-alikes per card: at least one, so that every card teaches a contrast, and few enough to read.
pub const CONFUSIONS: std::ops::RangeInclusive<usize> = 1..=3;

impl Service {
    /// In the exam's scope and open to new customers: the only services a key may rest on.
    pub fn examinable(&self) -> bool {
        self.scope == Scope::In && self.status == Status::Active
    }

    /// Why a question may not rest on this service, for messages ("out of scope", "closed").
    pub fn why_not_examinable(&self) -> Option<&'static str> {
        match (self.scope, self.status) {
            (_, Status::Retired) => Some("retired"),
            (_, Status::Closed) => Some("closed to new customers"),
            (Scope::Out, Status::Active) => Some("out of the exam's scope"),
            (Scope::In, Status::Active) => None,
        }
    }

    /// The strings that name it in text: its name, its full name and its aliases.
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.full.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    service: Vec<Service>,
}

/// Every known service, looked up by its exact `name`.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    services: Vec<Service>,
    by_name: HashMap<String, usize>,
}

impl Catalogue {
    /// Parses `services.toml`; every message says which entry to fix.
    pub fn parse(text: &str) -> Result<Catalogue, Vec<String>> {
        let raw: RawCatalogue =
            toml::from_str(text).map_err(|e| vec![format!("not valid services TOML: {e}")])?;
        Catalogue::new(raw.service)
    }

    pub fn new(services: Vec<Service>) -> Result<Catalogue, Vec<String>> {
        let mut problems = Vec::new();
        let mut by_name = HashMap::new();
        // A name or alias shared by two services would make every match ambiguous.
        let mut owner: HashMap<&str, &str> = HashMap::new();
        for (i, s) in services.iter().enumerate() {
            if s.name.trim().is_empty() || s.name.trim() != s.name {
                problems.push(format!(
                    "service \"{}\": the name is empty or has spaces around it",
                    s.name
                ));
            }
            if by_name.insert(s.name.clone(), i).is_some() {
                problems.push(format!("service \"{}\" is listed twice", s.name));
            }
            for n in s.names() {
                if n.trim().is_empty() {
                    problems.push(format!("service \"{}\" has an empty alias", s.name));
                } else if let Some(other) = owner.insert(n, &s.name) {
                    if other != s.name {
                        problems.push(format!("\"{n}\" names both \"{other}\" and \"{}\"", s.name));
                    }
                }
            }
        }
        if problems.is_empty() {
            for s in services.iter().filter(|s| s.examinable()) {
                check_card(s, &services, &by_name, &mut problems);
            }
        }
        if problems.is_empty() {
            Ok(Catalogue { services, by_name })
        } else {
            Err(problems)
        }
    }

    pub fn get(&self, name: &str) -> Option<&Service> {
        self.by_name.get(name).map(|&i| &self.services[i])
    }

    /// Every service, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = &Service> {
        self.services.iter()
    }

    pub fn len(&self) -> usize {
        self.services.len()
    }

    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }

    /// The services `text` names, each once, in catalogue order. Names and aliases match as whole
    /// words and case-sensitively; a match inside a longer match is dropped, so "Amazon S3 Glacier"
    /// does not also count as a service aliased "Glacier".
    pub fn named_in(&self, text: &str) -> Vec<&Service> {
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (i, s) in self.services.iter().enumerate() {
            for n in s.names() {
                spans.extend(whole_word_matches(text, n).map(|start| (start, start + n.len(), i)));
            }
        }
        let inside_longer = |&(a, b, i): &(usize, usize, usize)| {
            spans
                .iter()
                .any(|&(c, d, j)| j != i && c <= a && b <= d && d - c > b - a)
        };
        let mut found: Vec<usize> = spans
            .iter()
            .filter(|s| !inside_longer(s))
            .map(|&(_, _, i)| i)
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|i| &self.services[i]).collect()
    }
}

/// The learner's card of an examinable service: every field present, plain one-line text, no
/// sentence that gives its name away, look-alikes that exist, are examinable and are named in the
/// difference, and a documentation link on an AWS host.
fn check_card(
    s: &Service,
    all: &[Service],
    by_name: &HashMap<String, usize>,
    problems: &mut Vec<String>,
) {
    let mut problem = |m: String| problems.push(format!("service \"{}\": {m}", s.name));
    let short = ["AWS ", "Amazon "]
        .iter()
        .find_map(|p| s.name.strip_prefix(p));
    let names_itself = |text: &str| {
        s.names()
            .chain(short)
            .find(|n| whole_word_matches(text, n).next().is_some())
    };
    for (field, text) in [("what", &s.what), ("choose_when", &s.choose_when)] {
        match text.as_deref().map(str::trim) {
            None | Some("") => problem(format!(
                "{field} is missing (every examinable service has a card)"
            )),
            Some(t) => {
                if let Some(n) = names_itself(t) {
                    problem(format!("{field} names the service (\"{n}\"); it becomes a flashcard, so describe it without its name"));
                }
                if t.contains(['<', '>']) || t.contains(char::is_control) {
                    problem(format!("{field} must be one line of plain text"));
                }
            }
        }
    }
    match s.doc.as_deref() {
        None => {
            problem("doc is missing: link the AWS documentation page that backs the card".into())
        }
        Some(link) if !crate::links::is_aws_host(link) => {
            problem(format!("doc {link:?} is not an https link on an AWS host"))
        }
        Some(_) => {}
    }
    if !CONFUSIONS.contains(&s.confused_with.len()) {
        problem(format!(
            "confused_with lists {} services; list {} to {}",
            s.confused_with.len(),
            CONFUSIONS.start(),
            CONFUSIONS.end()
        ));
    }
    for (i, c) in s.confused_with.iter().enumerate() {
        let Some(other) = by_name.get(&c.name).map(|&j| &all[j]) else {
            problem(format!(
                "confused_with names \"{}\", which is not in the catalogue",
                c.name
            ));
            continue;
        };
        if other.name == s.name {
            problem("confused_with names the service itself".into());
        } else if !other.examinable() {
            problem(format!(
                "confused_with names \"{}\", which is not examinable",
                c.name
            ));
        }
        if s.confused_with[..i].iter().any(|d| d.name == c.name) {
            problem(format!("confused_with names \"{}\" twice", c.name));
        }
        // In running text a service goes by its short name too ("Lambda" for "AWS Lambda").
        if c.difference.contains(char::is_control) || s.category.contains(char::is_control) {
            problem("texts must be plain, with no control characters".into());
        }
        let named = |svc: &Service| {
            let short = ["AWS ", "Amazon "]
                .iter()
                .find_map(|p| svc.name.strip_prefix(p));
            svc.names()
                .chain(short)
                .any(|n| whole_word_matches(&c.difference, n).next().is_some())
        };
        if !named(s) || !named(other) {
            problem(format!(
                "the difference from \"{}\" must name both services",
                c.name
            ));
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Byte offsets where `needle` occurs in `text` with no letter or digit right before or after it.
fn whole_word_matches<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(move |&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + needle.len()..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
}

#[cfg(test)]
mod tests;
