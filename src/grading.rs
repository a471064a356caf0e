//! Answer checking as the app needs it: all or nothing, from the engine.

use engine::bank::Question;

/// Right only if exactly the correct options are chosen (no partial credit; blank is wrong).
pub fn is_correct(question: &Question, chosen: &[u8]) -> bool {
    let mut want: Vec<u8> = question.correct().map(|i| i as u8).collect();
    let mut got = chosen.to_vec();
    want.sort_unstable();
    got.sort_unstable();
    got.dedup();
    !got.is_empty() && want == got
}

/// How many of the correct options were chosen, and how many there are ("1 of 2").
pub fn correct_chosen(question: &Question, chosen: &[u8]) -> (usize, usize) {
    let correct: Vec<u8> = question.correct().map(|i| i as u8).collect();
    (
        chosen.iter().filter(|c| correct.contains(c)).count(),
        correct.len(),
    )
}
