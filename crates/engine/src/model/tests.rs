//! The item model and the posterior it gives, checked against known values and by properties.

use super::*;
use proptest::prelude::*;

const ITEM: ItemParams = ItemParams {
    a: 1.7,
    b: 0.0,
    c: 0.25,
};

#[test]
fn guessing_floor_follows_the_kind() {
    assert!((choose(5, 2) - 10.0).abs() < 1e-12);
    assert!((choose(6, 3) - 20.0).abs() < 1e-12);
    assert!((ITEM.p_correct(-20.0) - 0.25).abs() < 1e-6);
    assert!((ITEM.p_correct(20.0) - 1.0).abs() < 1e-6);
    assert!((ITEM.p_correct(0.0) - 0.625).abs() < 1e-12);
}

#[test]
fn eap_matches_a_hand_computed_posterior() {
    // One item answered right: posterior ∝ φ(θ) · P(θ). Sum it directly on a fine grid.
    let (mut num, mut den, mut above) = (0.0, 0.0, 0.0);
    let mut t: f64 = -6.0;
    while t <= 6.0 + 1e-9 {
        let w = (-0.5 * t * t).exp() * ITEM.p_correct(t);
        num += w * t;
        den += w;
        if t >= 0.0 {
            above += w;
        }
        t += 0.001;
    }
    let post = Posterior::from_responses(0.0, 1.0, [(ITEM, true)]);
    assert!(
        (post.mean() - num / den).abs() < 0.01,
        "{} vs {}",
        post.mean(),
        num / den
    );
    let (grid_p, exact_p) = (post.mass_above(0.0), above / den);
    assert!((grid_p - exact_p).abs() < 0.005, "{grid_p} vs {exact_p}");
    // Moving the line within one grid cell moves the probability too.
    assert!(post.mass_above(0.02) < post.mass_above(-0.02));
    // With no responses the posterior is the prior.
    let prior = Posterior::from_responses(0.0, 1.0, []);
    assert!(prior.mean().abs() < 1e-9);
    assert!((prior.sd() - 1.0).abs() < 0.01);
    assert!((prior.quantile(0.975) - 1.96).abs() < 0.05);
}

#[test]
fn cut_is_where_the_typical_form_is_72_percent() {
    let items = [
        ItemParams { b: -1.0, ..ITEM },
        ITEM,
        ItemParams {
            b: 1.0,
            c: 0.1,
            ..ITEM
        },
    ];
    let cut = cut_theta_for(&items);
    let share = items.iter().map(|i| i.p_correct(cut)).sum::<f64>() / 3.0;
    assert!((share - CUT_PROPORTION).abs() < 1e-6);
    assert_eq!(scaled(cut, cut), PASS_SCALED);
}

proptest! {
    #[test]
    fn more_correct_answers_never_lower_the_score(pattern in proptest::collection::vec(any::<bool>(), 1..65), flip in 0usize..65, b in -1.5f64..1.5) {
        let flip = flip % pattern.len();
        let items: Vec<ItemParams> = (0..pattern.len()).map(|i| ItemParams { b: b + (i % 3) as f64 - 1.0, ..ITEM }).collect();
        let before = estimate(items.iter().copied().zip(pattern.iter().copied()), 0.3);
        let mut better = pattern.clone();
        better[flip] = true;
        let after = estimate(items.iter().copied().zip(better), 0.3);
        prop_assert!(after.theta >= before.theta - 1e-12);
        prop_assert!(after.scaled >= before.scaled);
        prop_assert!(after.p_pass >= before.p_pass - 1e-12);
    }

    #[test]
    fn scores_stay_on_the_scale_and_the_band_holds_the_estimate(pattern in proptest::collection::vec(any::<bool>(), 0..65), cut in -2.0f64..2.0) {
        let e = estimate(pattern.iter().map(|&r| (ITEM, r)), cut);
        prop_assert!((MIN_SCALED..=MAX_SCALED).contains(&e.scaled));
        prop_assert!(e.low <= e.scaled && e.scaled <= e.high);
        prop_assert!((0.0..=1.0).contains(&e.p_pass));
    }
}

#[test]
fn the_band_is_read_with_the_weak_prior_and_stretched() {
    // No answers: the band is the weak prior's 95 % interval, stretched, around the prior's centre
    // (within a few points: the grid ends at ±6 logits, which trims the weak prior's tails a little).
    let e = estimate([], 0.0);
    let half = BAND_STRETCH * 1.96 * BAND_PRIOR_SD;
    assert!(
        (i32::from(e.high) - i32::from(scaled(half, 0.0))).abs() <= 8,
        "{e:?}"
    );
    assert!(
        (i32::from(e.low) - i32::from(scaled(-half, 0.0))).abs() <= 8,
        "{e:?}"
    );
    assert_eq!(e.scaled, PASS_SCALED);
}

#[test]
fn a_strong_candidates_band_is_not_pulled_to_the_middle() {
    // 47 of 50 right: the standard prior pulls the score down, and the band (read without that pull)
    // reaches further above the score than below it, and higher than the score's own posterior would.
    let items: Vec<ItemParams> = (0..50)
        .map(|i| ItemParams {
            b: (i % 3) as f64 - 1.0,
            ..ITEM
        })
        .collect();
    let responses: Vec<(ItemParams, bool)> = items
        .iter()
        .enumerate()
        .map(|(i, &p)| (p, i >= 3))
        .collect();
    let e = estimate(responses.iter().copied(), 0.0);
    assert!(e.high - e.scaled > e.scaled - e.low, "{e:?}");
    let own = Posterior::from_responses(0.0, 1.0, responses.iter().copied());
    let own_high = scaled(
        e.theta + BAND_STRETCH * (own.quantile(0.975) - e.theta),
        0.0,
    );
    assert!(e.high > own_high, "{} vs {own_high}", e.high);
}

#[test]
fn normal_cdf_matches_known_values() {
    assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
    assert!((normal_cdf(1.96) - 0.975).abs() < 1e-4);
    assert!((normal_cdf(-1.0) - 0.158655).abs() < 1e-5);
}
