//! Each validation rule proved by a bad example it rejects, against a good file it accepts. The
//! good files and the helpers live here; `questions` holds the format's rules (one question, the
//! bank, the baked text, the counts), `quality` the rules on dating, services, scope, answer cues
//! and twins.

use super::*;

mod quality;
mod questions;

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
