//! The attempt in progress, saved on every change under its own small key so that a reload, a crash
//! or a closed tab resumes exactly there. An attempt belongs to the tab that runs it: the owner
//! writes a heartbeat, and another tab sees the attempt read-only until the owner has been silent
//! long enough to be presumed closed, when it may take over.

use engine::attempt::Attempt;
use serde::{Deserialize, Serialize};

use super::envelope::Migration;

pub const ACTIVE_KEY: &str = "clf-prep/active";
pub const ACTIVE_MIGRATIONS: &[Migration] = &[];
/// How often the owning tab refreshes its heartbeat.
pub const HEARTBEAT_MS: f64 = 2_000.0;
/// After this much silence the owner is presumed gone (closed or crashed).
pub const OWNER_TIMEOUT_MS: f64 = 6_000.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActiveRecord {
    /// The tab running the attempt.
    pub owner: String,
    pub heartbeat_ms: f64,
    pub attempt: Attempt,
}

/// What this tab may do with the stored attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ownership {
    /// This tab runs it.
    Mine,
    /// Another tab is running it now: show it read-only.
    OtherTab,
    /// Its tab is gone: this tab may resume it.
    Orphaned,
}

impl ActiveRecord {
    pub fn ownership(&self, tab: &str, now_ms: f64) -> Ownership {
        if self.owner == tab {
            Ownership::Mine
        } else if now_ms - self.heartbeat_ms > OWNER_TIMEOUT_MS {
            Ownership::Orphaned
        } else {
            Ownership::OtherTab
        }
    }
}

/// Reads the attempt in progress; one that fails its checks (impossible contents, a finished
/// attempt left behind) is set aside with a notice instead of reaching a page.
pub fn load(v: &super::vault::Vault, now_ms: f64) -> Option<ActiveRecord> {
    let record = v.load::<ActiveRecord>(ACTIVE_KEY, ACTIVE_MIGRATIONS, now_ms)?;
    let fault = match record.attempt.check(now_ms) {
        Err(f) => Some(f.to_string()),
        Ok(()) if !record.heartbeat_ms.is_finite() => Some("its heartbeat is not a time".into()),
        Ok(()) => None,
    };
    match fault {
        Some(reason) => {
            v.set_aside_record(ACTIVE_KEY, reason, now_ms);
            None
        }
        None => Some(record),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::attempt::Mode;

    fn record(owner: &str, heartbeat_ms: f64) -> ActiveRecord {
        ActiveRecord {
            owner: owner.into(),
            heartbeat_ms,
            attempt: Attempt::new(
                engine::attempt::AttemptId::parse("a").unwrap(),
                Mode::Mock,
                vec![],
                0.0,
                Some(90),
            ),
        }
    }

    #[test]
    fn an_impossible_attempt_in_progress_is_set_aside_not_loaded() {
        use crate::store::backend::Memory;
        use crate::store::vault::Vault;
        let v = Vault::new(Box::new(Memory::default()));
        let mut attempt = crate::flow::new_diagnostic(1e12);
        let good = ActiveRecord {
            owner: "t".into(),
            heartbeat_ms: 1e12,
            attempt: attempt.clone(),
        };
        v.save(ACTIVE_KEY, &good, ACTIVE_MIGRATIONS).unwrap();
        assert_eq!(load(&v, 1e12), Some(good));
        attempt.current = 40;
        let bad = ActiveRecord {
            owner: "t".into(),
            heartbeat_ms: 1e12,
            attempt,
        };
        v.save(ACTIVE_KEY, &bad, ACTIVE_MIGRATIONS).unwrap();
        assert_eq!(load(&v, 1e12), None);
        assert_eq!(v.raw(ACTIVE_KEY), None);
        assert_eq!(v.quarantined().len(), 1, "kept aside, not deleted");
    }

    #[test]
    fn a_live_attempt_belongs_to_its_tab_and_is_read_only_elsewhere() {
        let r = record("tab-1", 10_000.0);
        assert_eq!(r.ownership("tab-1", 10_500.0), Ownership::Mine);
        assert_eq!(r.ownership("tab-2", 10_500.0), Ownership::OtherTab);
    }

    #[test]
    fn a_silent_owner_leaves_the_attempt_to_resume() {
        let r = record("tab-1", 10_000.0);
        assert_eq!(
            r.ownership("tab-2", 10_000.0 + OWNER_TIMEOUT_MS + 1.0),
            Ownership::Orphaned
        );
        // A reload is a new tab id: it resumes once the old page's heartbeat has gone quiet.
        assert_eq!(r.ownership("tab-1", 99_999.0), Ownership::Mine);
    }
}
