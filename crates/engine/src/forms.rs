//! Assembling forms from the bank: a full mock to the blueprint (65 questions, 16/19/22/8 by domain,
//! 50 scored and 15 unscored chosen at random within each domain and hidden), and practice sets by
//! task statement. The least-seen questions come first; options are shuffled; a seed reproduces it.

use std::fmt;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::attempt::{AttemptItem, Authored};
use crate::bank::{Domain, Question, QuestionId, TaskStatement};
use crate::blueprint::{form_items, scored_items};
use crate::SeededRng;

/// Why a form cannot be built from the bank as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormError {
    DomainTooSmall {
        domain: Domain,
        have: usize,
        need: usize,
    },
    NothingToPractise,
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormError::DomainTooSmall { domain, have, need } => {
                write!(
                    f,
                    "The bank has only {have} questions in {} and a full form needs {need}.",
                    domain.name()
                )
            }
            FormError::NothingToPractise => f.write_str("No questions match that choice yet."),
        }
    }
}

/// The question's options in a random display order.
pub(crate) fn shuffled_options(q: &Question, rng: &mut SeededRng) -> Vec<Authored> {
    let mut order: Vec<Authored> = (0..q.options.len() as u8).map(Authored).collect();
    order.shuffle(rng);
    order
}

/// `pool` ordered least-seen first, ties in random order.
fn least_seen_first<'a>(
    pool: Vec<&'a Question>,
    seen: &dyn Fn(QuestionId) -> u32,
    rng: &mut SeededRng,
) -> Vec<&'a Question> {
    // Seen count in the high bits, 32 random bits below: exact in an f64 for any count under 2^21.
    let mut keyed: Vec<(f64, &Question)> = pool
        .into_iter()
        .map(|q| {
            let tie = (rng.random::<u64>() >> 32) as f64;
            (f64::from(seen(q.id)) * 4_294_967_296.0 + tie, q)
        })
        .collect();
    crate::order::sort_by_key_f64(&mut keyed, |k| k.0);
    keyed.into_iter().map(|(_, q)| q).collect()
}

/// A full mock form. `seen` says how often the learner has met each question.
pub fn mock(
    bank: &[Question],
    seen: &dyn Fn(QuestionId) -> u32,
    seed: u64,
) -> Result<Vec<AttemptItem>, FormError> {
    let mut rng = SeededRng::seed_from_u64(seed);
    let mut items = Vec::new();
    for domain in Domain::ALL {
        let need = form_items(domain);
        let pool: Vec<&Question> = bank.iter().filter(|q| q.domain() == domain).collect();
        if pool.len() < need {
            return Err(FormError::DomainTooSmall {
                domain,
                have: pool.len(),
                need,
            });
        }
        let mut chosen: Vec<&Question> = least_seen_first(pool, seen, &mut rng)
            .into_iter()
            .take(need)
            .collect();
        // Which of the domain's questions count is decided at random, so nothing marks them.
        chosen.shuffle(&mut rng);
        for (i, q) in chosen.into_iter().enumerate() {
            items.push(AttemptItem {
                id: q.id,
                scored: i < scored_items(domain),
                order: shuffled_options(q, &mut rng),
            });
        }
    }
    items.shuffle(&mut rng);
    Ok(items)
}

/// A practice set of up to `count` questions from `tasks` (or from `only` when given), spread across
/// the task statements in turn, least-seen first; every question counts.
pub fn practice(
    bank: &[Question],
    tasks: &[TaskStatement],
    only: Option<&[QuestionId]>,
    count: usize,
    seen: &dyn Fn(QuestionId) -> u32,
    seed: u64,
) -> Result<Vec<AttemptItem>, FormError> {
    let mut rng = SeededRng::seed_from_u64(seed);
    let eligible = |q: &&Question| {
        only.is_none_or(|ids| ids.contains(&q.id))
            && (tasks.is_empty() || tasks.contains(&q.task()))
    };
    let mut queues: Vec<Vec<&Question>> = TaskStatement::ALL
        .iter()
        .map(|&t| {
            least_seen_first(
                bank.iter()
                    .filter(|q| q.task() == t)
                    .filter(eligible)
                    .collect(),
                seen,
                &mut rng,
            )
        })
        .filter(|queue| !queue.is_empty())
        .collect();
    queues.shuffle(&mut rng);
    let mut picked = Vec::new();
    while picked.len() < count && queues.iter().any(|q| !q.is_empty()) {
        for queue in queues.iter_mut() {
            if picked.len() < count && !queue.is_empty() {
                picked.push(queue.remove(0));
            }
        }
    }
    if picked.is_empty() {
        return Err(FormError::NothingToPractise);
    }
    picked.shuffle(&mut rng);
    Ok(picked
        .into_iter()
        .map(|q| AttemptItem {
            id: q.id,
            scored: true,
            order: shuffled_options(q, &mut rng),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::synthetic;

    /// Forms are tested on a blueprint-shaped synthetic bank, so they hold for any bank that can
    /// supply them, whatever the real bank holds today.
    fn questions() -> &'static [Question] {
        synthetic(8)
    }
    use crate::blueprint::{FORM_ITEMS, SCORED_ITEMS};
    use proptest::prelude::*;
    use std::collections::HashSet;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_mock_meets_the_blueprint_for_any_seed(seed in any::<u64>()) {
            let items = mock(questions(), &|_| 0, seed).unwrap();
            prop_assert_eq!(items.len(), FORM_ITEMS);
            prop_assert_eq!(items.iter().filter(|i| i.scored).count(), SCORED_ITEMS);
            prop_assert_eq!(items.iter().map(|i| i.id).collect::<HashSet<_>>().len(), FORM_ITEMS);
            for d in Domain::ALL {
                prop_assert_eq!(items.iter().filter(|i| i.id.domain() == d).count(), form_items(d));
                prop_assert_eq!(items.iter().filter(|i| i.id.domain() == d && i.scored).count(), scored_items(d));
            }
            for item in &items {
                let mut order = item.order.clone();
                order.sort_unstable();
                let q = questions().iter().find(|q| q.id == item.id).unwrap();
                prop_assert_eq!(order, (0..q.options.len() as u8).map(Authored).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_form() {
        assert_eq!(
            mock(questions(), &|_| 0, 7).unwrap(),
            mock(questions(), &|_| 0, 7).unwrap()
        );
        assert_ne!(
            mock(questions(), &|_| 0, 7).unwrap(),
            mock(questions(), &|_| 0, 8).unwrap()
        );
    }

    #[test]
    fn least_seen_questions_are_preferred() {
        let first = mock(questions(), &|_| 0, 1).unwrap();
        let used: HashSet<QuestionId> = first.iter().map(|i| i.id).collect();
        let second = mock(questions(), &|id| u32::from(used.contains(&id)), 2).unwrap();
        for d in Domain::ALL {
            let fresh = questions()
                .iter()
                .filter(|q| q.domain() == d && !used.contains(&q.id))
                .count();
            let repeats = second
                .iter()
                .filter(|i| i.id.domain() == d && used.contains(&i.id))
                .count();
            assert_eq!(repeats, form_items(d).saturating_sub(fresh), "{d:?}");
        }
    }

    #[test]
    fn a_bank_too_small_says_which_domain() {
        let err = mock(&questions()[..0], &|_| 0, 1).unwrap_err();
        assert_eq!(
            err,
            FormError::DomainTooSmall {
                domain: Domain::CloudConcepts,
                have: 0,
                need: 16
            }
        );
        assert!(err.to_string().contains("Cloud Concepts"));
    }

    #[test]
    fn practice_spreads_across_the_chosen_task_statements() {
        let tasks = [TaskStatement::of(2, 3), TaskStatement::of(4, 1)];
        let items = practice(questions(), &tasks, None, 10, &|_| 0, 3).unwrap();
        assert_eq!(items.len(), 10);
        for t in tasks {
            assert_eq!(items.iter().filter(|i| i.id.task() == t).count(), 5);
        }
        let only = [items[0].id];
        assert_eq!(
            practice(questions(), &[], Some(&only), 10, &|_| 0, 3)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            practice(questions(), &[], Some(&[]), 10, &|_| 0, 3),
            Err(FormError::NothingToPractise)
        );
    }
}
