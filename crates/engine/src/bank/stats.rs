//! Counts of a bank by domain, task statement, kind and difficulty, as the bank page and `./x bank`
//! show them.

use super::{Domain, Kind, Question, TaskStatement};

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
    use crate::bank::questions;

    #[test]
    fn stats_count_every_question_once() {
        let s = BankStats::of(questions());
        assert_eq!(s.by_domain.iter().sum::<usize>(), s.total);
        assert_eq!(s.by_task.iter().map(|(_, n)| n).sum::<usize>(), s.total);
        assert_eq!(s.by_difficulty.iter().sum::<usize>(), s.total);
        assert!(s.multiple <= s.total);
    }
}
