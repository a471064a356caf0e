//! The exam's vocabulary as types: domains and their task statements (the exam guide's outline),
//! question ids, kinds, difficulties, and the question record the app shows.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    /// The services it is about, by their catalogue names (`crate::services`).
    pub services: &'static [&'static str],
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
}
