//! The rules on dating, services, scope, answer cues and twins. Each runs with the quality rules on,
//! as the build does, unless the test says otherwise.

use super::*;

const SERVICES: &str = r#"
[[service]]
name = "AWS IAM"
full = "AWS Identity and Access Management"
category = "Security, Identity, and Compliance"
scope = "in"
status = "active"
aliases = ["IAM"]
what = "Controls who may use an account's resources and what each may do."
choose_when = "You need users, groups, roles and policies for one account."
doc = "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction.html"
confused_with = [{ name = "Amazon EC2", difference = "IAM decides who may act; EC2 is the servers they act on." }]

[[service]]
name = "Amazon EC2"
category = "Compute"
scope = "in"
status = "active"
aliases = ["EC2"]
what = "Virtual servers you choose, launch and manage."
choose_when = "You need full control of a server's operating system."
doc = "https://docs.aws.amazon.com/ec2/latest/userguide/concepts.html"
confused_with = [{ name = "AWS IAM", difference = "EC2 runs the servers; IAM controls who may manage them." }]

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
fn the_quality_report_lists_the_cues_and_the_bank_figures_in_json() {
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
         \"absolute_words_distractors\":0.000,\"length_rank_single\":0.500,\
         \"length_rank_multi\":1.000},\"twin_pairs_unreviewed\":0,\"untagged\":1,\
         \"scenario_share\":0.000"
    );
    assert!(
        q.table()
            .contains("length_rank_single                   0.500  ≤0.290 n/a"),
        "one question (its key tied with a distractor, so half a hit) is too few to judge: {}",
        q.table()
    );
    assert!(
        q.table()
            .contains("key_strictly_longest_single          0.000  ≤0.280 yes"),
        "{}",
        q.table()
    );
}
