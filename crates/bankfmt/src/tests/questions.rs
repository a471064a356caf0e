//! The format's rules: each question alone, the bank across files, the baked text and the counts.

use super::*;

#[test]
fn good_questions_pass() {
    assert_eq!(
        problems_of(&format!("{GOOD_SINGLE}{GOOD_MULTIPLE}")),
        Vec::<String>::new()
    );
}

#[test]
fn problems_name_the_file_and_the_question() {
    let problems = problems_of(&GOOD_SINGLE.replace("difficulty = 2", "difficulty = 7"));
    assert_eq!(
        problems,
        vec!["2.3-access.toml: 2.3-001: difficulty 7 must be 1 (easy), 2 (medium) or 3 (hard)"]
    );
}

#[test]
fn malformed_toml_is_reported_not_panicked() {
    let err = parse_file("2.3-x.toml", "task = \"2.3\"\n[[question]\n").unwrap_err();
    assert!(err[0].message.contains("not valid bank TOML"), "{:?}", err);
}

#[test]
fn unknown_fields_are_rejected() {
    assert_rejected(
        &GOOD_SINGLE.replace("tags =", "answer = 1\ntags ="),
        "unknown field",
    );
}

#[test]
fn unknown_task_statement_is_rejected() {
    let err = parse_file(
        "5.1-x.toml",
        &format!("task = \"5.1\"\n{}", GOOD_SINGLE.replace("2.3-", "5.1-")),
    )
    .unwrap_err();
    assert!(
        err.iter()
            .any(|p| p.message.contains("not one of the 19 task statements")),
        "{err:?}"
    );
}

#[test]
fn file_name_must_start_with_its_task() {
    let err = parse_file("2.4-x.toml", &file(GOOD_SINGLE)).unwrap_err();
    assert!(err[0].message.contains("file name must start"), "{err:?}");
}

#[test]
fn id_must_match_the_task_and_form() {
    assert_rejected(&GOOD_SINGLE.replace("2.3-001", "2.4-001"), "id must be");
    assert_rejected(&GOOD_SINGLE.replace("2.3-001", "2.3-1"), "id must be");
    assert_rejected(&GOOD_SINGLE.replace("2.3-001", "2.3-000"), "id must be");
}

#[test]
fn duplicate_ids_across_files_are_rejected() {
    let sources = vec![
        ("2.3-a.toml".to_string(), file(GOOD_SINGLE)),
        (
            "2.3-b.toml".to_string(),
            file(&GOOD_MULTIPLE.replace("2.3-002", "2.3-001")),
        ),
    ];
    let err = validate(&sources).unwrap_err();
    assert!(
        err.iter()
            .any(|p| p.message.contains("id is used twice (also in 2.3-a.toml)")),
        "{err:?}"
    );
}

#[test]
fn single_needs_four_options() {
    let three = GOOD_SINGLE.rsplit_once("[[question.options]]").unwrap().0;
    assert_rejected(three, "exactly 4 options, not 3");
}

#[test]
fn single_needs_exactly_one_correct() {
    assert_rejected(
        &GOOD_SINGLE.replace("correct = true", "correct = false"),
        "exactly 1 correct option, not 0",
    );
    assert_rejected(
        &GOOD_SINGLE.replace(
            "text = \"An IAM group\"",
            "text = \"An IAM group\"\ncorrect = true",
        ),
        "not 2",
    );
}

#[test]
fn single_must_not_say_choose() {
    assert_rejected(
        &GOOD_SINGLE.replace("credentials?", "credentials? (Choose TWO.)"),
        "must not say",
    );
}

#[test]
fn multiple_needs_choose_wording_matching_its_count() {
    assert_rejected(
        &GOOD_MULTIPLE.replace(" (Choose TWO.)", ""),
        "must end with",
    );
    assert_rejected(
        &GOOD_MULTIPLE.replace("(Choose TWO.)", "(Choose THREE.)"),
        "says choose 3 but 2",
    );
}

#[test]
fn multiple_needs_five_or_six_options_and_two_or_three_correct() {
    let four = GOOD_MULTIPLE.rsplit_once("[[question.options]]").unwrap().0;
    assert_rejected(four, "5 or 6 options, not 4");
    let one = GOOD_MULTIPLE.replacen("correct = true", "correct = false", 1);
    assert_rejected(&one, "2 or 3 correct options, not 1");
}

#[test]
fn duplicate_options_are_rejected() {
    assert_rejected(
        &GOOD_SINGLE.replace("An IAM user", "an IAM  GROUP"),
        "repeats another option",
    );
}

#[test]
fn every_option_needs_an_explanation() {
    assert_rejected(
        &GOOD_SINGLE.replace("A group only collects users; nothing can assume it.", " "),
        "has no explanation",
    );
    assert_rejected(
        &GOOD_SINGLE.replacen(
            "why = \"A group only collects users; nothing can assume it.\"",
            "",
            1,
        ),
        "missing field `why`",
    );
}

#[test]
fn empty_and_overlong_fields_are_rejected() {
    assert_rejected(&GOOD_SINGLE.replace("An IAM role", ""), "option 1 is empty");
    let long = "x".repeat(701);
    assert_rejected(
        &GOOD_SINGLE.replace("Which IAM identity", &long),
        "allowed 20-700",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("The root user", &"y".repeat(251)),
        "allowed 1-250",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("tags = [\"IAM\"]", "tags = [\"\"]"),
        "a tag is empty",
    );
}

#[test]
fn difficulty_and_guide_are_checked() {
    assert_rejected(
        &GOOD_SINGLE.replace("difficulty = 2", "difficulty = 0"),
        "difficulty 0",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("CLF-C02 v1.0", "CLF-C01"),
        "guide \"CLF-C01\"",
    );
}

#[test]
fn references_must_be_https_on_aws_hosts() {
    assert_rejected(
        &GOOD_SINGLE.replace("https://docs.aws.amazon.com", "https://example.com"),
        "not an https link",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("https://docs.aws", "http://docs.aws"),
        "not an https link",
    );
    assert_rejected(
        &GOOD_SINGLE.replace(
            "https://docs.aws.amazon.com/",
            "https://docs.aws.amazon.com.evil.example/",
        ),
        "not an https link",
    );
    assert_rejected(
        &GOOD_SINGLE.replace(
            "refs = [\"https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html\"]",
            "refs = []",
        ),
        "0 reference links",
    );
}

#[test]
fn aws_hosts_are_accepted() {
    for url in [
        "https://aws.amazon.com/iam/faqs/",
        "https://docs.aws.amazon.com/x",
        "https://repost.aws/knowledge-center/x",
    ] {
        assert!(is_aws_host(url), "{url}");
    }
}

#[test]
fn links_that_only_look_like_aws_are_refused() {
    for url in [
        "https://evil.example\\@docs.aws.amazon.com/x",
        "https://evil.example\\.docs.aws.amazon.com/x",
        "https://user@docs.aws.amazon.com/x",
        "https://docs.aws.amazon.com:8443/x",
        "https://docs.aws.amazon.com/a b",
        "https://docs.aws.amazon.com.evil.example/x",
        "https://203.0.113.9/docs.aws.amazon.com/x",
        "http://docs.aws.amazon.com/x",
    ] {
        assert!(!is_aws_host(url), "{url}");
    }
}

#[test]
fn markup_must_balance_and_angle_brackets_are_refused() {
    assert_rejected(
        &GOOD_SINGLE.replace("An IAM role", "An `IAM role"),
        "never closed",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("An IAM group", "An *IAM group"),
        "never closed",
    );
    assert_rejected(
        &GOOD_SINGLE.replace("The root user", "<script>alert(1)</script>"),
        "contains < or >",
    );
}

#[test]
fn near_duplicate_stems_are_reported_with_both_ids() {
    let twin = GOOD_MULTIPLE.replace("2.3-002", "2.3-003").replace(
        "Which practices protect the AWS account root user? (Choose TWO.)",
        "Which practices protect the AWS account root user best? (Choose TWO.)",
    );
    let sources = vec![(
        "2.3-a.toml".to_string(),
        file(&format!("{GOOD_MULTIPLE}{twin}")),
    )];
    let err = validate(&sources).unwrap_err();
    assert!(
        err.iter().any(|p| p
            .to_string()
            .contains("2.3-002: stem is a near-duplicate of 2.3-003")),
        "{err:?}"
    );
}

#[test]
fn stats_count_domains_tasks_kinds_and_difficulties() {
    let bank = validate(&[(
        "2.3-a.toml".to_string(),
        file(&format!("{GOOD_SINGLE}{GOOD_MULTIPLE}")),
    )])
    .unwrap();
    let s = bank.stats();
    assert_eq!(s.total, 2);
    assert_eq!(s.by_domain["2"], 2);
    assert_eq!(s.by_domain["1"], 0);
    assert_eq!(s.by_task["2.3"], 2);
    assert_eq!(s.multiple, 1);
    assert_eq!(s.by_difficulty[&1], 1);
    assert_eq!(s.by_difficulty[&2], 1);
    assert_eq!(s.correct_position[&1], 2);
}

#[test]
fn control_characters_are_rejected() {
    // TOML escapes: a unit separator in an option, a tab in a tag.
    assert_rejected(
        &GOOD_SINGLE.replace("An IAM group", r"An IAM\u001Fgroup"),
        "control character",
    );
    assert_rejected(
        &GOOD_SINGLE.replace(r#"tags = ["IAM"]"#, r#"tags = ["I\tAM"]"#),
        "control character",
    );
}

#[test]
fn codegen_keeps_every_field_in_order() {
    let dated = GOOD_SINGLE.replace("tags =", "verified = \"2026-11-30\"\nservices = []\ntags =");
    let bank = validate(&[(
        "2.3-a.toml".to_string(),
        file(&format!("{dated}\n{GOOD_MULTIPLE}")),
    )])
    .unwrap();
    let blob = codegen(&bank);
    let records: Vec<&str> = blob.split(baked::RECORD).collect();
    assert_eq!(records.len(), 2);
    let first: Vec<&str> = records[0].split(baked::FIELD).collect();
    assert_eq!(&first[..4], ["2.3-001", "1", "2", "CLF-C02 v1.0"]);
    assert!(first[4].starts_with("Which IAM identity"));
    assert_eq!(first[6], "IAM");
    assert_eq!(
        first[7], "",
        "services (a concept question names none; the engine's round trip checks the real bank's)"
    );
    assert_eq!(first[8], "2026-11-30");
    assert_eq!(first.len(), 9 + 2 * 4);
    assert_eq!(first[9], "+An IAM role");
    assert_eq!(first[11], "-An IAM group");
    let second: Vec<&str> = records[1].split(baked::FIELD).collect();
    assert_eq!(&second[..3], ["2.3-002", "2", "1"]);
    assert_eq!(second[6], "", "no tags");
    assert_eq!(second[7], "", "no services");
    assert_eq!(second[8], "", "not dated yet");
}
