//! The baked bank turned back into questions: the text `build.rs` wrote (validated then) is split
//! into `Question`s once, on first use, and looked up by id.

use super::{Choice, Difficulty, Kind, Question, QuestionId};
use crate::baked::{FIELD, ITEM, RECORD};

/// The baked bank (see bankfmt's codegen for the layout): one string, so the wasm carries the words
/// next to each other and gzip can do its work.
static BAKED: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.txt"));

/// Every question, sorted by id. Split out of the baked text on first use and kept for the life of
/// the program; the strings stay where they are in the binary.
pub fn questions() -> &'static [Question] {
    static QUESTIONS: std::sync::OnceLock<Vec<Question>> = std::sync::OnceLock::new();
    QUESTIONS.get_or_init(|| unbake(BAKED))
}

/// The questions of a baked text.
fn unbake(text: &'static str) -> Vec<Question> {
    records(text, unbake_question, "question")
}

/// Each record of a baked text, parsed. The text was validated when it was baked, so a malformed
/// record is a build bug: it panics with the record's start rather than hiding what it holds.
pub(crate) fn records<T>(
    text: &'static str,
    parse: fn(&'static str) -> Option<T>,
    what: &str,
) -> Vec<T> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split(RECORD)
        .map(|record| {
            parse(record).unwrap_or_else(|| panic!("baked {what} is malformed: {:.40}", record))
        })
        .collect()
}

fn unbake_question(record: &'static str) -> Option<Question> {
    let mut fields = record.split(FIELD);
    let id = fields.next()?.parse().ok()?;
    let kind = match fields.next()?.parse::<u8>().ok()? {
        1 => Kind::Single,
        n => Kind::Multiple(n),
    };
    let level: u8 = fields.next()?.parse().ok()?;
    let difficulty = (1..=3)
        .contains(&level)
        .then(|| Difficulty::from_level(level))?;
    let guide = fields.next()?;
    let stem = fields.next()?;
    let list = |f: &'static str| -> &'static [&'static str] {
        if f.is_empty() {
            &[]
        } else {
            f.split(ITEM).collect::<Vec<_>>().leak()
        }
    };
    let refs = list(fields.next()?);
    let tags = list(fields.next()?);
    let services = list(fields.next()?);
    let verified = Some(fields.next()?).filter(|v| !v.is_empty());
    let mut options = Vec::new();
    while let Some(marked) = fields.next() {
        let why = fields.next()?;
        let (correct, text) = match marked.split_at_checked(1)? {
            ("+", text) => (true, text),
            ("-", text) => (false, text),
            _ => return None,
        };
        options.push(Choice { text, correct, why });
    }
    Some(Question {
        id,
        kind,
        difficulty,
        guide,
        stem,
        options: options.leak(),
        refs,
        tags,
        services,
        verified,
    })
}

/// The question with this id, if the bank (still) has it.
pub fn find(id: QuestionId) -> Option<&'static Question> {
    let questions = questions();
    questions
        .binary_search_by(|q| q.id.cmp(&id))
        .ok()
        .map(|i| &questions[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field of every question survives baking: the app shows exactly what `bank/` says.
    #[test]
    fn unbaked_bank_equals_its_source() {
        let dir = option_env!("CLF_BANK_DIR")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(bankfmt::default_bank_dir);
        let policy = bankfmt::Policy::on(bankfmt::Date::today());
        let source = bankfmt::load_dir(&dir, policy).expect("the bank validates");
        let mut expected: Vec<_> = source.questions.iter().map(|(_, q)| q).collect();
        expected.sort_by(|a, b| a.id.cmp(&b.id));
        let baked = questions();
        assert_eq!(baked.len(), expected.len());
        for (b, e) in baked.iter().zip(expected) {
            assert_eq!(b.id.to_string(), e.id);
            assert_eq!(b.kind.choose(), e.correct_count());
            assert_eq!(
                matches!(b.kind, Kind::Multiple(_)),
                e.kind == bankfmt::Kind::Multiple
            );
            assert_eq!(b.difficulty.level(), e.difficulty);
            assert_eq!(b.guide, e.guide);
            assert_eq!(b.stem, e.stem.trim());
            assert_eq!(b.refs, e.refs.as_slice());
            assert_eq!(b.tags, e.tags.as_slice());
            assert_eq!(b.services, e.services.as_deref().unwrap_or_default());
            assert_eq!(b.verified, e.verified.as_deref());
            assert_eq!(b.options.len(), e.options.len());
            for (bo, eo) in b.options.iter().zip(&e.options) {
                assert_eq!(
                    (bo.text, bo.correct, bo.why),
                    (eo.text.trim(), eo.correct, eo.why.trim())
                );
            }
        }
    }

    #[test]
    fn a_malformed_record_is_refused() {
        assert!(unbake_question("2.3-001\u{1f}1\u{1f}9\u{1f}g\u{1f}s\u{1f}\u{1f}").is_none());
        assert!(unbake_question(
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}*x\u{1f}why"
        )
        .is_none());
        let ok = unbake_question(
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}r\u{1f}\u{1f}AWS IAM\u{1f}\u{1f}+x\u{1f}why",
        )
        .unwrap();
        assert_eq!(
            (
                ok.refs,
                ok.tags,
                ok.services,
                ok.verified,
                ok.options[0].correct
            ),
            (&["r"][..], &[][..], &["AWS IAM"][..], None, true)
        );
        let dated = unbake_question(
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}r\u{1f}\u{1f}\u{1f}2026-11-30\u{1f}+x\u{1f}why",
        )
        .unwrap();
        assert_eq!(dated.verified, Some("2026-11-30"));
        assert_eq!(unbake(""), Vec::new());
    }

    #[test]
    fn baked_bank_is_sorted_and_findable() {
        let qs = questions();
        assert!(qs.windows(2).all(|w| w[0].id < w[1].id));
        for q in qs {
            assert_eq!(find(q.id).map(|f| f.id), Some(q.id));
            assert_eq!(q.correct().count(), q.kind.choose());
        }
    }
}
