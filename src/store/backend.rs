//! Where records physically live: the browser's localStorage, or memory when storage is disabled
//! (private modes, blocked cookies) and in native tests. Every failure is a value, never a panic.

use std::cell::RefCell;

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The origin's storage quota is used up.
    QuotaExceeded,
    /// Storage is switched off or not reachable.
    Unavailable(String),
}

pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&self, key: &str);
    /// Keys that start with `prefix`.
    fn keys(&self, prefix: &str) -> Vec<String>;
    /// False when writes go nowhere lasting (the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

/// In-memory storage with an optional byte quota, so tests can fill it up.
#[derive(Default)]
pub struct Memory {
    /// (key, value) pairs: a handful of records, so a list will do.
    items: RefCell<Vec<(String, String)>>,
    quota: Option<usize>,
}

impl Memory {
    pub fn with_quota(bytes: usize) -> Memory {
        Memory {
            items: RefCell::default(),
            quota: Some(bytes),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Backend for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.items
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + key.len() + value.len() > quota {
                return Err(WriteError::QuotaExceeded);
            }
        }
        let mut items = self.items.borrow_mut();
        match items.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.to_string(),
            None => items.push((key.to_string(), value.to_string())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().retain(|(k, _)| k != key);
    }

    fn keys(&self, prefix: &str) -> Vec<String> {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.clone())
            .collect()
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

/// The browser's localStorage through gloo-storage's handle.
#[cfg(target_arch = "wasm32")]
pub struct Local(web_sys::Storage);

#[cfg(target_arch = "wasm32")]
impl Local {
    /// The storage and whether it takes writes; `None` when the browser refuses storage, and the
    /// caller falls back to `Memory`. A full quota is not "off": what is stored is still read.
    pub fn open() -> Option<(Local, bool)> {
        use gloo_storage::{LocalStorage, Storage};
        // Accessing localStorage throws when it is disabled; some browsers expose it but refuse
        // every write, so a write is tried too, and only a quota error keeps the storage in use.
        let storage = std::panic::catch_unwind(LocalStorage::raw).ok()?;
        const PROBE: &str = "clf-prep/probe";
        storage.get_item(PROBE).ok()?;
        let local = Local(storage);
        match local.set(PROBE, "1") {
            Ok(()) => {
                local.remove(PROBE);
                Some((local, true))
            }
            Err(WriteError::QuotaExceeded) => Some((local, false)),
            Err(WriteError::Unavailable(_)) => None,
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Backend for Local {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.set_item(key, value).map_err(|e| {
            let name = js_name(&e);
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                WriteError::QuotaExceeded
            } else {
                WriteError::Unavailable(name)
            }
        })
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self, prefix: &str) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

#[cfg(target_arch = "wasm32")]
fn js_name(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_quota_refuses_writes_that_do_not_fit() {
        let m = Memory::with_quota(20);
        assert_eq!(m.set("a", "123456789"), Ok(()));
        assert_eq!(m.set("b", "123456789012"), Err(WriteError::QuotaExceeded));
        // Replacing a value counts only the new size.
        assert_eq!(m.set("a", "1234567890123456789"), Ok(()));
        assert_eq!(m.get("b"), None);
    }

    #[test]
    fn keys_filter_by_prefix() {
        let m = Memory::default();
        m.set("clf/a", "1").unwrap();
        m.set("clf/b", "2").unwrap();
        m.set("other", "3").unwrap();
        assert_eq!(m.keys("clf/"), vec!["clf/a", "clf/b"]);
    }
}
