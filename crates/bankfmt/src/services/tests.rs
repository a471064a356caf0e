//! The catalogue's checks: names and aliases, scope and status, and the learner's cards.

use super::*;

const CATALOGUE: &str = r#"
[[service]]
name = "Amazon S3"
full = "Amazon Simple Storage Service"
category = "Storage"
scope = "in"
status = "active"
aliases = ["S3"]
what = "Stores any number of objects in buckets, reachable over the web."
choose_when = "You need durable storage for files of any kind."
doc = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"
confused_with = [{ name = "Amazon S3 Glacier", difference = "S3 serves objects at once; S3 Glacier archives them for rare, slower retrieval." }]

[[service]]
name = "Amazon S3 Glacier"
category = "Storage"
scope = "in"
status = "active"
aliases = ["S3 Glacier"]
what = "Archives data cheaply for retrieval in minutes or hours."
choose_when = "You keep records for years and rarely read them."
doc = "https://docs.aws.amazon.com/amazonglacier/latest/dev/introduction.html"
confused_with = [{ name = "Amazon S3", difference = "S3 Glacier is for archives; S3 is for data read often." }]

[[service]]
name = "Amazon Glacier"
category = "Storage"
scope = "out"
status = "retired"
aliases = ["Glacier"]
"#;

fn names<'a>(c: &'a Catalogue, text: &str) -> Vec<&'a str> {
    c.named_in(text).iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn names_and_aliases_match_as_whole_words_only() {
    let c = Catalogue::parse(CATALOGUE).unwrap();
    assert_eq!(names(&c, "Store it in S3."), ["Amazon S3"]);
    assert_eq!(names(&c, "Store it in S3A or MS3"), Vec::<&str>::new());
    assert_eq!(
        names(&c, "Amazon Simple Storage Service"),
        ["Amazon S3"],
        "the full name counts"
    );
    assert_eq!(
        names(&c, "store it in s3"),
        Vec::<&str>::new(),
        "case counts"
    );
}

#[test]
fn a_name_inside_a_longer_name_is_not_counted_again() {
    let c = Catalogue::parse(CATALOGUE).unwrap();
    assert_eq!(
        names(&c, "Archive to Amazon S3 Glacier"),
        ["Amazon S3 Glacier"]
    );
    assert_eq!(
        names(&c, "Glacier, or Amazon S3"),
        ["Amazon S3", "Amazon Glacier"]
    );
}

#[test]
fn a_name_shared_by_two_services_is_refused() {
    let first = CATALOGUE.split("[[service]]").nth(1).unwrap();
    let err = Catalogue::parse(&format!("{CATALOGUE}[[service]]{first}")).unwrap_err();
    assert!(err.iter().any(|e| e.contains("listed twice")), "{err:?}");
    let shared = CATALOGUE.replace("aliases = [\"Glacier\"]", "aliases = [\"S3\"]");
    let err = Catalogue::parse(&shared).unwrap_err();
    assert!(
        err.iter().any(|e| e.contains("\"S3\" names both")),
        "{err:?}"
    );
}

#[test]
fn every_examinable_service_has_a_card_that_does_not_give_it_away() {
    let cases = [
        ("what = \"Archives data cheaply for retrieval in minutes or hours.\"\n", "", "what is missing"),
        ("Archives data cheaply", "S3 Glacier archives data cheaply", "what names the service (\"S3 Glacier\")"),
        ("You keep records", "You keep S3 Glacier records", "choose_when names the service (\"S3 Glacier\")"),
        ("https://docs.aws.amazon.com/amazonglacier/latest/dev/introduction.html", "https://example.com/glacier", "not an https link on an AWS host"),
        ("name = \"Amazon S3\", difference = \"S3 Glacier is", "name = \"Amazon S4\", difference = \"S3 Glacier is", "\"Amazon S4\", which is not in the catalogue"),
        ("name = \"Amazon S3\", difference", "name = \"Amazon Glacier\", difference", "\"Amazon Glacier\", which is not examinable"),
        ("S3 Glacier is for archives; S3 is for data read often.", "One is for archives, the other for data read often.", "must name both services"),
        ("confused_with = [{ name = \"Amazon S3\", difference = \"S3 Glacier is for archives; S3 is for data read often.\" }]", "confused_with = []", "confused_with lists 0 services"),
    ];
    assert!(Catalogue::parse(CATALOGUE).is_ok());
    for (from, to, expected) in cases {
        assert!(CATALOGUE.contains(from), "{from}");
        let err = Catalogue::parse(&CATALOGUE.replacen(from, to, 1)).unwrap_err();
        assert!(
            err.iter()
                .any(|e| e.contains("Amazon S3 Glacier") && e.contains(expected)),
            "{expected}: {err:?}"
        );
    }
}

#[test]
fn unknown_scope_or_status_is_refused() {
    assert!(Catalogue::parse(&CATALOGUE.replace("\"retired\"", "\"gone\"")).is_err());
    assert!(Catalogue::parse(&CATALOGUE.replace("scope = \"out\"", "scope = \"maybe\"")).is_err());
}

#[test]
fn only_in_scope_active_services_are_examinable() {
    let c = Catalogue::parse(CATALOGUE).unwrap();
    assert!(c.get("Amazon S3").unwrap().examinable());
    assert_eq!(
        c.get("Amazon Glacier").unwrap().why_not_examinable(),
        Some("retired")
    );
}
