//! Steps that bring a progress record written by an older app up to this one's format.

use engine::schedule::fsrs::{initial_difficulty, Rating};
use engine::schedule::Card;
use serde_json::Value;

use super::six_decimals;

/// The Leitner boxes' intervals in days, which schema 1 stored as a 0-based `level`.
const LEITNER_DAYS: [i64; 5] = [1, 2, 4, 8, 16];

/// Schema 1 → 2: each review card `{level, due_day}` (a Leitner box) becomes an FSRS card for the
/// same question, due the same day. Its stability is its box's interval: Leitner booked it for that
/// many days, and FSRS schedules a card for exactly its stability (recall 90 %). Its difficulty is
/// FSRS's initial one for a miss, since every Leitner card entered by a miss or a guess and Good
/// reviews barely move difficulty. The last review is the day it was booked (`due_day` − interval);
/// its reviews are the entry plus one per box climbed; lapses are unknown and start at 0.
pub fn leitner_to_fsrs(mut data: Value) -> Result<Value, String> {
    let Some(cards) = data.pointer_mut("/review/cards") else {
        return Ok(data);
    };
    let Value::Object(cards) = cards else {
        return Err("its review cards are not a map".into());
    };
    for (id, card) in cards.iter_mut() {
        *card = fsrs_card(card).ok_or_else(|| format!("review card {id} is not a Leitner box"))?;
    }
    Ok(data)
}

fn fsrs_card(leitner: &Value) -> Option<Value> {
    let level = u8::try_from(leitner.get("level")?.as_u64()?).ok()?;
    let due_day = leitner.get("due_day")?.as_i64()?;
    // The old app never stored a box past the last; should one appear, it counts as the last.
    let interval = LEITNER_DAYS[usize::from(level).min(LEITNER_DAYS.len() - 1)];
    let card = Card {
        stability: interval as f64,
        difficulty: six_decimals(initial_difficulty(Rating::Again)),
        due_day,
        last_day: due_day.checked_sub(interval)?,
        reps: u32::from(level) + 1,
        lapses: 0,
    };
    serde_json::to_value(card).ok()
}
