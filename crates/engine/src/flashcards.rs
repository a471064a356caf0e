//! Service flashcards, generated from the catalogue's cards and answered by choosing, so they are
//! scored like questions. Three sides of each service:
//! - `Purpose`: what it does → which service (the options are services);
//! - `Name`: the service → what it does (the options are other services' purposes);
//! - `Situation`: when to choose it → which of it and its look-alikes (the confusions learners make).
//!
//! Wrong options come from the service's look-alikes first, then its category, then the rest, so a
//! card tests the distinction that matters rather than an easy elimination. Each answered card is
//! scheduled with FSRS like the review drill (wrong → Again, right → Good), in `Deck`.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::schedule::{Card, Rating};
use crate::services::Service;
use crate::SeededRng;

/// Options on a card, the answer included.
pub const OPTIONS: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Purpose,
    Name,
    Situation,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Purpose, Side::Name, Side::Situation];

    fn code(self) -> &'static str {
        match self {
            Side::Purpose => "purpose",
            Side::Name => "name",
            Side::Situation => "situation",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flashcard {
    pub service: &'static Service,
    pub side: Side,
    /// The services on offer, the answer among them; for `Name`, their purposes are shown.
    pub options: Vec<&'static Service>,
    pub answer: usize,
}

impl Flashcard {
    /// The card's key in the deck: its side and its service.
    pub fn key(&self) -> String {
        key(self.side, self.service)
    }

    /// What the card asks.
    pub fn prompt(&self) -> &'static str {
        match self.side {
            Side::Purpose => self.service.what,
            Side::Name => self.service.name,
            Side::Situation => self.service.choose_when,
        }
    }

    /// The text of option `i`.
    pub fn option_text(&self, i: usize) -> &'static str {
        match self.side {
            Side::Name => self.options[i].what,
            Side::Purpose | Side::Situation => self.options[i].name,
        }
    }
}

fn key(side: Side, service: &Service) -> String {
    format!("{}:{}", side.code(), service.name)
}

/// The side and the service a deck key names, if `catalogue` has that service.
fn parse_key(key: &str, catalogue: &'static [Service]) -> Option<(Side, &'static Service)> {
    let (code, name) = key.split_once(':')?;
    let side = Side::ALL.into_iter().find(|s| s.code() == code)?;
    Some((side, catalogue.iter().find(|s| s.name == name)?))
}

/// The flashcards' schedule: one FSRS card per side of a service, by key, sorted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    pub cards: Vec<(String, Card)>,
}

impl Deck {
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Puts a deck read from storage or a file in order: sorted by key, one card per key (the
    /// later-reviewed), only keys `known` accepts.
    pub fn tidy(&mut self, known: impl Fn(&str) -> bool) {
        let mut cards = std::mem::take(&mut self.cards);
        cards.retain(|(k, _)| known(k));
        self.merge(Deck { cards });
    }

    /// Whether `key` names a side of a service in the catalogue.
    pub fn is_known(key: &str) -> bool {
        parse_key(key, crate::services::catalogue()).is_some()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.cards.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Card> {
        self.position(key).ok().map(|i| &self.cards[i].1)
    }

    /// Books an answer given on `today`. A right answer on the day of the last review changes
    /// nothing, as in the review drill: the learner has just seen the card's answer.
    pub fn record(&mut self, key: &str, right: bool, today: i64) {
        let rating = if right { Rating::Good } else { Rating::Again };
        match self.position(key) {
            Ok(i) => {
                let card = &mut self.cards[i].1;
                if !(today <= card.last_day && right) {
                    card.review(rating, today);
                }
            }
            Err(i) => self
                .cards
                .insert(i, (key.to_string(), Card::new(rating, today))),
        }
    }

    /// Keys due on `today` or before, most overdue first.
    pub fn due(&self, today: i64) -> Vec<&str> {
        let mut due: Vec<(i64, &str)> = self
            .cards
            .iter()
            .filter(|(_, c)| c.due_day <= today)
            .map(|(k, c)| (c.due_day, k.as_str()))
            .collect();
        crate::order::sort_by_key_f64(&mut due, |d| d.0 as f64);
        due.into_iter().map(|(_, k)| k).collect()
    }

    /// Takes `other`'s cards that this deck lacks, and for a card in both the later-reviewed one.
    pub fn merge(&mut self, other: Deck) {
        for (key, card) in other.cards {
            match self.position(&key) {
                Ok(i) if card.last_day > self.cards[i].1.last_day => self.cards[i].1 = card,
                Ok(_) => {}
                Err(i) => self.cards.insert(i, (key, card)),
            }
        }
    }
}

/// A session of up to `size` cards: the due ones first (most overdue first), then cards never seen,
/// in random order. Cards neither due nor new wait for their day.
pub fn session(
    catalogue: &'static [Service],
    deck: &Deck,
    today: i64,
    size: usize,
    seed: u64,
) -> Vec<Flashcard> {
    let mut rng = SeededRng::seed_from_u64(seed);
    let all: Vec<(Side, &'static Service)> = catalogue
        .iter()
        .flat_map(|s| Side::ALL.map(|side| (side, s)))
        .collect();
    let mut picked: Vec<(Side, &'static Service)> = deck
        .due(today)
        .into_iter()
        .filter_map(|k| parse_key(k, catalogue))
        .take(size)
        .collect();
    let mut fresh: Vec<(Side, &'static Service)> = all
        .iter()
        .copied()
        .filter(|&(side, s)| deck.get(&key(side, s)).is_none())
        .collect();
    fresh.shuffle(&mut rng);
    // One side of a service per session: a second side would give the first away.
    for card in fresh {
        if picked.len() >= size {
            break;
        }
        if !picked.iter().any(|p| p.1.name == card.1.name) {
            picked.push(card);
        }
    }
    picked
        .into_iter()
        .map(|(side, service)| card(catalogue, side, service, &mut rng))
        .collect()
}

/// One card with its options: the answer, then look-alikes, the same category, and the rest.
fn card(
    catalogue: &'static [Service],
    side: Side,
    service: &'static Service,
    rng: &mut SeededRng,
) -> Flashcard {
    let mut lookalikes: Vec<&'static Service> = service
        .confused
        .iter()
        .filter_map(|c| catalogue.iter().find(|s| s.name == c.name))
        .collect();
    lookalikes.shuffle(rng);
    let mut same_category: Vec<&'static Service> = catalogue
        .iter()
        .filter(|s| s.category == service.category)
        .collect();
    same_category.shuffle(rng);
    let mut rest: Vec<&'static Service> = catalogue.iter().collect();
    rest.shuffle(rng);
    let mut options = vec![service];
    for candidate in lookalikes.into_iter().chain(same_category).chain(rest) {
        if options.len() == OPTIONS {
            break;
        }
        if !options.iter().any(|o| o.name == candidate.name) {
            options.push(candidate);
        }
    }
    options.shuffle(rng);
    let answer = options
        .iter()
        .position(|o| o.name == service.name)
        .unwrap_or(0);
    Flashcard {
        service,
        side,
        options,
        answer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::{catalogue, Confusion};

    fn fixture() -> &'static [Service] {
        let service = |name: &'static str, category, confused: &'static [Confusion]| Service {
            name,
            category,
            other_names: &[],
            what: name,
            choose_when: name,
            doc: "https://docs.aws.amazon.com/",
            confused,
        };
        let lookalike: &'static [Confusion] = &[Confusion {
            name: "B",
            difference: "A and B differ",
        }];
        vec![
            service("A", "Compute", lookalike),
            service("B", "Storage", &[]),
            service("C", "Compute", &[]),
            service("D", "Database", &[]),
            service("E", "Database", &[]),
            service("F", "Database", &[]),
        ]
        .leak()
    }

    #[test]
    fn options_hold_the_answer_once_then_look_alikes_then_the_category() {
        let cat = fixture();
        let mut rng = SeededRng::seed_from_u64(7);
        for seed in 0..50 {
            let mut rng2 = SeededRng::seed_from_u64(seed);
            let c = card(cat, Side::Purpose, &cat[0], &mut rng2);
            assert_eq!(c.options.len(), OPTIONS);
            assert_eq!(c.options[c.answer].name, "A");
            let names: Vec<_> = c.options.iter().map(|o| o.name).collect();
            assert!(names.contains(&"B"), "the look-alike is always offered");
            assert!(names.contains(&"C"), "then the same category");
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), OPTIONS);
        }
        let name_side = card(cat, Side::Name, &cat[0], &mut rng);
        assert_eq!(name_side.prompt(), "A");
        assert_eq!(name_side.option_text(name_side.answer), cat[0].what);
    }

    #[test]
    fn a_session_puts_due_cards_first_and_shows_one_side_per_service() {
        let cat = fixture();
        let mut deck = Deck::default();
        deck.record("situation:D", false, 10);
        let s = session(cat, &deck, 11, 5, 3);
        assert_eq!(s.len(), 5);
        assert_eq!(s[0].key(), "situation:D", "the due card leads");
        let mut services: Vec<_> = s.iter().map(|c| c.service.name).collect();
        services.sort_unstable();
        services.dedup();
        assert_eq!(services.len(), 5, "no service twice");
        let tomorrow = session(cat, &deck, 10, 20, 3);
        assert!(
            tomorrow.iter().all(|c| c.key() != "situation:D"),
            "not due yet, not new"
        );
    }

    #[test]
    fn the_deck_schedules_with_fsrs_and_merges_by_latest_review() {
        let mut deck = Deck::default();
        deck.record("name:A", false, 100);
        let first = *deck.get("name:A").unwrap();
        assert_eq!(first, Card::new(Rating::Again, 100));
        assert_eq!(deck.due(first.due_day), vec!["name:A"]);
        deck.record("name:A", true, 100);
        assert_eq!(
            deck.get("name:A"),
            Some(&first),
            "a same-day right answer counts for nothing"
        );
        deck.record("name:A", true, first.due_day);
        let later = *deck.get("name:A").unwrap();
        assert!(later.due_day > first.due_day && later.stability > first.stability);
        let mut other = Deck::default();
        other.record("purpose:B", true, 50);
        other.cards.push(("name:A".into(), first));
        other.cards.sort_by(|a, b| a.0.cmp(&b.0));
        deck.merge(other);
        assert_eq!(deck.get("name:A"), Some(&later), "the later review wins");
        assert!(deck.get("purpose:B").is_some());
    }

    #[test]
    fn the_real_catalogue_makes_full_sessions() {
        let cat = catalogue();
        if cat.len() < OPTIONS {
            return assert!(session(cat, &Deck::default(), 0, 10, 1).len() <= cat.len());
        }
        let s = session(cat, &Deck::default(), 0, 20, 1);
        assert_eq!(s.len(), 20);
        for c in &s {
            assert_eq!(c.options.len(), OPTIONS);
            assert_eq!(
                c.option_text(c.answer),
                match c.side {
                    Side::Name => c.service.what,
                    _ => c.service.name,
                }
            );
        }
    }
}
