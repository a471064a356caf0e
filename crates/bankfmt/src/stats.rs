//! Counts of the source bank for `./x bank`.

use std::collections::BTreeMap;

use crate::{syllabus, Bank, Kind};

/// Counts for `./x bank`: per domain, per task statement, per kind, per difficulty, and correct positions.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub total: usize,
    pub by_domain: BTreeMap<String, usize>,
    pub by_task: BTreeMap<String, usize>,
    pub multiple: usize,
    pub by_difficulty: BTreeMap<u8, usize>,
    pub correct_position: BTreeMap<usize, usize>,
}

impl Bank {
    pub fn stats(&self) -> Stats {
        let mut s = Stats::default();
        for (d, t, _) in syllabus::TASK_OUTLINE {
            s.by_domain.entry(d.to_string()).or_default();
            s.by_task.entry(format!("{d}.{t}")).or_default();
        }
        for d in 1..=3 {
            s.by_difficulty.entry(d).or_default();
        }
        for (task, q) in &self.questions {
            s.total += 1;
            *s.by_task.entry(task.clone()).or_default() += 1;
            let domain = task.split('.').next().unwrap_or_default().to_string();
            *s.by_domain.entry(domain).or_default() += 1;
            if q.kind == Kind::Multiple {
                s.multiple += 1;
            }
            *s.by_difficulty.entry(q.difficulty).or_default() += 1;
            for (i, o) in q.options.iter().enumerate() {
                if o.correct {
                    *s.correct_position.entry(i + 1).or_default() += 1;
                }
            }
        }
        s
    }
}
