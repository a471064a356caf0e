//! The service catalogue's cards, baked from `bank/meta/services.toml` (validated then, see bankfmt's
//! services and codegen): for each examinable service, what it does, when to choose it, its
//! look-alikes with the deciding difference, and its documentation page. Questions name the services
//! they are about by the same names, so a card can offer "practise the questions about it".

use crate::baked::{FIELD, ITEM};
use crate::bank::{self, Question};

static BAKED: &str = include_str!(concat!(env!("OUT_DIR"), "/services.txt"));

#[derive(Debug, PartialEq, Eq)]
pub struct Service {
    pub name: &'static str,
    /// The exam guide's group, e.g. "Compute".
    pub category: &'static str,
    /// Its full name and the short names learners use ("EMR", "Elastic MapReduce").
    pub other_names: &'static [&'static str],
    pub what: &'static str,
    pub choose_when: &'static str,
    pub doc: &'static str,
    pub confused: &'static [Confusion],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Confusion {
    pub name: &'static str,
    pub difference: &'static str,
}

impl Service {
    /// Its name in a link: lower-case letters and digits, dashes between ("aws-re-post").
    pub fn slug(&self) -> String {
        slug(self.name)
    }

    /// The questions about this service, in id order.
    pub fn questions(&self) -> impl Iterator<Item = &'static Question> + '_ {
        bank::questions()
            .iter()
            .filter(|q| q.services.contains(&self.name))
    }
}

/// Every card, in catalogue order (grouped by category). Split out of the baked text on first use.
pub fn catalogue() -> &'static [Service] {
    static CATALOGUE: std::sync::OnceLock<Vec<Service>> = std::sync::OnceLock::new();
    CATALOGUE.get_or_init(|| unbake(BAKED))
}

pub fn find(name: &str) -> Option<&'static Service> {
    catalogue().iter().find(|s| s.name == name)
}

/// The service whose `slug` this is.
pub fn by_slug(slug: &str) -> Option<&'static Service> {
    catalogue().iter().find(|s| s.slug() == slug)
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn unbake(text: &'static str) -> Vec<Service> {
    crate::bank::unbake::records(text, unbake_service, "service")
}

fn unbake_service(record: &'static str) -> Option<Service> {
    let mut fields = record.split(FIELD);
    let mut next = || fields.next();
    let (name, category, other_names) = (next()?, next()?, next()?);
    let (what, choose_when, doc) = (next()?, next()?, next()?);
    let other_names: &'static [&'static str] = if other_names.is_empty() {
        &[]
    } else {
        other_names.split(ITEM).collect::<Vec<_>>().leak()
    };
    let mut confused = Vec::new();
    while let Some(name) = next() {
        confused.push(Confusion {
            name,
            difference: next()?,
        });
    }
    Some(Service {
        name,
        category,
        other_names,
        what,
        choose_when,
        doc,
        confused: confused.leak(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every card survives baking, and every look-alike is itself in the catalogue.
    #[test]
    fn unbaked_catalogue_equals_its_source() {
        let dir = option_env!("CLF_BANK_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(bankfmt::default_bank_dir);
        let policy = bankfmt::Policy::on(bankfmt::Date::today());
        let source = bankfmt::load_dir(&dir, policy).expect("the bank validates");
        let expected: Vec<_> = source
            .meta
            .services
            .iter()
            .filter(|s| s.examinable())
            .collect();
        let baked = catalogue();
        assert_eq!(baked.len(), expected.len());
        for (b, e) in baked.iter().zip(expected) {
            assert_eq!(b.name, e.name);
            assert_eq!(b.category, e.category);
            let names: Vec<&str> = e
                .full
                .iter()
                .chain(&e.aliases)
                .map(String::as_str)
                .collect();
            assert_eq!(b.other_names, names.as_slice());
            assert_eq!(Some(b.what), e.what.as_deref());
            assert_eq!(Some(b.choose_when), e.choose_when.as_deref());
            assert_eq!(Some(b.doc), e.doc.as_deref());
            let pairs: Vec<_> = e
                .confused_with
                .iter()
                .map(|c| (c.name.as_str(), c.difference.as_str()))
                .collect();
            let baked_pairs: Vec<_> = b.confused.iter().map(|c| (c.name, c.difference)).collect();
            assert_eq!(baked_pairs, pairs);
            for c in b.confused {
                assert!(find(c.name).is_some(), "{} -> {}", b.name, c.name);
            }
        }
    }

    #[test]
    fn a_card_offers_the_questions_tagged_with_its_service() {
        let Some(lambda) = find("AWS Lambda") else {
            return assert!(catalogue().is_empty(), "an empty bank has no cards");
        };
        let about: Vec<_> = lambda.questions().collect();
        assert!(!about.is_empty());
        assert!(about.iter().all(|q| q.services.contains(&"AWS Lambda")));
    }

    #[test]
    fn slugs_are_plain_and_name_one_service_each() {
        assert_eq!(slug("AWS re:Post"), "aws-re-post");
        assert_eq!(slug("Amazon AppStream 2.0"), "amazon-appstream-2-0");
        let mut slugs: Vec<String> = catalogue().iter().map(Service::slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), catalogue().len());
        for s in catalogue() {
            assert_eq!(by_slug(&s.slug()).map(|f| f.name), Some(s.name));
        }
    }

    #[test]
    fn a_malformed_record_is_refused() {
        assert!(unbake_service("a\u{1f}b\u{1f}\u{1f}c").is_none());
        assert!(unbake_service("a\u{1f}b\u{1f}\u{1f}c\u{1f}d\u{1f}e\u{1f}lonely").is_none());
        let ok =
            unbake_service("a\u{1f}b\u{1f}A\u{1d}AA\u{1f}c\u{1f}d\u{1f}e\u{1f}x\u{1f}y").unwrap();
        assert_eq!(ok.other_names, &["A", "AA"]);
        assert_eq!(
            ok.confused,
            &[Confusion {
                name: "x",
                difference: "y"
            }]
        );
    }
}
