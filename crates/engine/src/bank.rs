//! The bank's vocabulary (domains, task statements, question ids, kinds, difficulties) and the
//! questions themselves, baked in at build time from `bank/*.toml` (see `build.rs`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::baked::{FIELD, ITEM, RECORD};
use crate::syllabus::TASK_OUTLINE;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Domain {
    CloudConcepts,
    SecurityCompliance,
    TechnologyServices,
    BillingPricingSupport,
}

impl Domain {
    pub const ALL: [Domain; 4] = [
        Domain::CloudConcepts,
        Domain::SecurityCompliance,
        Domain::TechnologyServices,
        Domain::BillingPricingSupport,
    ];

    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    pub const fn from_number(n: u8) -> Option<Domain> {
        match n {
            1 => Some(Domain::CloudConcepts),
            2 => Some(Domain::SecurityCompliance),
            3 => Some(Domain::TechnologyServices),
            4 => Some(Domain::BillingPricingSupport),
            _ => None,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Domain::CloudConcepts => "Cloud Concepts",
            Domain::SecurityCompliance => "Security and Compliance",
            Domain::TechnologyServices => "Cloud Technology and Services",
            Domain::BillingPricingSupport => "Billing, Pricing, and Support",
        }
    }

    /// Share of the scored content in the exam guide.
    pub const fn weight_percent(self) -> u8 {
        match self {
            Domain::CloudConcepts => 24,
            Domain::SecurityCompliance => 30,
            Domain::TechnologyServices => 34,
            Domain::BillingPricingSupport => 12,
        }
    }

    pub fn tasks(self) -> impl Iterator<Item = TaskStatement> {
        TaskStatement::ALL
            .into_iter()
            .filter(move |t| t.domain() == self)
    }
}

/// A task statement of the exam guide, such as 2.3 "Access management".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskStatement {
    domain: Domain,
    index: u8,
}

impl TaskStatement {
    pub const ALL: [TaskStatement; 19] = {
        let mut all = [TaskStatement {
            domain: Domain::CloudConcepts,
            index: 1,
        }; 19];
        let mut i = 0;
        while i < TASK_OUTLINE.len() {
            all[i] = TaskStatement::of(TASK_OUTLINE[i].0, TASK_OUTLINE[i].1);
            i += 1;
        }
        all
    };

    /// For baked data and constants: panics at compile time on a task statement the outline lacks.
    pub const fn of(domain: u8, index: u8) -> TaskStatement {
        let mut i = 0;
        while i < TASK_OUTLINE.len() {
            if TASK_OUTLINE[i].0 == domain && TASK_OUTLINE[i].1 == index {
                let Some(domain) = Domain::from_number(domain) else {
                    unreachable!()
                };
                return TaskStatement { domain, index };
            }
            i += 1;
        }
        panic!("no such task statement in the CLF-C02 outline");
    }

    pub const fn domain(self) -> Domain {
        self.domain
    }

    pub const fn index(self) -> u8 {
        self.index
    }

    pub fn title(self) -> &'static str {
        TASK_OUTLINE
            .iter()
            .find(|(d, t, _)| *d == self.domain.number() && *t == self.index)
            .map(|(_, _, title)| *title)
            .unwrap_or("")
    }
}

/// A set of task statements, such as the ones a learner picked to practise: one bit per task
/// statement, in `TaskStatement::ALL` order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaskSet(u32);

impl TaskSet {
    fn bit(t: TaskStatement) -> u32 {
        TaskStatement::ALL
            .iter()
            .position(|&a| a == t)
            .map_or(0, |i| 1 << i)
    }

    pub fn insert(&mut self, t: TaskStatement) {
        self.0 |= Self::bit(t);
    }

    pub fn remove(&mut self, t: TaskStatement) {
        self.0 &= !Self::bit(t);
    }

    pub fn contains(self, t: TaskStatement) -> bool {
        self.0 & Self::bit(t) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The members in outline order.
    pub fn iter(self) -> impl Iterator<Item = TaskStatement> {
        TaskStatement::ALL
            .into_iter()
            .filter(move |&t| self.contains(t))
    }
}

impl FromIterator<TaskStatement> for TaskSet {
    fn from_iter<I: IntoIterator<Item = TaskStatement>>(tasks: I) -> Self {
        let mut set = TaskSet::default();
        for t in tasks {
            set.insert(t);
        }
        set
    }
}

impl fmt::Display for TaskStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.domain.number(), self.index)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for TaskStatement {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseError(format!("\"{s}\" is not a task statement such as 2.3"));
        let (d, t) = s.split_once('.').ok_or_else(bad)?;
        let (d, t): (u8, u8) = (d.parse().map_err(|_| bad())?, t.parse().map_err(|_| bad())?);
        TaskStatement::ALL
            .into_iter()
            .find(|x| x.domain.number() == d && x.index == t)
            .ok_or_else(bad)
    }
}

impl Serialize for TaskStatement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TaskStatement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A question's permanent id, written "2.3-017": never changed, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionId {
    task: TaskStatement,
    number: u16,
}

impl QuestionId {
    pub const fn new(task: TaskStatement, number: u16) -> QuestionId {
        QuestionId { task, number }
    }

    pub const fn task(self) -> TaskStatement {
        self.task
    }

    pub const fn domain(self) -> Domain {
        self.task.domain
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:03}", self.task, self.number)
    }
}

impl FromStr for QuestionId {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseError(format!("\"{s}\" is not a question id such as 2.3-017"));
        let (task, number) = s.split_once('-').ok_or_else(bad)?;
        let number: u16 = number.parse().map_err(|_| bad())?;
        Ok(QuestionId {
            task: task.parse().map_err(|_| bad())?,
            number,
        })
    }
}

impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Multiple choice (one of four) or multiple response (choose N of five or more).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Single,
    Multiple(u8),
}

impl Kind {
    /// How many options the learner must choose.
    pub const fn choose(self) -> usize {
        match self {
            Kind::Single => 1,
            Kind::Multiple(n) => n as usize,
        }
    }
}

/// The author's estimate; the scoring engine turns it into its prior item difficulty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const fn from_level(level: u8) -> Difficulty {
        match level {
            1 => Difficulty::Easy,
            2 => Difficulty::Medium,
            3 => Difficulty::Hard,
            _ => panic!("difficulty must be 1, 2 or 3"),
        }
    }

    pub const fn level(self) -> u8 {
        self as u8 + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub text: &'static str,
    pub correct: bool,
    pub why: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub kind: Kind,
    pub difficulty: Difficulty,
    pub guide: &'static str,
    pub stem: &'static str,
    pub options: &'static [Choice],
    pub refs: &'static [&'static str],
    pub tags: &'static [&'static str],
    /// The day its facts were last checked ("2026-11-30"), once the bank dates it.
    pub verified: Option<&'static str>,
}

impl Question {
    pub fn task(&self) -> TaskStatement {
        self.id.task
    }

    pub fn domain(&self) -> Domain {
        self.id.task.domain
    }

    /// Indices (in authored order) of the correct options.
    pub fn correct(&self) -> impl Iterator<Item = usize> + '_ {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
    }
}

/// The baked bank (see bankfmt's codegen for the layout): one string, so the wasm carries the words
/// next to each other and gzip can do its work.
static BAKED: &str = include_str!(concat!(env!("OUT_DIR"), "/bank.txt"));

/// Every question, sorted by id. Split out of the baked text on first use and kept for the life of
/// the program; the strings stay where they are in the binary.
pub fn questions() -> &'static [Question] {
    static QUESTIONS: std::sync::OnceLock<Vec<Question>> = std::sync::OnceLock::new();
    QUESTIONS.get_or_init(|| unbake(BAKED))
}

/// The questions of a baked text. The text was validated when it was baked, so a malformed record
/// is a build bug: it panics with the record's start rather than hiding a question.
fn unbake(text: &'static str) -> Vec<Question> {
    if text.is_empty() {
        return Vec::new();
    }
    text.split(RECORD)
        .map(|record| {
            unbake_question(record)
                .unwrap_or_else(|| panic!("baked question is malformed: {:.40}", record))
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

/// A bank of placeholder questions shaped like the real one (every task statement, both kinds, all
/// three difficulties), for tests and for the simulation when the real bank cannot supply a form.
/// Built once per size and kept for the life of the program.
pub fn synthetic(per_task: u16) -> &'static [Question] {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static BANKS: OnceLock<Mutex<HashMap<u16, &'static [Question]>>> = OnceLock::new();
    const CHOICES: [Choice; 5] = [
        Choice {
            text: "right",
            correct: true,
            why: "synthetic",
        },
        Choice {
            text: "also right",
            correct: true,
            why: "synthetic",
        },
        Choice {
            text: "wrong",
            correct: false,
            why: "synthetic",
        },
        Choice {
            text: "also wrong",
            correct: false,
            why: "synthetic",
        },
        Choice {
            text: "still wrong",
            correct: false,
            why: "synthetic",
        },
    ];
    static SINGLE: [Choice; 4] = [CHOICES[1], CHOICES[2], CHOICES[3], CHOICES[4]];
    static MULTIPLE: [Choice; 5] = CHOICES;
    let mut banks = BANKS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    banks.entry(per_task).or_insert_with(|| {
        let mut out = Vec::new();
        for (n, task) in TaskStatement::ALL.iter().enumerate() {
            for i in 0..per_task {
                let multiple = i % 4 == 0;
                out.push(Question {
                    id: QuestionId::new(*task, i + 1),
                    kind: if multiple {
                        Kind::Multiple(2)
                    } else {
                        Kind::Single
                    },
                    difficulty: Difficulty::from_level((1 + (i as usize + n) % 3) as u8),
                    guide: crate::syllabus::GUIDE_VERSION,
                    stem: "synthetic",
                    options: if multiple { &MULTIPLE } else { &SINGLE },
                    refs: &[],
                    tags: &[],
                    verified: None,
                });
            }
        }
        Box::leak(out.into_boxed_slice())
    })
}

/// Counts that the bank page and `./x bank` show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankStats {
    pub total: usize,
    /// Indexed by `Domain as usize`.
    pub by_domain: [usize; 4],
    /// In outline order.
    pub by_task: [(TaskStatement, usize); 19],
    pub multiple: usize,
    /// Indexed by `Difficulty as usize`.
    pub by_difficulty: [usize; 3],
}

impl BankStats {
    pub fn of(questions: &[Question]) -> BankStats {
        let mut stats = BankStats {
            total: questions.len(),
            by_domain: [0; 4],
            by_task: TaskStatement::ALL.map(|t| (t, 0)),
            multiple: 0,
            by_difficulty: [0; 3],
        };
        for q in questions {
            stats.by_domain[q.domain() as usize] += 1;
            if let Some(entry) = stats.by_task.iter_mut().find(|(t, _)| *t == q.task()) {
                entry.1 += 1;
            }
            if matches!(q.kind, Kind::Multiple(_)) {
                stats.multiple += 1;
            }
            stats.by_difficulty[q.difficulty as usize] += 1;
        }
        stats
    }

    /// A domain's share of the bank in percent (0 for an empty bank).
    pub fn domain_share(&self, domain: Domain) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.by_domain[domain as usize] as f64 * 100.0 / self.total as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_set_holds_each_task_statement_once_in_outline_order() {
        let (first, last) = (TaskStatement::ALL[0], TaskStatement::ALL[18]);
        let mut set: TaskSet = [last, first, last].into_iter().collect();
        assert!(set.contains(first) && set.contains(last));
        assert!(!set.contains(TaskStatement::ALL[5]));
        assert_eq!(set.iter().collect::<Vec<_>>(), [first, last]);
        set.remove(last);
        set.remove(last);
        assert_eq!(set.iter().collect::<Vec<_>>(), [first]);
        set.remove(first);
        assert!(set.is_empty());
        let all: TaskSet = TaskStatement::ALL.into_iter().collect();
        assert_eq!(all.iter().count(), 19);
    }

    #[test]
    fn stats_count_every_question_once() {
        let s = BankStats::of(questions());
        assert_eq!(s.by_domain.iter().sum::<usize>(), s.total);
        assert_eq!(s.by_task.iter().map(|(_, n)| n).sum::<usize>(), s.total);
        assert_eq!(s.by_difficulty.iter().sum::<usize>(), s.total);
        assert!(s.multiple <= s.total);
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = QuestionId::new(TaskStatement::of(2, 3), 17);
        assert_eq!(id.to_string(), "2.3-017");
        assert_eq!("2.3-017".parse::<QuestionId>(), Ok(id));
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"2.3-017\"");
        assert!("9.9-001".parse::<QuestionId>().is_err());
        assert!("2.3-x".parse::<QuestionId>().is_err());
    }

    #[test]
    fn the_outline_has_nineteen_task_statements_in_four_domains() {
        assert_eq!(TaskStatement::ALL.len(), 19);
        let per_domain: Vec<usize> = Domain::ALL.iter().map(|d| d.tasks().count()).collect();
        assert_eq!(per_domain, vec![4, 4, 8, 3]);
        assert_eq!(TaskStatement::of(3, 8).title(), "Other in-scope services");
    }

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
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}\u{1f}\u{1f}\u{1f}*x\u{1f}why"
        )
        .is_none());
        let ok = unbake_question(
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}r\u{1f}\u{1f}\u{1f}+x\u{1f}why",
        )
        .unwrap();
        assert_eq!(
            (ok.refs, ok.tags, ok.verified, ok.options[0].correct),
            (&["r"][..], &[][..], None, true)
        );
        let dated = unbake_question(
            "2.3-001\u{1f}1\u{1f}2\u{1f}g\u{1f}s\u{1f}r\u{1f}\u{1f}2026-11-30\u{1f}+x\u{1f}why",
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
