//! Near-duplicate stems: Jaccard similarity of word-trigram sets after normalisation. Cheap enough for
//! all pairs of a few thousand questions at build time, and blind to reordered punctuation and case.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn shingles(stem: &str) -> Vec<u64> {
    let lowered = stem.to_lowercase();
    let words: Vec<&str> = lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "choose" | "two" | "three"))
        .collect();
    let width = words.len().clamp(1, 3);
    let mut set: Vec<u64> = words
        .windows(width)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// |A ∩ B| / |A ∪ B| of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

#[cfg(test)]
fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&shingles(a), &shingles(b))
}

/// Index pairs `(i, j)`, `i < j`, whose stems are at least `threshold` similar, with their similarity.
pub fn near_duplicates<'a>(
    stems: impl Iterator<Item = &'a str>,
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    let sets: Vec<Vec<u64>> = stems.map(shingles).collect();
    let mut found = Vec::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            let s = jaccard(&sets[i], &sets[j]);
            if s >= threshold {
                found.push((i, j, s));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_stems_differing_in_case_and_punctuation_are_similar() {
        assert_eq!(
            similarity(
                "Which service stores objects?",
                "which SERVICE stores objects"
            ),
            1.0
        );
    }

    #[test]
    fn unrelated_stems_are_not_similar() {
        let s = similarity(
            "Which AWS service records API calls made in an account?",
            "A company wants to pay less for steady database workloads. What should it buy?",
        );
        assert!(s < 0.1, "{s}");
    }
}
