//! The bank's data besides its questions, in `bank/meta/`: the service catalogue and the reviewed
//! twin pairs. Also the per-question rules that need them or the date: `verified`, `services`,
//! `contrasts` and the exam's scope.

use std::path::Path;

use crate::date::Date;
use crate::services::Catalogue;
use crate::twins::{self, ReviewedPair};
use crate::{Problem, Question};

pub const SERVICES_FILE: &str = "meta/services.toml";
pub const TWINS_FILE: &str = "meta/twins-reviewed.toml";

#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub services: Catalogue,
    pub twins_reviewed: Vec<ReviewedPair>,
}

impl Meta {
    /// Reads `meta/` under the bank folder. A missing file reads as empty: the size benchmark
    /// builds from an empty folder, and without a catalogue any named service is reported unknown.
    pub fn load(bank_dir: &Path) -> Result<Meta, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut read = |file: &str| -> Option<String> {
            match std::fs::read_to_string(bank_dir.join(file)) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    problems.push(Problem {
                        file: file.to_string(),
                        id: None,
                        message: format!("cannot read the file: {e}"),
                    });
                    None
                }
            }
        };
        let services = read(SERVICES_FILE);
        let twins = read(TWINS_FILE);
        let meta = Meta::parse(services.as_deref(), twins.as_deref());
        match meta {
            Ok(meta) if problems.is_empty() => Ok(meta),
            Ok(_) => Err(problems),
            Err(more) => {
                problems.extend(more);
                Err(problems)
            }
        }
    }

    /// The meta files' texts, each absent or present.
    pub fn parse(services: Option<&str>, twins: Option<&str>) -> Result<Meta, Vec<Problem>> {
        let located = |file: &str, messages: Vec<String>| -> Vec<Problem> {
            messages
                .into_iter()
                .map(|message| Problem {
                    file: file.to_string(),
                    id: None,
                    message,
                })
                .collect()
        };
        let services = services.map_or(Ok(Catalogue::default()), Catalogue::parse);
        let twins = twins.map_or(Ok(Vec::new()), twins::parse_reviewed);
        match (services, twins) {
            (Ok(services), Ok(twins_reviewed)) => Ok(Meta {
                services,
                twins_reviewed,
            }),
            (s, t) => {
                let mut problems = s.err().map_or(Vec::new(), |e| located(SERVICES_FILE, e));
                problems.extend(t.err().map_or(Vec::new(), |e| located(TWINS_FILE, e)));
                Err(problems)
            }
        }
    }
}

/// `verified`: a real date, not after `today`. Missing is a problem only when `required`.
pub fn check_verified(q: &Question, today: Date, required: bool) -> Vec<String> {
    match q.verified.as_deref() {
        None if required => vec![
            "has no verified date; add verified = \"YYYY-MM-DD\", the day its facts were last checked"
                .to_string(),
        ],
        None => Vec::new(),
        Some(text) => match Date::parse(text) {
            None => vec![format!(
                "verified \"{text}\" is not a date written YYYY-MM-DD"
            )],
            Some(d) if d > today => vec![format!(
                "verified {d} is after today ({today}); date it the day its facts were checked"
            )],
            Some(_) => Vec::new(),
        },
    }
}

/// `services`, `contrasts` and the scope of what options say. Two rules apply only with
/// `enforce_quality`, because the bank written before them breaks them: `services` is required, and a
/// wrong option may name an out-of-scope, closed or retired service only when `contrasts` lists it.
/// The rest hold whenever there is something to check.
pub fn check_services(q: &Question, catalogue: &Catalogue, enforce_quality: bool) -> Vec<String> {
    let mut out = Vec::new();
    let unknown = |list: &str, name: &str| {
        let hint = catalogue
            .named_in(name)
            .first()
            .filter(|s| s.name != name)
            .map(|s| format!(" (did you mean \"{}\"?)", s.name))
            .unwrap_or_default();
        format!(
            "{list} names \"{name}\", which is not in bank/{}{hint}",
            SERVICES_FILE
        )
    };
    match &q.services {
        None if enforce_quality => out.push(
            "has no services list; name the services it is about from bank/meta/services.toml, \
             or write services = [] for a concept question"
                .to_string(),
        ),
        None => {}
        Some(services) => {
            for (i, name) in services.iter().enumerate() {
                if services[..i].contains(name) {
                    out.push(format!("services lists \"{name}\" twice"));
                }
                match catalogue.get(name).map(|s| s.why_not_examinable()) {
                    None => out.push(unknown("services", name)),
                    Some(Some(why)) => out.push(format!(
                        "services lists \"{name}\", which is {why}; a question may not rest on it"
                    )),
                    Some(None) => {}
                }
            }
            if services.is_empty() {
                // "No service" is for concept questions; one whose stem or key names an exam
                // service is about that service.
                let texts = std::iter::once(&q.stem)
                    .chain(q.options.iter().filter(|o| o.correct).map(|o| &o.text));
                let named: Vec<&str> = texts
                    .flat_map(|t| catalogue.named_in(&crate::cues::plain(t)))
                    .filter(|s| s.examinable())
                    .map(|s| s.name.as_str())
                    .collect();
                if let Some(first) = named.first() {
                    out.push(format!(
                        "services is empty but the question names \"{first}\"; list the services it is about"
                    ));
                }
            }
        }
    }
    for (i, name) in q.contrasts.iter().enumerate() {
        if q.contrasts[..i].contains(name) {
            out.push(format!("contrasts lists \"{name}\" twice"));
        }
        match catalogue.get(name) {
            None => out.push(unknown("contrasts", name)),
            Some(s) if s.examinable() => out.push(format!(
                "contrasts lists \"{name}\", which is in scope and active; contrasts are for \
                 out-of-scope, closed or retired services only"
            )),
            Some(_) => {}
        }
    }
    let mut contrasted = vec![false; q.contrasts.len()];
    for (i, o) in q.options.iter().enumerate() {
        for s in catalogue.named_in(&crate::cues::plain(&o.text)) {
            let Some(why) = s.why_not_examinable() else {
                continue;
            };
            let declared = q.contrasts.iter().position(|c| *c == s.name);
            if let Some(d) = declared {
                contrasted[d] = true;
            }
            if o.correct {
                out.push(format!(
                    "option {} is correct but names {}, which is {why}; a key may never rest on it",
                    i + 1,
                    s.name
                ));
            } else if declared.is_none() && enforce_quality {
                out.push(format!(
                    "option {} names {}, which is {why}; reword it, or list it in contrasts if the \
                     question deliberately tells it apart",
                    i + 1,
                    s.name
                ));
            }
        }
    }
    for (name, used) in q.contrasts.iter().zip(contrasted) {
        if !used && catalogue.get(name).is_some_and(|s| !s.examinable()) {
            out.push(format!(
                "contrasts lists \"{name}\" but no option names it; drop it"
            ));
        }
    }
    out
}
