//! A map keyed by question id, kept as a sorted list. It stores the same JSON object a `BTreeMap`
//! would (keys in order, later duplicates winning), so saved progress reads either way; but each
//! `BTreeMap` type compiles its own copy of the tree code into the app, and these maps are small
//! (at most one entry per question in the bank).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::bank::QuestionId;

#[derive(Clone, PartialEq, Eq)]
pub struct IdMap<V> {
    /// Sorted by id, each id once.
    entries: Vec<(QuestionId, V)>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            entries: Vec::new(),
        }
    }
}

impl<V: fmt::Debug> fmt::Debug for IdMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V> IdMap<V> {
    fn find(&self, id: QuestionId) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.cmp(&id))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: QuestionId) -> Option<&V> {
        self.find(id).ok().map(|at| &self.entries[at].1)
    }

    pub fn get_mut(&mut self, id: QuestionId) -> Option<&mut V> {
        self.find(id).ok().map(|at| &mut self.entries[at].1)
    }

    /// Sets the value for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: QuestionId, value: V) -> Option<V> {
        match self.find(id) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (id, value));
                None
            }
        }
    }

    pub fn remove(&mut self, id: QuestionId) -> Option<V> {
        self.find(id).ok().map(|at| self.entries.remove(at).1)
    }

    /// Keeps only the entries whose id passes `keep` (for example, ids still in the bank).
    pub fn retain_ids(&mut self, keep: impl Fn(QuestionId) -> bool) {
        self.entries.retain(|(id, _)| keep(*id));
    }

    /// The value for `id`, inserting `make()` first if there is none.
    pub fn get_or_insert_with(&mut self, id: QuestionId, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(id) {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(at, (id, make()));
                at
            }
        };
        &mut self.entries[at].1
    }

    /// Entries in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &QuestionId> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<V> std::ops::Index<&QuestionId> for IdMap<V> {
    type Output = V;

    /// Panics when `id` is absent, as `BTreeMap` does.
    fn index(&self, id: &QuestionId) -> &V {
        self.get(*id).expect("no entry for that question id")
    }
}

impl<V> IntoIterator for IdMap<V> {
    type Item = (QuestionId, V);
    type IntoIter = std::vec::IntoIter<(QuestionId, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V> FromIterator<(QuestionId, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (QuestionId, V)>>(pairs: I) -> Self {
        let mut map = IdMap::default();
        for (id, value) in pairs {
            map.insert(id, value);
        }
        map
    }
}

impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = IdMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map keyed by question id")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<IdMap<V>, A::Error> {
                let mut map = IdMap::default();
                while let Some((id, value)) = access.next_entry()? {
                    map.insert(id, value);
                }
                Ok(map)
            }
        }

        d.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn id(s: &str) -> QuestionId {
        s.parse().unwrap()
    }

    #[test]
    fn behaves_like_a_btree_map() {
        let mut map = IdMap::default();
        let mut tree = BTreeMap::new();
        let ids = [
            "3.1-004", "1.1-002", "4.3-010", "1.1-002", "2.3-017", "3.1-004",
        ];
        for (n, s) in ids.into_iter().enumerate() {
            assert_eq!(map.insert(id(s), n), tree.insert(id(s), n), "{s}");
        }
        assert_eq!(map.remove(id("4.3-010")), tree.remove(&id("4.3-010")));
        assert_eq!(map.remove(id("4.3-010")), None);
        *map.get_or_insert_with(id("2.1-001"), || 40) += 2;
        *tree.entry(id("2.1-001")).or_insert(40) += 2;
        *map.get_or_insert_with(id("1.1-002"), || 0) += 100;
        *tree.entry(id("1.1-002")).or_insert(0) += 100;
        let pairs: Vec<_> = map.iter().map(|(k, v)| (*k, *v)).collect();
        let want: Vec<_> = tree.iter().map(|(k, v)| (*k, *v)).collect();
        assert_eq!(pairs, want);
        assert_eq!(map.len(), tree.len());
        assert_eq!(map.get(id("4.1-999")), None);
        assert_eq!(map.get(id("2.3-017")), tree.get(&id("2.3-017")));
    }

    #[test]
    fn stores_the_same_json_as_a_btree_map_and_reads_it_back() {
        let pairs = [("3.8-002", 1u32), ("1.2-010", 2), ("2.4-001", 3)];
        let map: IdMap<u32> = pairs.iter().map(|&(s, n)| (id(s), n)).collect();
        let tree: BTreeMap<QuestionId, u32> = pairs.iter().map(|&(s, n)| (id(s), n)).collect();
        let text = serde_json::to_string(&map).unwrap();
        assert_eq!(text, serde_json::to_string(&tree).unwrap());
        assert_eq!(serde_json::from_str::<IdMap<u32>>(&text).unwrap(), map);
        let value = serde_json::to_value(&tree).unwrap();
        assert_eq!(serde_json::from_value::<IdMap<u32>>(value).unwrap(), map);
        // Later duplicates win, as they do for a BTreeMap; a bad key is an error.
        let dup = r#"{"1.1-001":1,"1.1-001":2}"#;
        assert_eq!(
            serde_json::from_str::<IdMap<u32>>(dup)
                .unwrap()
                .get(id("1.1-001")),
            Some(&2)
        );
        assert!(serde_json::from_str::<IdMap<u32>>(r#"{"nonsense":1}"#).is_err());
    }
}
