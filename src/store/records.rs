//! The record types the app keeps, one per key, each with its schema's migrations. Additive fields
//! use serde defaults, so a record written before they existed still reads.

use serde::{Deserialize, Serialize};

use super::envelope::Migration;

pub const SETTINGS_KEY: &str = "clf-prep/settings";
pub const SETTINGS_MIGRATIONS: &[Migration] = &[];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The `data-theme` attribute for the document element (`None` follows the system).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Adds the 30-minute English-as-a-second-language accommodation to mock exams.
    pub accommodation: bool,
    pub theme: Theme,
    /// Ask "how sure are you?" under each question.
    pub confidence_prompts: bool,
    /// The learner's exam date, `YYYY-MM-DD`.
    pub exam_date: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            accommodation: false,
            theme: Theme::System,
            confidence_prompts: true,
            exam_date: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::{decode, encode, Loaded};

    #[test]
    fn settings_round_trip_and_missing_fields_take_defaults() {
        let s = Settings {
            accommodation: true,
            theme: Theme::Dark,
            confidence_prompts: false,
            exam_date: Some("2027-01-15".into()),
        };
        let raw = encode(&s, SETTINGS_MIGRATIONS).unwrap();
        assert_eq!(
            decode::<Settings>(Some(&raw), SETTINGS_MIGRATIONS),
            Loaded::Current(s)
        );
        let sparse = r#"{"schema":1,"data":{"accommodation":true}}"#;
        let Loaded::Current(read) = decode::<Settings>(Some(sparse), SETTINGS_MIGRATIONS) else {
            panic!("should read")
        };
        assert!(read.accommodation);
        assert!(read.confidence_prompts);
        assert_eq!(read.theme, Theme::System);
    }
}
