//! Export and import: one versioned JSON file holding exactly the records listed in `KINDS` (progress,
//! settings, the attempt in progress) and the set-aside ones. Import checks the whole file before
//! anything changes (size, JSON, format, version, every record against its type, every attempt
//! against the bank with its figures recomputed), then writes the largest record first, so that a
//! full quota refuses the import with nothing changed; it never prunes existing data to make room.

use serde_json::{Map, Value};

use super::active::{ActiveRecord, ACTIVE_KEY, ACTIVE_MIGRATIONS};
use super::backend::WriteError;
use super::envelope::{decode, encode, Loaded, Migration};
use super::progress::{check_progress, Evidence, Progress, PROGRESS_KEY, PROGRESS_MIGRATIONS};
use super::records::{Settings, SETTINGS_KEY, SETTINGS_MIGRATIONS};
use super::vault::{Vault, QUARANTINE};

pub const FORMAT: &str = "clf-prep-export";
pub const FORMAT_VERSION: u64 = 1;
/// What a browser's localStorage holds for one origin (about 5 million characters): a larger file
/// could never be stored, so it is refused before it is even parsed.
pub const MAX_IMPORT_BYTES: usize = 5_000_000;
pub use super::vault::MAX_SET_ASIDE;

/// A key the file may carry and how to check its record: decode with the record's own type, check
/// what the type cannot, and give back the record as this app writes it.
pub struct RecordKind {
    pub key: &'static str,
    pub check: fn(&str, f64) -> Result<String, String>,
}

/// Decodes a stored envelope as `T` (at this or an older schema).
fn decoded<T: serde::de::DeserializeOwned>(
    raw: &str,
    migrations: &[Migration],
) -> Result<T, String> {
    match decode::<T>(Some(raw), migrations) {
        Loaded::Current(data) | Loaded::Migrated { data, .. } => Ok(data),
        Loaded::Missing => Err("empty".into()),
        Loaded::TooNew { schema } => Err(format!(
            "made by a newer version of the app (format {schema})"
        )),
        Loaded::Corrupt { reason } => Err(reason),
    }
}

fn check_progress_record(raw: &str, now_ms: f64) -> Result<String, String> {
    let data: Value = decoded(raw, PROGRESS_MIGRATIONS)?;
    let checked = check_progress(data, now_ms, Evidence::Required)?;
    if let Some(bad) = checked.rejected.first() {
        return Err(format!(
            "{} {} cannot be used: {}",
            bad.part.label(),
            bad.id,
            bad.reason
        ));
    }
    encode(&checked.progress, PROGRESS_MIGRATIONS)
}

fn check_settings_record(raw: &str, _now_ms: f64) -> Result<String, String> {
    let settings: Settings = decoded(raw, SETTINGS_MIGRATIONS)?;
    if let Some(date) = &settings.exam_date {
        let plain = date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| {
                matches!((i, b), (4 | 7, b'-')) || (i != 4 && i != 7 && b.is_ascii_digit())
            });
        if !plain {
            return Err("its exam date is not a date".into());
        }
    }
    encode(&settings, SETTINGS_MIGRATIONS)
}

fn check_active_record(raw: &str, now_ms: f64) -> Result<String, String> {
    let record: ActiveRecord = decoded(raw, ACTIVE_MIGRATIONS)?;
    record.attempt.check(now_ms).map_err(|f| f.to_string())?;
    if record.attempt.is_submitted() {
        return Err("the attempt in progress is already finished".into());
    }
    if !record.heartbeat_ms.is_finite() {
        return Err("its heartbeat is not a time".into());
    }
    encode(&record, ACTIVE_MIGRATIONS)
}

/// The records an export carries and an import accepts, each checked against its own type.
pub const KINDS: [RecordKind; 3] = [
    RecordKind {
        key: PROGRESS_KEY,
        check: check_progress_record,
    },
    RecordKind {
        key: SETTINGS_KEY,
        check: check_settings_record,
    },
    RecordKind {
        key: ACTIVE_KEY,
        check: check_active_record,
    },
];

/// The export file: every record in `KINDS` that this browser holds, and the set-aside records.
pub fn export(v: &Vault, exported_at_ms: f64) -> (String, usize) {
    let mut records: Vec<(String, String)> = KINDS
        .iter()
        .filter_map(|k| v.raw(k.key).map(|raw| (k.key.to_string(), raw)))
        .collect();
    records.extend(v.quarantined().into_iter().take(MAX_SET_ASIDE));
    let mut map = Map::new();
    for (key, raw) in &records {
        // Unparseable text (a set-aside record) is exported as a string, so nothing is lost.
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.clone()));
        map.insert(key.clone(), value);
    }
    let file = serde_json::json!({
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at_ms": exported_at_ms,
        "records": map,
    });
    (
        // Compact, as stored: a history that fits in storage always fits under `MAX_IMPORT_BYTES`
        // (pretty printing would add a third and could make a full history unimportable).
        serde_json::to_string(&file).unwrap_or_default(),
        records.len(),
    )
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
    TooManySetAside(usize),
    Empty,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; this browser's storage holds at most {} MB, so it could not be kept. Nothing was changed.",
                crate::number::tenths(*bytes as f64 / 1e6),
                crate::number::tenths(MAX_IMPORT_BYTES as f64 / 1e6)
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
            ImportError::TooManySetAside(n) => write!(
                f,
                "The file holds {n} set-aside records; at most {MAX_SET_ASIDE} are accepted. Nothing was changed."
            ),
            ImportError::Empty => f.write_str("The file holds no progress. Nothing was changed."),
        }
    }
}

/// A validated import: `(key, record text as this app writes it)`, ready to be applied.
pub type Validated = Vec<(String, String)>;

/// Validates an import file completely; nothing is written here.
pub fn validate(text: &str, now_ms: f64) -> Result<Validated, ImportError> {
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
    let set_aside = records.keys().filter(|k| k.starts_with(QUARANTINE)).count();
    if set_aside > MAX_SET_ASIDE {
        return Err(ImportError::TooManySetAside(set_aside));
    }
    let mut out = Vec::new();
    for (key, value) in records {
        if key.starts_with(QUARANTINE) {
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
        let kind = KINDS
            .iter()
            .find(|k| k.key == key)
            .ok_or_else(|| ImportError::UnknownKey(key.clone()))?;
        let raw =
            (kind.check)(&compact(value), now_ms).map_err(|reason| ImportError::BadRecord {
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

/// Merge the file into this browser's progress, or replace this browser's records by the file's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Apply {
    Merge,
    Replace,
}

/// What an applied import left in storage, for the running app to take over.
#[derive(Debug)]
pub struct Applied {
    pub progress: Progress,
    pub settings: Option<Settings>,
    pub active: Option<ActiveRecord>,
    /// Records that could not be written (the first, largest write succeeded).
    pub not_saved: Vec<String>,
}

/// Why an import was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// The progress record did not fit (or could not be written): nothing was changed.
    NotSaved(WriteError),
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApplyError::NotSaved(WriteError::QuotaExceeded) => f.write_str(
                "The imported progress does not fit in this browser's storage. Nothing was changed: export and delete old attempts, or import into a browser with more room.",
            ),
            ApplyError::NotSaved(WriteError::Unavailable(why)) => {
                write!(f, "The import could not be saved ({why}). Nothing was changed.")
            }
        }
    }
}

/// Writes a validated import. The progress record goes first: when it does not fit, the import is
/// refused and nothing has changed. Existing data is never pruned to make room.
pub fn apply(
    v: &Vault,
    records: &Validated,
    how: Apply,
    now_ms: f64,
) -> Result<Applied, ApplyError> {
    let file = |key: &str| {
        records
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, r)| r.as_str())
    };
    let mine = super::progress::load(v, now_ms);
    let theirs = file(PROGRESS_KEY)
        .and_then(|raw| decoded::<Progress>(raw, PROGRESS_MIGRATIONS).ok())
        .unwrap_or_default();
    let progress = match how {
        Apply::Replace => theirs,
        Apply::Merge => {
            let mut merged = mine;
            merged.merge(theirs);
            merged
        }
    };
    let text = encode(&progress, PROGRESS_MIGRATIONS)
        .map_err(|e| ApplyError::NotSaved(WriteError::Unavailable(e)))?;
    v.save_raw(PROGRESS_KEY, &text)
        .map_err(ApplyError::NotSaved)?;

    let mut not_saved = Vec::new();
    let mut write = |key: &str, raw: &str| {
        if v.save_raw(key, raw).is_err() {
            not_saved.push(key.to_string());
        }
    };
    let settings = match (how, file(SETTINGS_KEY)) {
        (Apply::Replace, Some(raw)) => {
            write(SETTINGS_KEY, raw);
            decoded::<Settings>(raw, SETTINGS_MIGRATIONS).ok()
        }
        _ => None,
    };
    let active = match file(ACTIVE_KEY) {
        Some(raw) if how == Apply::Replace || v.raw(ACTIVE_KEY).is_none() => {
            write(ACTIVE_KEY, raw);
            decoded::<ActiveRecord>(raw, ACTIVE_MIGRATIONS).ok()
        }
        _ => None,
    };
    let room = MAX_SET_ASIDE.saturating_sub(v.quarantined().len());
    for (key, raw) in records
        .iter()
        .filter(|(k, _)| k.starts_with(QUARANTINE))
        .filter(|(k, _)| v.raw(k).is_none())
        .take(room)
    {
        write(key, raw);
    }
    Ok(Applied {
        progress,
        settings,
        active,
        not_saved,
    })
}

#[cfg(test)]
mod tests;
