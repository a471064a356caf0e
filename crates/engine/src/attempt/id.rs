//! The attempt id: the one string of an attempt that goes into links (`#/results/…`) and storage
//! keys. It can only be made through `AttemptId::parse`, the rule the router and storage share, so an
//! id read from storage or a file always makes a valid link and can never carry markup.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AttemptId(String);

/// Why a string is not an attempt id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnAttemptId;

impl fmt::Display for NotAnAttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("its id is not one this app makes")
    }
}

impl AttemptId {
    /// At most 40 ASCII letters, digits and dashes.
    pub fn parse(id: &str) -> Result<AttemptId, NotAnAttemptId> {
        let plain = !id.is_empty()
            && id.len() <= 40
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if plain {
            Ok(AttemptId(id.to_string()))
        } else {
            Err(NotAnAttemptId)
        }
    }

    /// A new id: the attempt's kind, its start time and three random bytes, in hex; time-ordered and
    /// unique enough for one learner's browser.
    pub fn new(kind: Kind, now_ms: f64, random: [u8; 3]) -> AttemptId {
        let [a, b, c] = random;
        AttemptId(format!(
            "{}-{:x}-{a:02x}{b:02x}{c:02x}",
            kind.prefix(),
            now_ms.max(0.0) as u64
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What an attempt is, as its id says.
pub type Kind = super::Mode;

impl TryFrom<String> for AttemptId {
    type Error = NotAnAttemptId;
    fn try_from(s: String) -> Result<AttemptId, NotAnAttemptId> {
        AttemptId::parse(&s)
    }
}

impl From<AttemptId> for String {
    fn from(id: AttemptId) -> String {
        id.0
    }
}

impl fmt::Display for AttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for AttemptId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for AttemptId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_ids_parse() {
        assert!(AttemptId::parse("mock-lx3k9a").is_ok());
        for bad in ["", "<b>", "a b", "a/b", "é", &"x".repeat(41)] {
            assert_eq!(AttemptId::parse(bad), Err(NotAnAttemptId), "{bad:?}");
        }
    }

    #[test]
    fn new_ids_parse_and_differ_by_time() {
        let a = AttemptId::new(Kind::Mock, 1_700_000_000_000.0, [0, 1, 255]);
        let b = AttemptId::new(Kind::Mock, 1_700_000_000_001.0, [0, 1, 255]);
        assert_ne!(a, b);
        assert_eq!(AttemptId::parse(a.as_str()), Ok(a.clone()));
        assert_eq!(a.as_str(), "mock-18bcfe56800-0001ff");
    }

    #[test]
    fn storage_refuses_a_bad_id_when_it_is_read() {
        let ok: AttemptId = serde_json::from_str("\"practice-1\"").unwrap();
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"practice-1\"");
        let err = serde_json::from_str::<AttemptId>("\"<img>\"").unwrap_err();
        assert!(err.to_string().contains("not one this app makes"), "{err}");
    }
}
