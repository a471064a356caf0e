//! The exam guide's outline (CLF-C02 v1.0) as plain data: the four domains and nineteen task
//! statements. The build-time validator (`crates/bankfmt`) reads this same table, so it accepts
//! exactly the task statements the app knows.

/// The exam-guide version every question in the bank must be written against.
pub const GUIDE_VERSION: &str = "CLF-C02 v1.0";

/// (domain number, task number within it, short title of the task statement).
pub const TASK_OUTLINE: [(u8, u8, &str); 19] = [
    (1, 1, "Benefits of the AWS Cloud"),
    (1, 2, "Design principles of the AWS Cloud"),
    (1, 3, "Migration to the AWS Cloud"),
    (1, 4, "Cloud economics"),
    (2, 1, "The shared responsibility model"),
    (2, 2, "Security, governance and compliance"),
    (2, 3, "Access management"),
    (2, 4, "Security components and resources"),
    (3, 1, "Deploying and operating in the AWS Cloud"),
    (3, 2, "AWS global infrastructure"),
    (3, 3, "Compute services"),
    (3, 4, "Database services"),
    (3, 5, "Network services"),
    (3, 6, "Storage services"),
    (3, 7, "AI/ML and analytics services"),
    (3, 8, "Other in-scope services"),
    (4, 1, "Pricing models"),
    (4, 2, "Billing, budgets and cost management"),
    (4, 3, "Technical resources and AWS Support"),
];
