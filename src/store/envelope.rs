//! Versioned records: every stored value is wrapped as `{"schema": N, "data": …}`, read back through
//! the migrations from any earlier schema, refused (and left untouched) when written by a newer app,
//! and reported as corrupt, with its raw text kept, when it cannot be read at all.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// One step `schema N -> N + 1` on the raw JSON of `data`; `Err` says what could not be carried over.
pub type Migration = fn(Value) -> Result<Value, String>;

/// What reading a stored record found.
#[derive(Debug, PartialEq)]
pub enum Loaded<T> {
    Missing,
    Current(T),
    /// Read from an older schema and upgraded; the caller should save it back.
    Migrated {
        data: T,
        from: u32,
    },
    /// Written by a newer version of the app: not understood, so never overwritten.
    TooNew {
        schema: u32,
    },
    /// Unreadable: truncated, not JSON, or the wrong shape. The caller sets the raw text aside.
    Corrupt {
        reason: String,
    },
}

impl<T> Loaded<T> {
    /// The data, when it could be read (at this or an older schema).
    pub fn data(self) -> Option<T> {
        match self {
            Loaded::Current(data) | Loaded::Migrated { data, .. } => Some(data),
            _ => None,
        }
    }
}

/// The schema this build writes: one more than the number of migrations.
pub fn current_schema(migrations: &[Migration]) -> u32 {
    migrations.len() as u32 + 1
}

pub fn encode<T: Serialize>(data: &T, migrations: &[Migration]) -> Result<String, String> {
    let data = serde_json::to_value(data).map_err(|e| e.to_string())?;
    wrap(data, migrations)
}

// The generic functions here only convert between `T` and JSON; everything else lives in plain
// functions so it is compiled once, not once per record type.
fn wrap(data: Value, migrations: &[Migration]) -> Result<String, String> {
    serde_json::to_string(
        &serde_json::json!({ "schema": current_schema(migrations), "data": data }),
    )
    .map_err(|e| e.to_string())
}

pub fn decode<T: DeserializeOwned>(raw: Option<&str>, migrations: &[Migration]) -> Loaded<T> {
    let (data, schema) = match upgrade(raw, migrations) {
        Ok(found) => found,
        Err(Unusable::Missing) => return Loaded::Missing,
        Err(Unusable::TooNew(schema)) => return Loaded::TooNew { schema },
        Err(Unusable::Corrupt(reason)) => return Loaded::Corrupt { reason },
    };
    match serde_json::from_value(data) {
        Ok(data) if schema == current_schema(migrations) => Loaded::Current(data),
        Ok(data) => Loaded::Migrated { data, from: schema },
        Err(e) => Loaded::Corrupt {
            reason: format!("unexpected content ({e})"),
        },
    }
}

/// Why a stored record yields no data (see `Loaded`).
enum Unusable {
    Missing,
    TooNew(u32),
    Corrupt(String),
}

/// The record's data brought up to the current schema, with the schema it was stored at.
fn upgrade(raw: Option<&str>, migrations: &[Migration]) -> Result<(Value, u32), Unusable> {
    let Some(raw) = raw else {
        return Err(Unusable::Missing);
    };
    let corrupt = |reason: String| Err(Unusable::Corrupt(reason));
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => return corrupt(format!("not valid JSON ({e})")),
    };
    let Some(schema) = value.get("schema").and_then(Value::as_u64) else {
        return corrupt("no schema version".into());
    };
    let schema = schema as u32;
    if schema > current_schema(migrations) {
        return Err(Unusable::TooNew(schema));
    }
    if schema == 0 {
        return corrupt("schema version 0 does not exist".into());
    }
    let Some(mut data) = value.get("data").cloned() else {
        return corrupt("no data".into());
    };
    for (step, migrate) in migrations.iter().enumerate().skip(schema as usize - 1) {
        data = match migrate(data) {
            Ok(d) => d,
            Err(e) => return corrupt(format!("cannot upgrade from schema {}: {e}", step + 1)),
        };
    }
    Ok((data, schema))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct V3 {
        name: String,
        count: u32,
        tags: Vec<String>,
    }

    // Two made-up historical steps: v1 had `title`, v2 renamed it `name`, v3 added `tags`.
    fn v1_to_v2(mut v: Value) -> Result<Value, String> {
        let title = v.get("title").cloned().ok_or("missing title")?;
        v["name"] = title;
        v.as_object_mut().ok_or("not an object")?.remove("title");
        Ok(v)
    }

    fn v2_to_v3(mut v: Value) -> Result<Value, String> {
        v["tags"] = serde_json::json!([]);
        Ok(v)
    }

    const STEPS: [Migration; 2] = [v1_to_v2, v2_to_v3];

    #[test]
    fn round_trips_at_the_current_schema() {
        let data = V3 {
            name: "a".into(),
            count: 2,
            tags: vec!["x".into()],
        };
        let raw = encode(&data, &STEPS).unwrap();
        assert!(raw.contains("\"schema\":3"));
        assert_eq!(decode::<V3>(Some(&raw), &STEPS), Loaded::Current(data));
    }

    #[test]
    fn every_older_schema_is_migrated() {
        let v1 = r#"{"schema":1,"data":{"title":"old","count":1}}"#;
        let v2 = r#"{"schema":2,"data":{"name":"mid","count":2}}"#;
        let want = |name: &str, count| V3 {
            name: name.into(),
            count,
            tags: vec![],
        };
        assert_eq!(
            decode::<V3>(Some(v1), &STEPS),
            Loaded::Migrated {
                data: want("old", 1),
                from: 1
            }
        );
        assert_eq!(
            decode::<V3>(Some(v2), &STEPS),
            Loaded::Migrated {
                data: want("mid", 2),
                from: 2
            }
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let raw = r#"{"schema":9,"data":{"whatever":true}}"#;
        assert_eq!(
            decode::<V3>(Some(raw), &STEPS),
            Loaded::TooNew { schema: 9 }
        );
    }

    #[test]
    fn missing_key_is_not_an_error() {
        assert_eq!(decode::<V3>(None, &STEPS), Loaded::Missing);
    }

    #[test]
    fn truncated_wrongly_typed_or_unversioned_records_are_corrupt() {
        let cases = [
            r#"{"schema":3,"data":{"name":"a","cou"#,
            r#"{"schema":3,"data":{"name":"a","count":"two","tags":[]}}"#,
            r#"{"data":{"name":"a","count":1,"tags":[]}}"#,
            r#"{"schema":3}"#,
            r#"{"schema":0,"data":{}}"#,
            r#"{"schema":1,"data":{"count":1}}"#,
            "",
        ];
        for raw in cases {
            assert!(
                matches!(decode::<V3>(Some(raw), &STEPS), Loaded::Corrupt { .. }),
                "{raw}"
            );
        }
    }
}
