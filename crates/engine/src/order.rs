//! Ordering by a numeric key through one shared copy of the sort routine. Every `sort_by` with its
//! own closure compiles its own copy of the whole sort into the app (about 4 KB of wasm each), so the
//! app's orderings all sort `(key, position)` pairs with the same comparison and then move the items.

/// Sorts `items` by `key`, ascending as `f64::total_cmp` orders; equal keys keep their order.
pub fn sort_by_key_f64<T>(items: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let mut keyed: Vec<(f64, usize)> = items.iter().map(key).zip(0..).collect();
    sort_keyed(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keyed.iter().filter_map(|&(_, at)| slots[at].take()));
}

/// Not generic and not inlined, so there is exactly one instance of the sort behind every caller.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one sort the conventions allow
fn sort_keyed(keyed: &mut [(f64, usize)]) {
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_and_keeps_ties_in_place() {
        let mut v = vec![
            ("c", 3.0),
            ("a1", 1.0),
            ("b", 2.0),
            ("a2", 1.0),
            ("z", -5.0),
        ];
        sort_by_key_f64(&mut v, |x| x.1);
        let names: Vec<_> = v.iter().map(|x| x.0).collect();
        assert_eq!(names, ["z", "a1", "a2", "b", "c"]);
    }

    #[test]
    fn descending_by_negated_key_and_empty_input() {
        let mut v = vec![1.5, 9.0, 4.0];
        sort_by_key_f64(&mut v, |x| -x);
        assert_eq!(v, [9.0, 4.0, 1.5]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key_f64(&mut empty, |_| 0.0);
        assert!(empty.is_empty());
    }

    #[test]
    fn matches_the_standard_stable_sort_on_many_inputs() {
        let mut seed = 0x9e37_79b9_u64;
        for n in 0..60 {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (((seed >> 33) % 7) as u32, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut got = v;
            sort_by_key_f64(&mut got, |x| f64::from(x.0));
            assert_eq!(got, want);
        }
    }
}
