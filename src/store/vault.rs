//! Reads and writes versioned records under the app's keys, and keeps faults from losing anything:
//! an unreadable record is set aside under a quarantine key (offered for export, never deleted), a
//! record from a newer app is left untouched and the key becomes read-only, and a full quota is
//! reported so the caller can prune and retry.

use std::cell::RefCell;

/// Set-aside records kept, in storage and in a file: enough to report and export every fault a
/// learner is likely to meet, bounded so that junk cannot pile up.
pub const MAX_SET_ASIDE: usize = 20;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::backend::{Backend, Memory, WriteError};
use super::envelope::{decode, encode, Loaded, Migration};

pub const PREFIX: &str = "clf-prep/";
pub const QUARANTINE: &str = "clf-prep/quarantine/";

/// Something the learner should be told about their saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Storage is off: the app works, but nothing outlives this tab.
    NotPersistent,
    /// A record could not be read; its text is kept under `kept_as`.
    SetAside { key: String, reason: String },
    /// Storage is full: what is there is used, but new changes may not be kept.
    StorageFull,
    /// A record was written by a newer version of the app; it is kept and not overwritten.
    NewerVersion { key: String, schema: u32 },
    /// The quota was full; old attempts' details were pruned to make room.
    Pruned { attempts: usize },
    /// A write failed and the change lives only in this tab.
    NotSaved { key: String, reason: String },
}

impl Notice {
    pub fn message(&self) -> String {
        match self {
            Notice::NotPersistent => {
                "This browser is not letting the app store data, so your progress will not be kept after this tab closes.".into()
            }
            Notice::SetAside { reason, .. } => format!(
                "Some saved progress could not be read ({reason}). It has been set aside, not deleted: you can export it from Settings."
            ),
            Notice::StorageFull => {
                "This browser's storage for the app is full: your saved progress is shown, but new changes may not be kept. Export your progress, then delete old attempts or backups.".into()
            }
            Notice::NewerVersion { schema, .. } => format!(
                "Your progress was saved by a newer version of this app (format {schema}). It is kept as it is; reload to get the newer version."
            ),
            Notice::Pruned { attempts } => format!(
                "Browser storage was full, so the question-by-question detail of your {attempts} oldest attempt(s) was removed. Their scores are kept."
            ),
            Notice::NotSaved { reason, .. } => {
                format!("Your latest change could not be saved ({reason}). It is kept in this tab for now.")
            }
        }
    }
}

pub struct Vault {
    backend: Box<dyn Backend>,
    /// Keys written by a newer app: never overwritten. A handful at most, so a list will do.
    read_only: RefCell<Vec<String>>,
    notices: RefCell<Vec<Notice>>,
}

impl Vault {
    pub fn new(backend: Box<dyn Backend>) -> Vault {
        let notices = if backend.is_persistent() {
            vec![]
        } else {
            vec![Notice::NotPersistent]
        };
        Vault {
            backend,
            read_only: RefCell::default(),
            notices: RefCell::new(notices),
        }
    }

    /// localStorage when the browser allows it, memory otherwise.
    pub fn open() -> Vault {
        #[cfg(target_arch = "wasm32")]
        if let Some((local, writable)) = super::backend::Local::open() {
            let vault = Vault::new(Box::new(local));
            if !writable {
                vault.notice(Notice::StorageFull);
            }
            return vault;
        }
        Vault::new(Box::new(Memory::default()))
    }

    pub fn is_persistent(&self) -> bool {
        self.backend.is_persistent()
    }

    /// Notices gathered so far, leaving none behind.
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(&mut self.notices.borrow_mut())
    }

    fn mark_read_only(&self, key: &str) {
        if !self.is_read_only(key) {
            self.read_only.borrow_mut().push(key.to_string());
        }
    }

    fn is_read_only(&self, key: &str) -> bool {
        self.read_only.borrow().iter().any(|k| k == key)
    }

    fn notice(&self, n: Notice) {
        self.notices.borrow_mut().push(n);
    }

    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.get(key)
    }

    /// Reads `key`, migrating old schemas (and saving the upgrade back); faults become notices and
    /// `None`, with nothing lost.
    pub fn load<T: Serialize + DeserializeOwned>(
        &self,
        key: &str,
        migrations: &[Migration],
        now_ms: f64,
    ) -> Option<T> {
        let raw = self.backend.get(key);
        match decode::<T>(raw.as_deref(), migrations) {
            Loaded::Missing => None,
            Loaded::Current(data) => Some(data),
            Loaded::Migrated { data, .. } => {
                self.keep_before_upgrade(key, raw.as_deref());
                let _ = self.save(key, &data, migrations);
                Some(data)
            }
            Loaded::TooNew { schema } => {
                self.refuse_newer(key, schema);
                None
            }
            Loaded::Corrupt { reason } => {
                self.set_aside(key, raw, reason, now_ms);
                None
            }
        }
    }

    // What `load` does besides converting `T` lives in these plain methods, compiled once rather
    // than once per record type.

    /// Keeps the old text as a backup before an upgrade overwrites it.
    fn keep_before_upgrade(&self, key: &str, raw: Option<&str>) {
        if let Some(raw) = raw {
            let _ = self.backend.set(&format!("{key}.before-upgrade"), raw);
        }
    }

    fn refuse_newer(&self, key: &str, schema: u32) {
        self.mark_read_only(key);
        self.notice(Notice::NewerVersion {
            key: key.to_string(),
            schema,
        });
    }

    /// Moves an unreadable record aside under a quarantine key, never deleting it.
    fn set_aside(&self, key: &str, raw: Option<String>, reason: String, now_ms: f64) {
        let what = key.strip_prefix(PREFIX).unwrap_or(key);
        let kept = raw.is_none_or(|raw| self.keep_aside(what, &raw, now_ms).is_some());
        if kept {
            self.backend.remove(key);
        }
        self.notice(Notice::SetAside {
            key: key.to_string(),
            reason,
        });
    }

    /// Stores text under a new quarantine key, unless `MAX_SET_ASIDE` are kept already or the write
    /// fails; the key it was kept under.
    fn keep_aside(&self, what: &str, raw: &str, now_ms: f64) -> Option<String> {
        if self.quarantined().len() >= MAX_SET_ASIDE {
            return None;
        }
        let mut kept_as = format!("{QUARANTINE}{what}/{}", now_ms as u64);
        while self.backend.get(&kept_as).is_some() {
            kept_as.push('+');
        }
        self.backend.set(&kept_as, raw).ok().map(|_| kept_as)
    }

    /// Sets aside the whole record under `key` (it exists but cannot be used).
    pub fn set_aside_record(&self, key: &str, reason: String, now_ms: f64) {
        self.set_aside(key, self.backend.get(key), reason, now_ms);
    }

    /// Sets aside one part of a record (an attempt that failed its checks), with a notice.
    pub fn set_aside_text(&self, what: &str, raw: &str, reason: &str, now_ms: f64) {
        let reason = match self.keep_aside(what, raw, now_ms) {
            Some(_) => reason.to_string(),
            None => format!("{reason}; there was no room to keep a copy"),
        };
        self.notice(Notice::SetAside {
            key: what.to_string(),
            reason,
        });
    }

    /// Writes `data` under `key`. A key holding a newer app's record is never overwritten.
    pub fn save<T: Serialize>(
        &self,
        key: &str,
        data: &T,
        migrations: &[Migration],
    ) -> Result<(), WriteError> {
        let text = encode(data, migrations).map_err(WriteError::Unavailable)?;
        self.save_raw(key, &text)
    }

    /// Writes text that is already a validated envelope (imports, backups).
    pub fn save_raw(&self, key: &str, text: &str) -> Result<(), WriteError> {
        if self.is_read_only(key) {
            return Err(WriteError::Unavailable(
                "the saved data belongs to a newer version of the app".into(),
            ));
        }
        self.backend.set(key, text)
    }

    /// Records a failed write for the learner.
    pub fn report_unsaved(&self, key: &str, error: &WriteError) {
        let reason = match error {
            WriteError::QuotaExceeded => "browser storage is full".to_string(),
            WriteError::Unavailable(why) => why.clone(),
        };
        self.notice(Notice::NotSaved {
            key: key.to_string(),
            reason,
        });
    }

    pub fn report_pruned(&self, attempts: usize) {
        self.notice(Notice::Pruned { attempts });
    }

    pub fn remove(&self, key: &str) {
        if !self.is_read_only(key) {
            self.backend.remove(key);
        }
    }

    /// Quarantined records as (key, raw text), for export.
    pub fn quarantined(&self) -> Vec<(String, String)> {
        self.backend
            .keys(QUARANTINE)
            .into_iter()
            .filter_map(|k| self.backend.get(&k).map(|v| (k, v)))
            .collect()
    }

    /// Every key of the app, for "reset everything".
    pub fn keys(&self) -> Vec<String> {
        self.backend.keys(PREFIX)
    }

    /// "Reset everything": every key of the app except `keep` (the newest backup, so that a reset
    /// by mistake can still be undone).
    pub fn clear_everything_except(&self, keep: Option<&str>) {
        for key in self.keys() {
            if Some(key.as_str()) != keep {
                self.backend.remove(&key);
            }
        }
        self.read_only.borrow_mut().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Rec {
        n: u32,
    }

    const KEY: &str = "clf-prep/test";

    fn vault_with(raw: &str) -> Vault {
        let memory = Memory::default();
        memory.set(KEY, raw).unwrap();
        Vault::new(Box::new(memory))
    }

    #[test]
    fn corrupt_records_are_set_aside_not_deleted() {
        let v = vault_with("{\"schema\":1,\"data\":{\"n\":");
        assert_eq!(v.load::<Rec>(KEY, &[], 42.0), None);
        assert_eq!(
            v.quarantined(),
            vec![(
                "clf-prep/quarantine/test/42".to_string(),
                "{\"schema\":1,\"data\":{\"n\":".to_string()
            )]
        );
        assert_eq!(v.raw(KEY), None);
        let notices = v.take_notices();
        assert!(
            matches!(
                &notices[..],
                [Notice::NotPersistent, Notice::SetAside { .. }]
            ),
            "{notices:?}"
        );
        assert!(notices[1].message().contains("set aside, not deleted"));
    }

    #[test]
    fn newer_records_are_refused_and_never_overwritten() {
        let newer = "{\"schema\":7,\"data\":{\"n\":1,\"future\":true}}";
        let v = vault_with(newer);
        assert_eq!(v.load::<Rec>(KEY, &[], 0.0), None);
        assert!(v.save(KEY, &Rec { n: 2 }, &[]).is_err());
        v.remove(KEY);
        assert_eq!(v.raw(KEY).as_deref(), Some(newer));
        assert!(v
            .take_notices()
            .iter()
            .any(|n| matches!(n, Notice::NewerVersion { schema: 7, .. })));
    }

    #[test]
    fn old_records_are_upgraded_with_a_backup_of_the_original() {
        fn add_n(mut v: serde_json::Value) -> Result<serde_json::Value, String> {
            v["n"] = serde_json::json!(5);
            Ok(v)
        }
        let old = "{\"schema\":1,\"data\":{}}";
        let v = vault_with(old);
        assert_eq!(v.load::<Rec>(KEY, &[add_n], 0.0), Some(Rec { n: 5 }));
        assert_eq!(
            v.raw(&format!("{KEY}.before-upgrade")).as_deref(),
            Some(old)
        );
        assert!(v.raw(KEY).unwrap().contains("\"schema\":2"));
    }

    #[test]
    fn a_full_quota_is_reported_not_panicked() {
        let v = Vault::new(Box::new(Memory::with_quota(30)));
        let big = Rec { n: 1 };
        assert_eq!(
            v.save("clf-prep/a-very-long-key-name", &big, &[]),
            Err(WriteError::QuotaExceeded)
        );
        v.report_unsaved("clf-prep/a", &WriteError::QuotaExceeded);
        assert!(v
            .take_notices()
            .iter()
            .any(|n| n.message().contains("storage is full")));
    }

    #[test]
    fn reset_clears_only_the_apps_keys() {
        let memory = Memory::default();
        memory.set("clf-prep/x", "1").unwrap();
        memory.set("someone-else", "2").unwrap();
        let v = Vault::new(Box::new(memory));
        v.clear_everything_except(None);
        assert!(v.keys().is_empty());
        assert_eq!(v.raw("someone-else").as_deref(), Some("2"));
    }
}
