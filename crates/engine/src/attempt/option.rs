//! Two ways to count a question's options, kept apart by type: `Authored` is an option's place in the
//! bank's list (what is stored, scored and explained); `Shown` is its place on the learner's screen
//! (A, B, C… after the attempt's shuffle). An item's `order` maps one to the other.

use serde::{Deserialize, Serialize};

/// An option by its index in the bank's authored list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Authored(pub u8);

/// An option by its position on screen: 0 is "A".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Shown(pub u8);

impl Authored {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl Shown {
    /// The letter the learner reads and types.
    pub fn letter(self) -> char {
        char::from(b'A' + self.0.min(25))
    }

    pub fn from_letter(letter: char) -> Option<Shown> {
        let upper = letter.to_ascii_uppercase();
        upper
            .is_ascii_uppercase()
            .then(|| Shown(upper as u8 - b'A'))
    }
}

impl super::AttemptItem {
    /// The authored option shown at `position`, if the question has that many.
    pub fn authored(&self, position: Shown) -> Option<Authored> {
        self.order.get(usize::from(position.0)).copied()
    }

    /// Where `option` is shown.
    pub fn shown(&self, option: Authored) -> Option<Shown> {
        self.order
            .iter()
            .position(|&o| o == option)
            .map(|p| Shown(p as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt::AttemptItem;

    #[test]
    fn order_maps_screen_positions_to_authored_options_and_back() {
        let item = AttemptItem {
            id: "1.1-001".parse().unwrap(),
            scored: true,
            order: vec![Authored(2), Authored(0), Authored(3), Authored(1)],
        };
        assert_eq!(item.authored(Shown(0)), Some(Authored(2)));
        assert_eq!(item.authored(Shown(4)), None);
        assert_eq!(item.shown(Authored(1)), Some(Shown(3)));
        assert_eq!(item.shown(Authored(9)), None);
        for p in 0..4 {
            let shown = Shown(p);
            assert_eq!(item.shown(item.authored(shown).unwrap()), Some(shown));
        }
    }

    #[test]
    fn letters_round_trip() {
        assert_eq!(Shown(0).letter(), 'A');
        assert_eq!(Shown(3).letter(), 'D');
        assert_eq!(Shown::from_letter('c'), Some(Shown(2)));
        assert_eq!(Shown::from_letter('1'), None);
    }

    #[test]
    fn stored_as_plain_numbers() {
        let json = serde_json::to_string(&vec![Authored(1), Authored(0)]).unwrap();
        assert_eq!(json, "[1,0]");
    }
}
