//! Each answer cue on small made-up questions that show it and do not.

use super::*;

fn question(kind: Kind, stem: &str, options: &[(&str, bool)]) -> Question {
    Question::made_up("1.1-001", kind, stem, options)
}

fn figure(questions: &[Question], name: &str) -> Figure {
    measure(questions)
        .into_iter()
        .find(|f| f.name == name)
        .unwrap()
}

const STEM: &str = "Which service stores objects?";

#[test]
fn a_strictly_longest_single_key_counts_and_a_tie_does_not() {
    let longest = question(
        Kind::Single,
        STEM,
        &[
            ("abcdef", true),
            ("abcde", false),
            ("ab", false),
            ("a", false),
        ],
    );
    let tied = question(
        Kind::Single,
        STEM,
        &[
            ("abcde", true),
            ("vwxyz", false),
            ("ab", false),
            ("a", false),
        ],
    );
    let f = figure(&[longest, tied], "key_strictly_longest_single");
    assert_eq!(f.value, 0.5);
    assert_eq!(f.worst, ["1.1-001 (1.20×)"]);
    assert!(!f.ok(), "0.5 is over the 0.28 target");
}

#[test]
fn markup_marks_do_not_count_as_characters() {
    let q = question(
        Kind::Single,
        STEM,
        &[
            ("`abc`", true),
            ("abcd", false),
            ("ab", false),
            ("a", false),
        ],
    );
    assert_eq!(figure(&[q], "key_strictly_longest_single").value, 0.0);
}

#[test]
fn multi_keys_count_only_when_the_shortest_key_beats_every_distractor() {
    let all_longer = question(
        Kind::Multiple,
        STEM,
        &[
            ("abcd", true),
            ("abcde", true),
            ("abc", false),
            ("ab", false),
            ("a", false),
        ],
    );
    let one_short = question(
        Kind::Multiple,
        STEM,
        &[
            ("ab", true),
            ("abcde", true),
            ("abc", false),
            ("ab2", false),
            ("a", false),
        ],
    );
    let f = figure(&[all_longer, one_short], "keys_strictly_longest_multi");
    assert_eq!(f.value, 0.5);
}

#[test]
fn a_key_over_one_and_a_half_times_the_longest_distractor_is_counted() {
    let at_limit = question(
        Kind::Single,
        STEM,
        &[
            ("abcdef", true),
            ("abcd", false),
            ("ab", false),
            ("a", false),
        ],
    );
    assert_eq!(
        figure(&[at_limit], "key_over_1_5x_longest_distractor").value,
        0.0
    );
    let over = question(
        Kind::Multiple,
        STEM,
        &[
            ("abcdefg", true),
            ("ab", true),
            ("abcd", false),
            ("ab3", false),
            ("a", false),
        ],
    );
    let f = figure(&[over], "key_over_1_5x_longest_distractor");
    assert_eq!(
        (f.value, f.worst.as_slice()),
        (1.0, &["1.1-001 (1.75×)".to_string()][..])
    );
    assert!(!f.ok());
}

#[test]
fn the_key_echoing_the_stem_alone_is_a_cue_and_a_tie_is_not() {
    let echo = question(
        Kind::Single,
        "Which service stores backup objects durably?",
        &[
            ("A service that stores objects durably", true),
            ("A service for backup jobs", false),
            ("A queue", false),
            ("A cache", false),
        ],
    );
    assert_eq!(
        stem_overlap_cue(&echo),
        Some(2),
        "stores, objects, durably against backup"
    );
    let tie = question(
        Kind::Single,
        "Which service stores backup objects?",
        &[
            ("Stores objects", true),
            ("Backup objects", false),
            ("A queue", false),
            ("A cache", false),
        ],
    );
    assert_eq!(stem_overlap_cue(&tie), None);
    let distractor = question(
        Kind::Single,
        "Which service stores backup objects?",
        &[
            ("A queue", true),
            ("Stores backup objects", false),
            ("A cache", false),
            ("A stream", false),
        ],
    );
    assert_eq!(stem_overlap_cue(&distractor), None);
    let f = figure(&[echo, tie, distractor], "stem_overlap_single");
    assert!((f.value - 1.0 / 3.0).abs() < 1e-9 && !f.ok(), "{f:?}");
}

#[test]
fn short_words_and_case_do_not_make_overlap() {
    let q = question(
        Kind::Single,
        "Use S3 for the data",
        &[
            ("S3 for the DATA", true),
            ("EBS", false),
            ("EFS", false),
            ("FSx", false),
        ],
    );
    assert_eq!(
        stem_overlap_cue(&q),
        Some(1),
        "only \"data\" counts, in any case"
    );
}

#[test]
fn absolute_words_in_distractors_are_whole_words_in_any_case() {
    assert_eq!(
        absolutes("It Always works, for ANY load"),
        ["always", "any"]
    );
    assert!(
        absolutes("Anything goes; allowed; only-if").len() == 1,
        "only-if has \"only\""
    );
    assert!(absolutes("Eventually consistent").is_empty());
    let q = question(
        Kind::Single,
        STEM,
        &[
            ("Always on", true),
            ("It never fails", false),
            ("Many regions", false),
            ("Guaranteed uptime", false),
        ],
    );
    let f = figure(&[q], "absolute_words_distractors");
    assert!(
        (f.value - 2.0 / 3.0).abs() < 1e-9,
        "the key's \"Always\" does not count"
    );
    assert_eq!(f.worst.len(), 2);
}

#[test]
fn an_empty_bank_meets_every_target() {
    assert!(measure(&[]).iter().all(Figure::ok));
}

/// `n` single-answer questions with options of lengths 8, 6, 4 and 2 characters, the key at the
/// length rank `rank(i)` of question `i`.
fn singles(n: usize, rank: impl Fn(usize) -> usize) -> Vec<Question> {
    (0..n)
        .map(|i| {
            let options: Vec<(&str, bool)> = ["abcdefgh", "abcdef", "abcd", "ab"]
                .iter()
                .enumerate()
                .map(|(r, text)| (*text, r == rank(i)))
                .collect();
            question(Kind::Single, STEM, &options)
        })
        .collect()
}

#[test]
fn keys_piled_on_the_second_longest_fail_though_never_the_longest() {
    let bank = singles(GUESSER_MIN_QUESTIONS, |i| if i % 5 == 0 { 3 } else { 1 });
    assert_eq!(figure(&bank, "key_strictly_longest_single").value, 0.0);
    let f = figure(&bank, "length_rank_single");
    assert!((f.value - 0.8).abs() < 1e-12, "{}", f.value);
    assert!(!f.ok());
    assert!(f.worst[0].ends_with("(2nd longest)"), "{:?}", &f.worst[..1]);
}

#[test]
fn keys_spread_over_every_length_rank_hold_the_guesser_to_chance() {
    let bank = singles(GUESSER_MIN_QUESTIONS, |i| i % 4);
    let f = figure(&bank, "length_rank_single");
    assert_eq!(f.value, 0.25);
    assert!(f.ok());
}

#[test]
fn too_few_questions_are_shown_but_not_judged() {
    let bank = singles(GUESSER_MIN_QUESTIONS - 1, |_| 1);
    let f = figure(&bank, "length_rank_single");
    assert_eq!(f.value, 1.0);
    assert!(f.ok() && !f.judged);
}

/// `n` "choose two of five" questions with options of lengths 10, 8, 6, 4 and 2 characters, the
/// keys at the length ranks `keys(i)` of question `i`.
fn pairs(n: usize, keys: impl Fn(usize) -> [usize; 2]) -> Vec<Question> {
    (0..n)
        .map(|i| {
            let options: Vec<(&str, bool)> = ["abcdefghij", "abcdefgh", "abcdef", "abcd", "ab"]
                .iter()
                .enumerate()
                .map(|(r, text)| (*text, keys(i).contains(&r)))
                .collect();
            question(Kind::Multiple, STEM, &options)
        })
        .collect()
}

#[test]
fn multiple_response_keys_at_the_same_pair_of_ranks_fail() {
    // The longest and third longest in three questions of four, else the two shortest.
    let bank = pairs(GUESSER_MIN_QUESTIONS, |i| {
        if i % 4 == 3 {
            [3, 4]
        } else {
            [0, 2]
        }
    });
    let f = figure(&bank, "length_rank_multi");
    assert_eq!(f.value, 0.75);
    assert!(!f.ok());
    assert!(f.worst[0].ends_with("(longest + 3rd longest)"));
    // Spread over all ten pairs of ranks, the best pair is right one time in ten.
    let all = [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
        [1, 2],
        [1, 3],
        [1, 4],
        [2, 3],
        [2, 4],
        [3, 4],
    ];
    let f = figure(
        &pairs(GUESSER_MIN_QUESTIONS, |i| all[i % 10]),
        "length_rank_multi",
    );
    assert!((f.value - 0.1).abs() < 1e-12 && f.ok(), "{}", f.value);
}
