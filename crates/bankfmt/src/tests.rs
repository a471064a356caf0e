//! Each validation rule proved by a bad example it rejects, against a good file it accepts.

use super::*;

const GOOD_SINGLE: &str = r#"
[[question]]
id = "2.3-001"
kind = "single"
difficulty = 2
guide = "CLF-C02 v1.0"
tags = ["IAM"]
stem = "Which IAM identity can an EC2 instance assume to get temporary credentials?"
refs = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html"]
[[question.options]]
text = "An IAM role"
correct = true
why = "A role is assumed and hands out temporary credentials."
[[question.options]]
text = "An IAM group"
why = "A group only collects users; nothing can assume it."
[[question.options]]
text = "An IAM user"
why = "A user has long-term credentials and is not assumed."
[[question.options]]
text = "The root user"
why = "The root user is never for workloads and cannot be assumed."
"#;

const GOOD_MULTIPLE: &str = r#"
[[question]]
id = "2.3-002"
kind = "multiple"
difficulty = 1
guide = "CLF-C02 v1.0"
stem = "Which practices protect the AWS account root user? (Choose TWO.)"
refs = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html"]
[[question.options]]
text = "Turn on MFA for the root user"
correct = true
why = "MFA adds a second factor to the most powerful sign-in."
[[question.options]]
text = "Use the root user for daily administration"
why = "Daily work belongs to less powerful identities."
[[question.options]]
text = "Do not create root user access keys"
correct = true
why = "Keys for the root user could be leaked and cannot be limited."
[[question.options]]
text = "Share the root password with the team"
why = "Sharing credentials removes accountability."
[[question.options]]
text = "Attach a policy that denies everything to the root user"
why = "Identity policies cannot be attached to the root user."
"#;

/// The build's rules on a fixed day, the quality rules gating or not.
fn policy(enforce_quality: bool) -> Policy {
    Policy {
        today: Date::new(2026, 11, 30).unwrap(),
        enforce_quality,
    }
}

/// Validates with no meta files and the quality rules off, as the current bank is built.
fn validate(sources: &[(String, String)]) -> Result<Bank, Vec<Problem>> {
    validate_sources(sources, Meta::default(), policy(false))
}

fn file(body: &str) -> String {
    format!("task = \"2.3\"\n{body}")
}

fn problems_of(body: &str) -> Vec<String> {
    match parse_file("2.3-access.toml", &file(body)) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|p| p.to_string()).collect(),
    }
}

fn assert_rejected(body: &str, needle: &str) {
    let problems = problems_of(body);
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem containing {needle:?}, got {problems:?}"
    );
}

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
    let dated = GOOD_SINGLE.replace("tags =", "verified = \"2026-11-30\"\ntags =");
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
    assert_eq!(first[7], "2026-11-30");
    assert_eq!(first.len(), 8 + 2 * 4);
    assert_eq!(first[8], "+An IAM role");
    assert_eq!(first[10], "-An IAM group");
    let second: Vec<&str> = records[1].split(baked::FIELD).collect();
    assert_eq!(&second[..3], ["2.3-002", "2", "1"]);
    assert_eq!(second[6], "", "no tags");
    assert_eq!(second[7], "", "not dated yet");
}

// The rules on dating, services, scope, answer cues and twins. Each runs with the quality rules on,
// as the build does, unless the test says otherwise.

const SERVICES: &str = r#"
[[service]]
name = "AWS IAM"
full = "AWS Identity and Access Management"
category = "Security, Identity, and Compliance"
scope = "in"
status = "active"
aliases = ["IAM"]

[[service]]
name = "Amazon EC2"
category = "Compute"
scope = "in"
status = "active"
aliases = ["EC2"]

[[service]]
name = "AWS CodeCommit"
category = "Developer Tools"
scope = "in"
status = "closed"
aliases = ["CodeCommit"]

[[service]]
name = "Amazon GameLift"
category = "Game Tech"
scope = "out"
status = "active"

[[service]]
name = "AWS RoboMaker"
category = "Robotics"
scope = "in"
status = "retired"
"#;

/// GOOD_SINGLE dated and naming its services, GOOD_MULTIPLE dated as a concept question.
fn dated_single() -> String {
    GOOD_SINGLE.replace(
        "tags = [\"IAM\"]",
        "tags = [\"IAM\"]\nverified = \"2026-11-30\"\nservices = [\"AWS IAM\", \"Amazon EC2\"]",
    )
}

fn dated_multiple() -> String {
    GOOD_MULTIPLE.replace(
        "difficulty = 1",
        "difficulty = 1\nverified = \"2025-06-01\"\nservices = []",
    )
}

fn meta_with(twins: Option<&str>) -> Meta {
    Meta::parse(Some(SERVICES), twins).unwrap()
}

/// Every problem of a one-file bank holding `body`, with the fixture catalogue.
fn bank_problems(body: &str, enforce_quality: bool) -> Vec<String> {
    bank_problems_with(body, meta_with(None), enforce_quality)
}

fn bank_problems_with(body: &str, meta: Meta, enforce_quality: bool) -> Vec<String> {
    let sources = [("2.3-a.toml".to_string(), file(body))];
    match validate_sources(&sources, meta, policy(enforce_quality)) {
        Ok(_) => Vec::new(),
        Err(p) => p.into_iter().map(|p| p.to_string()).collect(),
    }
}

fn assert_bank_rejects(body: &str, needle: &str) {
    let problems = bank_problems(body, true);
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "expected a problem containing {needle:?}, got {problems:?}"
    );
}

#[test]
fn dated_questions_with_known_services_pass_every_rule() {
    let body = format!("{}{}", dated_single(), dated_multiple());
    assert_eq!(bank_problems(&body, true), Vec::<String>::new());
}

#[test]
fn verified_is_required_once_the_quality_rules_are_on() {
    let undated = dated_single().replace("verified = \"2026-11-30\"\n", "");
    assert_bank_rejects(&undated, "2.3-001: has no verified date");
    assert_eq!(bank_problems(&undated, false), Vec::<String>::new());
}

#[test]
fn verified_must_be_a_real_date_written_iso() {
    for bad in ["30/11/2026", "2026-11-31", "2026-1-5", "yesterday"] {
        let body = dated_single().replace("2026-11-30", bad);
        assert_bank_rejects(&body, "is not a date written YYYY-MM-DD");
        // Malformed is wrong whatever the switch says.
        assert!(!bank_problems(&body, false).is_empty(), "{bad}");
    }
}

#[test]
fn verified_may_be_today_but_not_later() {
    assert_eq!(bank_problems(&dated_single(), true), Vec::<String>::new());
    let tomorrow = dated_single().replace("2026-11-30", "2026-12-01");
    assert_bank_rejects(&tomorrow, "verified 2026-12-01 is after today (2026-11-30)");
    assert!(!bank_problems(&tomorrow, false).is_empty());
}

#[test]
fn services_are_required_once_the_quality_rules_are_on() {
    let unlisted = dated_single().replace("services = [\"AWS IAM\", \"Amazon EC2\"]\n", "");
    assert_bank_rejects(&unlisted, "has no services list");
    assert_eq!(bank_problems(&unlisted, false), Vec::<String>::new());
}

#[test]
fn unknown_service_names_are_rejected_with_a_hint() {
    let alias = dated_single().replace("\"Amazon EC2\"]", "\"EC2\"]");
    assert_bank_rejects(
        &alias,
        "services names \"EC2\", which is not in bank/meta/services.toml (did you mean \"Amazon EC2\"?)",
    );
    let made_up = dated_single().replace("\"Amazon EC2\"]", "\"Amazon Compute Cloud\"]");
    assert_bank_rejects(&made_up, "\"Amazon Compute Cloud\", which is not in");
    assert!(!bank_problems(&made_up, false).is_empty());
}

#[test]
fn services_may_not_include_out_of_scope_closed_or_retired_services() {
    for (name, why) in [
        ("Amazon GameLift", "out of the exam's scope"),
        ("AWS CodeCommit", "closed to new customers"),
        ("AWS RoboMaker", "retired"),
    ] {
        let body = dated_single().replace("\"Amazon EC2\"]", &format!("\"{name}\"]"));
        assert_bank_rejects(&body, &format!("services lists \"{name}\", which is {why}"));
        assert!(!bank_problems(&body, false).is_empty());
    }
}

#[test]
fn empty_services_are_only_for_questions_that_name_no_exam_service() {
    assert_eq!(bank_problems(&dated_multiple(), true), Vec::<String>::new());
    let names_iam = dated_single().replace("[\"AWS IAM\", \"Amazon EC2\"]", "[]");
    assert_bank_rejects(
        &names_iam,
        "services is empty but the question names \"AWS IAM\"",
    );
}

#[test]
fn a_key_may_never_name_an_out_of_scope_closed_or_retired_service() {
    let key = dated_single().replace("text = \"An IAM role\"", "text = \"AWS CodeCommit\"");
    let problem = "option 1 is correct but names AWS CodeCommit, which is closed to new customers";
    assert_bank_rejects(&key, problem);
    // Not even as a declared contrast, and not even with the quality rules off.
    let declared = key.replace("services =", "contrasts = [\"AWS CodeCommit\"]\nservices =");
    assert_bank_rejects(&declared, problem);
    assert!(bank_problems(&declared, false)
        .iter()
        .any(|p| p.contains(problem)));
}

#[test]
fn a_wrong_option_may_name_an_excluded_service_only_as_a_declared_contrast() {
    let named = dated_single().replace("text = \"An IAM group\"", "text = \"Amazon GameLift\"");
    assert_bank_rejects(
        &named,
        "option 2 names Amazon GameLift, which is out of the exam's scope; reword it, or list it in contrasts",
    );
    let declared = named.replace(
        "services =",
        "contrasts = [\"Amazon GameLift\"]\nservices =",
    );
    assert_eq!(bank_problems(&declared, true), Vec::<String>::new());
}

#[test]
fn contrasts_must_be_known_excluded_and_named_by_an_option() {
    let with = |list: &str| {
        dated_single().replace("services =", &format!("contrasts = {list}\nservices ="))
    };
    assert_bank_rejects(
        &with("[\"Amazon Gamelift\"]"),
        "contrasts names \"Amazon Gamelift\", which is not in",
    );
    assert_bank_rejects(
        &with("[\"Amazon EC2\"]"),
        "which is in scope and active; contrasts are for",
    );
    assert_bank_rejects(
        &with("[\"AWS RoboMaker\"]"),
        "contrasts lists \"AWS RoboMaker\" but no option names it",
    );
}

#[test]
fn service_names_in_options_match_whole_words_and_case() {
    // "CodeCommits" and "codecommit" are not the closed service's name.
    let body = dated_single()
        .replace("text = \"An IAM group\"", "text = \"Two CodeCommits\"")
        .replace("text = \"An IAM user\"", "text = \"a codecommit repo\"");
    assert_eq!(bank_problems(&body, true), Vec::<String>::new());
}

#[test]
fn answer_cues_over_target_fail_the_build_naming_the_worst_questions() {
    let long_key = dated_single().replace(
        "text = \"An IAM role\"",
        "text = \"An IAM role that hands out temporary credentials\"",
    );
    let problems = bank_problems(&format!("{long_key}{}", dated_multiple()), true);
    for needle in [
        "bank: key_strictly_longest_single is 1.000, over its target 0.280; worst first: 2.3-001 (3.69×)",
        "bank: key_over_1_5x_longest_distractor is 1, over its target 0; worst first: 2.3-001 (3.69×)",
        "bank: stem_overlap_single is 1.000, over its target 0.120; worst first: 2.3-001 (+2)",
    ] {
        assert!(problems.iter().any(|p| p == needle), "{needle:?} not in {problems:?}");
    }
    assert_eq!(
        bank_problems(&format!("{long_key}{}", dated_multiple()), false),
        Vec::<String>::new(),
        "the figures gate only with the quality rules on"
    );
}

#[test]
fn absolute_words_in_distractors_over_target_fail_the_build() {
    let absolute =
        dated_single().replace("text = \"An IAM group\"", "text = \"Always an IAM group\"");
    assert_bank_rejects(
        &absolute,
        "absolute_words_distractors is 0.333, over its target 0.050; worst first: 2.3-001 option 2 (always)",
    );
}

#[test]
fn multi_keys_all_longer_than_every_distractor_fail_the_build() {
    let long_keys = dated_multiple()
        .replace(
            "Turn on MFA for the root user",
            "Turn on MFA for the root user, with a hardware key as well",
        )
        .replace(
            "Do not create root user access keys",
            "Do not create any root user access keys, and delete old ones",
        );
    assert_bank_rejects(
        &long_keys,
        "keys_strictly_longest_multi is 1.000, over its target 0.120",
    );
}

/// GOOD_SINGLE again under another id and stem: the same answer and the same four options.
fn twin_of_single() -> String {
    dated_single().replace("2.3-001", "2.3-003").replace(
        "Which IAM identity can an EC2 instance assume to get temporary credentials?",
        "A workload on Amazon EC2 must call AWS without stored keys. What should it use?",
    )
}

#[test]
fn unreviewed_twins_fail_the_build() {
    let body = format!("{}{}", dated_single(), twin_of_single());
    assert_bank_rejects(
        &body,
        "2.3-001: has the same answer and three or more of the same options as 2.3-003",
    );
    assert_eq!(bank_problems(&body, false), Vec::<String>::new());
}

#[test]
fn reviewed_twins_pass_and_stale_reviews_fail() {
    let reviewed = "[[pair]]\na = \"2.3-003\"\nb = \"2.3-001\"\nreason = \"One asks by identity, one by scenario.\"\n";
    let twins = format!("{}{}", dated_single(), twin_of_single());
    assert_eq!(
        bank_problems_with(&twins, meta_with(Some(reviewed)), true),
        Vec::<String>::new()
    );
    let stale = bank_problems_with(&dated_single(), meta_with(Some(reviewed)), false);
    assert_eq!(
        stale,
        ["meta/twins-reviewed.toml: pair 2.3-001 and 2.3-003 is no longer a twin pair; remove it"]
    );
}

#[test]
fn malformed_meta_files_are_reported_by_file() {
    let err = Meta::parse(
        Some("[[service]]\nname = 1\n"),
        Some("[[pair]]\na = \"x\"\n"),
    )
    .unwrap_err();
    let files: Vec<&str> = err.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files, ["meta/services.toml", "meta/twins-reviewed.toml"]);
}

#[test]
fn the_quality_report_lists_the_five_cues_and_the_bank_figures_in_json() {
    let bank = validate_sources(
        &[(
            "2.3-a.toml".to_string(),
            file(&format!("{}{}", dated_single(), dated_multiple())),
        )],
        meta_with(None),
        policy(true),
    )
    .unwrap();
    let q = bank.quality();
    assert_eq!(q.untagged, 1, "the concept question names no service");
    assert_eq!(q.scenario_share, 0.0);
    assert_eq!(
        q.json_fields(),
        "\"cues\":{\"key_strictly_longest_single\":0.000,\"keys_strictly_longest_multi\":0.000,\
         \"key_over_1_5x_longest_distractor\":0,\"stem_overlap_single\":0.000,\
         \"absolute_words_distractors\":0.000},\"twin_pairs_unreviewed\":0,\"untagged\":1,\
         \"scenario_share\":0.000"
    );
    assert!(
        q.table()
            .contains("key_strictly_longest_single          0.000  ≤0.280 yes"),
        "{}",
        q.table()
    );
}
