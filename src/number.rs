//! Numbers written out for the learner with integer formatting only: Rust's float formatting would
//! bring its whole float-printing machinery (about 13 KB of wasm) for these few places.

/// `x` rounded to the nearest whole number (halves away from zero; NaN gives 0).
pub fn whole(x: f64) -> i64 {
    x.round() as i64
}

/// `x` as a percentage of 1, rounded: `0.425` gives `"43 %"`.
pub fn percent(share: f64) -> String {
    format!("{} %", whole(share * 100.0))
}

/// A chance as a learner should read it: never a flat 0 % or 100 %, which no estimate can promise.
pub fn chance(p: f64) -> String {
    if p < 0.01 {
        "< 1 %".into()
    } else if p > 0.99 {
        "> 99 %".into()
    } else {
        percent(p)
    }
}

/// `x` with one decimal: `2.25` gives `"2.3"`.
pub fn tenths(x: f64) -> String {
    let t = whole(x * 10.0);
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_round_halves_away_from_zero() {
        assert_eq!(whole(699.5), 700);
        assert_eq!(whole(-0.4), 0);
        assert_eq!(whole(-2.5), -3);
        assert_eq!(whole(f64::NAN), 0);
    }

    #[test]
    fn percentages_and_tenths_match_the_float_formatter_away_from_ties() {
        for x in [0.0, 0.004, 0.4249, 0.731, 0.999, 1.0] {
            assert_eq!(percent(x), format!("{:.0} %", x * 100.0), "{x}");
        }
        for x in [0.0, 0.04, 1.26, 9.94, 12.0, -3.33, 1234.56] {
            assert_eq!(tenths(x), format!("{x:.1}"), "{x}");
        }
    }

    #[test]
    fn chances_never_read_as_certain() {
        assert_eq!(super::chance(0.0), "< 1 %");
        assert_eq!(super::chance(0.004), "< 1 %");
        assert_eq!(super::chance(0.5), "50 %");
        assert_eq!(super::chance(0.995), "> 99 %");
        assert_eq!(super::chance(1.0), "> 99 %");
    }
}
