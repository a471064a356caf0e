//! Export and import: one versioned JSON file holding every record the app keeps. Import checks the
//! whole file before anything changes (size, JSON, format, version, every record against its type),
//! and the learner then chooses to merge or to replace.

use serde_json::{Map, Value};

use super::envelope::{decode, Loaded, Migration};

pub const FORMAT: &str = "clf-prep-export";
pub const FORMAT_VERSION: u64 = 1;
/// Far above any real progress file (localStorage holds about 5 MB), low enough to refuse junk fast.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// A key the file may carry and how to check its record: decode with the record's own type.
pub struct RecordKind {
    pub key: &'static str,
    pub check: fn(&str) -> Result<(), String>,
}

/// Checks a stored envelope decodes as `T` (at this or an older schema).
pub fn check_as<T: serde::de::DeserializeOwned>(
    raw: &str,
    migrations: &[Migration],
) -> Result<(), String> {
    match decode::<T>(Some(raw), migrations) {
        Loaded::Current(_) | Loaded::Migrated { .. } => Ok(()),
        Loaded::Missing => Err("empty".into()),
        Loaded::TooNew { schema } => Err(format!(
            "made by a newer version of the app (format {schema})"
        )),
        Loaded::Corrupt { reason } => Err(reason),
    }
}

/// Builds the export file from `(key, raw stored text)` pairs.
pub fn export(records: &[(String, String)], exported_at_ms: f64) -> String {
    let mut map = Map::new();
    for (key, raw) in records {
        // Unparseable text (a quarantined record) is exported as a string, so nothing is lost.
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.clone()));
        map.insert(key.clone(), value);
    }
    let file = serde_json::json!({
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at_ms": exported_at_ms,
        "records": map,
    });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A value as compact JSON text, through the same serializer the store writes with (`Value`'s
/// `Display` would compile a second one).
fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Why an import file was refused, in words for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge { bytes: usize },
    NotJson(String),
    NotOurs,
    NewerVersion(u64),
    BadRecord { key: String, reason: String },
    UnknownKey(String),
    Empty,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; a progress file is never larger than {} MB. Nothing was changed.",
                crate::number::tenths(*bytes as f64 / 1e6),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
            ImportError::NotJson(e) => write!(f, "The file is not valid JSON (it may be truncated): {e}. Nothing was changed."),
            ImportError::NotOurs => f.write_str("This is not a progress file exported by this app. Nothing was changed."),
            ImportError::NewerVersion(v) => write!(
                f,
                "The file was exported by a newer version of the app (file format {v}). Reload to update the app, then import again. Nothing was changed."
            ),
            ImportError::BadRecord { key, reason } => {
                write!(f, "The file's record \"{key}\" cannot be used: {reason}. Nothing was changed.")
            }
            ImportError::UnknownKey(key) => write!(f, "The file holds an unknown record \"{key}\". Nothing was changed."),
            ImportError::Empty => f.write_str("The file holds no progress. Nothing was changed."),
        }
    }
}

/// A validated import: `(key, raw envelope text)` ready to be written.
pub type Validated = Vec<(String, String)>;

/// Validates an import file completely; nothing is written here.
pub fn validate(text: &str, kinds: &[RecordKind]) -> Result<Validated, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let file: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if file.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotOurs);
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(v) if v > FORMAT_VERSION => return Err(ImportError::NewerVersion(v)),
        Some(_) => {}
        None => return Err(ImportError::NotOurs),
    }
    let records = file
        .get("records")
        .and_then(Value::as_object)
        .ok_or(ImportError::NotOurs)?;
    let mut out = Vec::new();
    for (key, value) in records {
        if key.starts_with(super::vault::QUARANTINE) {
            // Set-aside records travel along as they were, unread.
            out.push((
                key.clone(),
                value
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| compact(value)),
            ));
            continue;
        }
        let kind = kinds
            .iter()
            .find(|k| k.key == key)
            .ok_or_else(|| ImportError::UnknownKey(key.clone()))?;
        let raw = compact(value);
        (kind.check)(&raw).map_err(|reason| ImportError::BadRecord {
            key: key.clone(),
            reason,
        })?;
        out.push((key.clone(), raw));
    }
    if out.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::envelope::encode;
    use crate::store::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};

    fn kinds() -> Vec<RecordKind> {
        vec![RecordKind {
            key: SETTINGS_KEY,
            check: |raw| check_as::<Settings>(raw, SETTINGS_MIGRATIONS),
        }]
    }

    fn exported() -> String {
        let s = Settings {
            accommodation: true,
            ..Settings::default()
        };
        export(
            &[(
                SETTINGS_KEY.to_string(),
                encode(&s, SETTINGS_MIGRATIONS).unwrap(),
            )],
            1.0,
        )
    }

    #[test]
    fn export_then_import_round_trips_exactly() {
        let file = exported();
        let records = validate(&file, &kinds()).unwrap();
        assert_eq!(records.len(), 1);
        let Loaded::Current(s) = decode::<Settings>(Some(&records[0].1), SETTINGS_MIGRATIONS)
        else {
            panic!()
        };
        assert!(s.accommodation);
    }

    #[test]
    fn malformed_truncated_foreign_and_newer_files_are_refused() {
        let file = exported();
        assert!(matches!(
            validate(&file[..file.len() / 2], &kinds()),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(
            validate("{\"hello\":1}", &kinds()),
            Err(ImportError::NotOurs)
        );
        assert_eq!(
            validate(&file.replace("\"version\": 1", "\"version\": 7"), &kinds()),
            Err(ImportError::NewerVersion(7))
        );
        let empty = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"records\":{{}}}}");
        assert_eq!(validate(&empty, &kinds()), Err(ImportError::Empty));
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        let big = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert!(matches!(
            validate(&big, &kinds()),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_record_of_the_wrong_shape_or_an_unknown_key_is_refused() {
        let file = exported().replace(
            "\"accommodation\": true",
            "\"accommodation\": \"<script>alert(1)</script>\"",
        );
        let err = validate(&file, &kinds()).unwrap_err();
        assert!(matches!(err, ImportError::BadRecord { .. }), "{err:?}");
        assert!(err.to_string().contains("Nothing was changed"));
        let file = exported().replace(SETTINGS_KEY, "clf-prep/who-knows");
        assert_eq!(
            validate(&file, &kinds()),
            Err(ImportError::UnknownKey("clf-prep/who-knows".into()))
        );
    }

    #[test]
    fn quarantined_text_travels_unread() {
        let file = export(
            &[("clf-prep/quarantine/settings/5".into(), "{broken".into())],
            0.0,
        );
        assert_eq!(
            validate(&file, &kinds()).unwrap(),
            vec![(
                "clf-prep/quarantine/settings/5".to_string(),
                "{broken".to_string()
            )]
        );
    }
}
