//! The exam's published shape (CLF-C02 exam guide v1.0), in one place. Everything else refers to
//! these names, never to the bare numbers.

use crate::bank::Domain;

/// Questions on a full form.
pub const FORM_ITEMS: usize = 65;
/// Questions that count toward the score.
pub const SCORED_ITEMS: usize = 50;
/// Pretest questions: on the form, indistinguishable, not scored.
pub const UNSCORED_ITEMS: usize = FORM_ITEMS - SCORED_ITEMS;
/// Exam time.
pub const EXAM_MINUTES: u32 = 90;
/// Extra time for the English-as-a-second-language accommodation.
pub const ACCOMMODATION_MINUTES: u32 = 30;
/// Lowest and highest scaled score, and the pass line.
pub const MIN_SCALED: u16 = 100;
pub const MAX_SCALED: u16 = 1000;
pub const PASS_SCALED: u16 = 700;
/// The article's target on full timed practice attempts before booking the real exam.
pub const READY_SCALED: u16 = 750;
/// How many consecutive full timed attempts at or above `READY_SCALED` count as "consistently".
pub const READY_RUNS: usize = 5;
/// Questions in the free diagnostic.
pub const DIAGNOSTIC_ITEMS: usize = 10;
/// The diagnostic asks every domain at least this often.
pub const DIAGNOSTIC_MIN_PER_DOMAIN: usize = 2;

/// Scored items per domain on a 50-item form (24/30/34/12 %).
pub const fn scored_items(domain: Domain) -> usize {
    match domain {
        Domain::CloudConcepts => 12,
        Domain::SecurityCompliance => 15,
        Domain::TechnologyServices => 17,
        Domain::BillingPricingSupport => 6,
    }
}

/// Items per domain on a 65-item form.
pub const fn form_items(domain: Domain) -> usize {
    match domain {
        Domain::CloudConcepts => 16,
        Domain::SecurityCompliance => 19,
        Domain::TechnologyServices => 22,
        Domain::BillingPricingSupport => 8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_counts_add_up_to_the_form() {
        assert_eq!(
            Domain::ALL.iter().map(|&d| scored_items(d)).sum::<usize>(),
            SCORED_ITEMS
        );
        assert_eq!(
            Domain::ALL.iter().map(|&d| form_items(d)).sum::<usize>(),
            FORM_ITEMS
        );
        for d in Domain::ALL {
            assert!(form_items(d) >= scored_items(d));
        }
    }

    #[test]
    fn scored_counts_follow_the_weights() {
        for d in Domain::ALL {
            let share = scored_items(d) as f64 / SCORED_ITEMS as f64 * 100.0;
            assert!((share - d.weight_percent() as f64).abs() < 1.0, "{d:?}");
        }
    }
}
