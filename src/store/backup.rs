//! Rolling automatic backups of the progress record: one a day at most, the newest few kept. A backup
//! dated in the future (a clock that jumped back) counts as stale rather than blocking new ones, and
//! every failed backup or restore is reported, never silent.

use super::backend::WriteError;
use super::envelope::decode;
use super::progress::{check_progress, Evidence, Progress, PROGRESS_KEY, PROGRESS_MIGRATIONS};
use super::vault::Vault;

pub const BACKUP_PREFIX: &str = "clf-prep/backup/";
/// Automatic backups kept, newest first; one is taken at most once a day.
pub const BACKUPS_KEPT: usize = 3;
const DAY_MS: f64 = 86_400_000.0;

/// What a backup attempt did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    /// Nothing to back up yet, or the newest backup is less than a day old.
    NotDue,
    Saved,
    Failed(WriteError),
}

/// Takes a backup of the progress record when the newest one is more than a day old (or dated after
/// `now_ms`), keeping the newest `BACKUPS_KEPT`.
pub fn take(v: &Vault, now_ms: f64) -> Taken {
    let Some(current) = v.raw(PROGRESS_KEY) else {
        return Taken::NotDue;
    };
    let mut backups = keys(v);
    let newest = backups.last().and_then(|k| time_ms(k));
    if newest.is_some_and(|t| t <= now_ms && now_ms - t < DAY_MS) {
        return Taken::NotDue;
    }
    // A backup from the future sorts last but is stale: it goes first, so it cannot block the rest.
    backups.retain(|k| {
        let future = time_ms(k).is_some_and(|t| t > now_ms);
        if future {
            v.remove(k);
        }
        !future
    });
    // Zero-padded, the format backups have always had (they are ordered by the number, not the text).
    let key = format!("{BACKUP_PREFIX}{:015}", now_ms.max(0.0) as u64);
    match v.save_raw(&key, &current) {
        Ok(()) => {
            backups.push(key);
            while backups.len() > BACKUPS_KEPT {
                v.remove(&backups.remove(0));
            }
            Taken::Saved
        }
        Err(e) => Taken::Failed(e),
    }
}

/// The backups' keys, oldest first (through the app's one shared sort, rather than a string sort
/// of its own).
pub fn keys(v: &Vault) -> Vec<String> {
    let mut keys: Vec<String> = v
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    engine::order::sort_by_key_f64(&mut keys, |k| time_ms(k).unwrap_or(0.0));
    keys
}

/// Removes the oldest backup to make room when storage is full; false when there is none left but
/// the newest (which is never dropped for room).
pub fn drop_oldest(v: &Vault) -> bool {
    let backups = keys(v);
    match backups.split_last() {
        Some((_, older)) if !older.is_empty() => {
            v.remove(&older[0]);
            true
        }
        _ => false,
    }
}

/// Replaces the history by a backup, checked like any stored history; nothing changes on failure.
pub fn restore(v: &Vault, key: &str, now_ms: f64) -> Result<Progress, String> {
    let data = decode::<serde_json::Value>(v.raw(key).as_deref(), PROGRESS_MIGRATIONS)
        .data()
        .ok_or("it cannot be read")?;
    let checked = check_progress(data, now_ms, Evidence::RangeChecked)?;
    v.save(PROGRESS_KEY, &checked.progress, PROGRESS_MIGRATIONS)
        .map_err(|e| match e {
            WriteError::QuotaExceeded => "browser storage is full".to_string(),
            WriteError::Unavailable(why) => why,
        })?;
    Ok(checked.progress)
}

/// When a backup was taken, read from its key (whole milliseconds: parsing them as an integer keeps
/// Rust's float parser out of the build).
pub fn time_ms(key: &str) -> Option<f64> {
    key.strip_prefix(BACKUP_PREFIX)?
        .parse::<u64>()
        .ok()
        .map(|ms| ms as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::Memory;

    fn vault() -> Vault {
        Vault::new(Box::new(Memory::default()))
    }

    #[test]
    fn a_backup_a_day_is_taken_and_the_newest_few_are_kept() {
        let v = vault();
        assert_eq!(
            take(&v, 1.0),
            Taken::NotDue,
            "no progress yet, nothing to back up"
        );
        v.save_raw(PROGRESS_KEY, "{\"schema\":1}").unwrap();
        let start = 1_700_000_000_123.0;
        for day in 0..5 {
            let t = start + f64::from(day) * DAY_MS;
            assert_eq!(take(&v, t), Taken::Saved);
            assert_eq!(take(&v, t + 1000.0), Taken::NotDue, "the same day");
        }
        let kept: Vec<f64> = keys(&v).iter().filter_map(|k| time_ms(k)).collect();
        let newest: Vec<f64> = (2..5).map(|d| start + f64::from(d) * DAY_MS).collect();
        assert_eq!(kept, newest);
        assert_eq!(time_ms("clf-prep/backup/12x"), None);
        assert_eq!(time_ms("clf-prep/progress"), None);
    }

    #[test]
    fn a_backup_dated_in_the_future_does_not_stop_new_ones() {
        let v = vault();
        v.save_raw(PROGRESS_KEY, "{\"schema\":1}").unwrap();
        let now = 1_700_000_000_000.0;
        assert_eq!(
            take(&v, now + 365.0 * DAY_MS),
            Taken::Saved,
            "a clock a year ahead"
        );
        assert_eq!(take(&v, now), Taken::Saved, "the clock back to normal");
        let kept: Vec<f64> = keys(&v).iter().filter_map(|k| time_ms(k)).collect();
        assert_eq!(kept, vec![now], "the future-dated backup went");
    }

    #[test]
    fn a_failed_backup_is_reported() {
        let v = Vault::new(Box::new(Memory::with_quota(60)));
        v.save_raw(PROGRESS_KEY, "{\"schema\":1,\"data\":{}}")
            .unwrap();
        assert_eq!(take(&v, 5.0), Taken::Failed(WriteError::QuotaExceeded));
    }

    #[test]
    fn a_backup_restores_and_a_broken_one_changes_nothing() {
        let v = vault();
        let empty =
            crate::store::envelope::encode(&Progress::default(), PROGRESS_MIGRATIONS).unwrap();
        v.save_raw(PROGRESS_KEY, &empty).unwrap();
        assert_eq!(take(&v, 1e12), Taken::Saved);
        let key = keys(&v)[0].clone();
        assert_eq!(restore(&v, &key, 1e12), Ok(Progress::default()));
        v.save_raw(&key, "{broken").unwrap();
        v.save_raw(PROGRESS_KEY, "kept").unwrap();
        assert!(restore(&v, &key, 1e12).is_err());
        assert_eq!(v.raw(PROGRESS_KEY).as_deref(), Some("kept"));
    }

    #[test]
    fn room_is_made_from_old_backups_but_never_the_newest() {
        let v = vault();
        v.save_raw(PROGRESS_KEY, "{}").unwrap();
        for day in 0..3 {
            take(&v, 1e12 + f64::from(day) * DAY_MS);
        }
        assert!(drop_oldest(&v));
        assert!(drop_oldest(&v));
        assert!(!drop_oldest(&v));
        assert_eq!(keys(&v).len(), 1);
    }
}
