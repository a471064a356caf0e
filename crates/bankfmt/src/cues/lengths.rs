//! The length-rank guesser: a learner who knows no AWS but has noticed where keys sit in the options'
//! length order ("pick the second longest", "the longest and the third longest"). For each shape of
//! question (options, keys) every set of length ranks is tried and the best kept; a fair bank holds
//! the best of them near chance. Keeping keys from being the longest is not enough: a bank that
//! avoids the longest piles its keys on the second longest instead. Options of equal length are
//! ordered at random, as a learner seeing shuffled options would.

use std::collections::BTreeMap;

use crate::Question;

/// Each option's shown length and whether it is a key.
type Lengths = Vec<(usize, bool)>;

/// The best length-rank strategy on a set of questions of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Guesser {
    /// Questions answered right, in expectation over ties.
    pub hits: f64,
    /// Questions asked.
    pub questions: usize,
    /// The questions each shape's best strategy answers right, with the ranks it picks.
    pub found: Vec<(f64, String)>,
}

/// Chance that picking the options at `ranks` (0 = longest) picks exactly the keys. Ties: a run of
/// `g` equal lengths holding `m` of the picked ranks gives its members those places at random, so the
/// pick is right there with chance 1 / C(g, m) when the run holds exactly `m` keys, else never.
pub fn credit(options: &[(usize, bool)], ranks: &[usize]) -> f64 {
    let mut by_length: Vec<(usize, bool)> = options.to_vec();
    by_length.sort_by_key(|o| std::cmp::Reverse(o.0));
    let mut chance = 1.0;
    let mut start = 0;
    while start < by_length.len() {
        let len = by_length[start].0;
        let run = by_length[start..].iter().take_while(|o| o.0 == len).count();
        let keys = by_length[start..start + run].iter().filter(|o| o.1).count();
        let picked = ranks
            .iter()
            .filter(|&&r| (start..start + run).contains(&r))
            .count();
        if keys != picked {
            return 0.0;
        }
        chance /= choose(run, picked) as f64;
        start += run;
    }
    chance
}

fn choose(n: usize, k: usize) -> u64 {
    (0..k).fold(1, |acc, i| acc * (n - i) as u64 / (i + 1) as u64)
}

/// Every set of `k` ranks out of `n`, in increasing order.
fn rank_sets(n: usize, k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    (k - 1..n)
        .flat_map(|last| {
            rank_sets(last, k - 1).into_iter().map(move |mut set| {
                set.push(last);
                set
            })
        })
        .collect()
}

/// Names ranks for a report: "2nd longest", "longest + 3rd longest".
fn rank_names(ranks: &[usize]) -> String {
    let name = |r: usize| match r {
        0 => "longest".to_string(),
        1 => "2nd longest".to_string(),
        2 => "3rd longest".to_string(),
        r => format!("{}th longest", r + 1),
    };
    ranks
        .iter()
        .map(|&r| name(r))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The best length-rank guesser on `questions`, one strategy per shape (options, keys).
pub fn best_guesser<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Guesser {
    let mut shapes: BTreeMap<(usize, usize), Vec<(&Question, Lengths)>> = BTreeMap::new();
    for q in questions {
        let options: Lengths = q
            .options
            .iter()
            .map(|o| (super::shown_len(&o.text), o.correct))
            .collect();
        let shape = (options.len(), q.correct_count());
        shapes.entry(shape).or_default().push((q, options));
    }
    let mut guesser = Guesser {
        hits: 0.0,
        questions: 0,
        found: Vec::new(),
    };
    for ((n, k), qs) in shapes {
        guesser.questions += qs.len();
        let total = |ranks: &[usize]| qs.iter().map(|(_, o)| credit(o, ranks)).sum::<f64>();
        // Each set's total once, not once per comparison.
        let Some((hits, best)) = rank_sets(n, k)
            .into_iter()
            .map(|ranks| (total(&ranks), ranks))
            .max_by(|a, b| a.0.total_cmp(&b.0))
        else {
            continue;
        };
        guesser.hits += hits;
        for (q, options) in &qs {
            let c = credit(options, &best);
            if c > 0.0 {
                let label = format!("{} ({})", q.id, rank_names(&best));
                guesser.found.push((c, label));
            }
        }
    }
    guesser
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_sets_are_every_combination_once() {
        assert_eq!(rank_sets(4, 1), [[0], [1], [2], [3]]);
        let pairs = rank_sets(5, 2);
        assert_eq!(pairs.len(), 10);
        assert!(pairs.contains(&vec![0, 4]) && pairs.contains(&vec![1, 2]));
        assert_eq!(rank_sets(6, 3).len(), 20);
    }

    #[test]
    fn credit_is_exact_without_ties_and_shared_within_a_tie() {
        let plain = [(9, false), (7, true), (5, false), (3, false)];
        assert_eq!(credit(&plain, &[1]), 1.0);
        assert_eq!(credit(&plain, &[0]), 0.0);
        // The key ties the longest distractor: "pick the longest" is right half the time.
        let tied = [(9, false), (9, true), (5, false), (3, false)];
        assert_eq!(credit(&tied, &[0]), 0.5);
        assert_eq!(credit(&tied, &[1]), 0.5);
        assert_eq!(credit(&tied, &[2]), 0.0);
        // Two keys in a run of three equal lengths, both picked: 1 in C(3, 2).
        let run = [(4, true), (4, true), (4, false), (9, false), (1, false)];
        assert!((credit(&run, &[1, 2]) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(credit(&run, &[0, 1]), 0.0);
    }
}
