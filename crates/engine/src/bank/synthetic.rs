//! Placeholder banks of any size, for tests and the simulation: no real question is needed to
//! check that forms meet the blueprint or that scoring behaves.

use super::{Choice, Difficulty, Kind, Question, QuestionId, TaskStatement};

/// A bank of placeholder questions shaped like the real one (every task statement, both kinds, all
/// three difficulties), for tests and for the simulation when the real bank cannot supply a form.
/// Built once per size and kept for the life of the program.
#[allow(clippy::disallowed_types)] // tests and the simulation only: never in the app
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
                    services: &[],
                    verified: None,
                });
            }
        }
        Box::leak(out.into_boxed_slice())
    })
}
