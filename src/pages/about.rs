//! About the app, how the passing score works, and what the question bank holds.

use leptos::prelude::*;

use crate::number::whole;

use crate::components::chart::{Bar, BarChart};
use crate::route::Route;
use engine::bank::{self, BankStats, Domain, TaskStatement};
use engine::blueprint::{
    form_items, scored_items, EXAM_MINUTES, FORM_ITEMS, MAX_SCALED, MIN_SCALED, PASS_SCALED,
    READY_RUNS, READY_SCALED, SCORED_ITEMS, UNSCORED_ITEMS,
};

#[component]
pub fn About() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"About this app"</h1>
            <p>
                "A practice-exam app for the AWS Certified Cloud Practitioner (CLF-C02) exam. It is an independent study tool, "
                "not affiliated with or endorsed by Amazon Web Services. The questions are original, written against the "
                "exam guide (version 1.0) and checked against AWS documentation; each one links to the page that backs its answer."
            </p>
            <h2>"Your data stays with you"</h2>
            <p>
                "There is no account and no server: questions, scoring and your progress live in this browser. "
                "The app sends no tracking and makes no request to any other site."
            </p>
            <ul class="link-list">
                <li><a href=Route::Scoring.href()>"How the passing score works"</a></li>
                <li><a href=Route::Bank.href()>"What is in the question bank"</a></li>
                <li><a href=Route::Settings.href()>"Settings"</a></li>
            </ul>
        </section>
    }
}

fn weight_bars() -> Vec<Bar> {
    Domain::ALL
        .iter()
        .map(|&d| Bar {
            label: d.name().to_string(),
            value: d.weight_percent() as f64,
            marker: None,
            caption: format!("{} % · {} scored", d.weight_percent(), scored_items(d)),
        })
        .collect()
}

#[component]
pub fn Scoring() -> impl IntoView {
    view! {
        <section class="page prose">
            <h1>"How the passing score works"</h1>
            <h2>{format!("{PASS_SCALED} on a {MIN_SCALED}–{MAX_SCALED} scale")}</h2>
            <p>{format!(
                "The exam reports a scaled score from {MIN_SCALED} to {MAX_SCALED}. {PASS_SCALED} passes. \
                 The result is compensatory: only the total decides, and there is no minimum per domain."
            )}</p>
            <h2>"Why it is not a percentage"</h2>
            <p>
                "Different candidates sit different forms of the exam, and one form can be a little harder than another. "
                "AWS converts each raw result onto the common scale (equating) so that the same ability earns the same "
                "score on any form. The pass mark itself was set by experts judging how a minimally qualified candidate "
                {format!("would do, then mapped to {PASS_SCALED}. So {PASS_SCALED} does not mean \"70 % correct\".")}
            </p>
            <h2>{format!("{FORM_ITEMS} questions, {SCORED_ITEMS} scored")}</h2>
            <p>
                {format!("The exam has {FORM_ITEMS} questions in {EXAM_MINUTES} minutes. {SCORED_ITEMS} count; \
                          {UNSCORED_ITEMS} are unscored pretest questions that AWS is trying out. ")}
                "You cannot tell which are which, so answer every one. A blank counts as wrong and there is no penalty for guessing. Multiple-response "
                "questions (\"Choose TWO\") earn nothing unless exactly the right options are chosen."
            </p>
            <h2>"Domain weights"</h2>
            <p>"The scored questions follow the exam guide's weights, and so should your study time:"</p>
            <BarChart bars=weight_bars() max=40.0 title="Share of scored questions by domain"/>
            <table class="data-table">
                <caption>"Questions per domain on a full form"</caption>
                <thead><tr><th scope="col">"Domain"</th><th scope="col">"Weight"</th><th scope="col">"Scored"</th><th scope="col">"On a 65-question form"</th></tr></thead>
                <tbody>
                    {Domain::ALL.iter().map(|&d| view! {
                        <tr><th scope="row">{d.name()}</th><td>{d.weight_percent()} " %"</td><td>{scored_items(d)}</td><td>{form_items(d)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p>"Each domain is reported as \"meets competencies\" or \"needs improvement\", not as a number."</p>
            <h2>{format!("Why aim for {READY_SCALED}–800")}</h2>
            <p>
                "A practice score is an estimate with an error margin, and exam-day nerves, unfamiliar wording and the "
                {format!("unscored questions all add noise. Scoring {READY_SCALED} to 800 on full, timed practice exams leaves \
                          a margin above {PASS_SCALED} for all of that.")}
            </p>
            <h2>"Practice scores are estimates"</h2>
            <p>
                "This app estimates your ability from your answers with an item response model and shows the score with a "
                "95 % band and the chance of passing a new full exam: how often a fresh 50-question form would score 700 or "
                "more, counting that form's own measurement error. Its question difficulties are our own estimates, not AWS "
                "statistics, and the band is widened for that uncertainty; treat every score as a direction, not a prediction. "
                "Answers at or below the level of blind guessing read as the scale's floor, 100."
            </p>
            <h2>"The readiness rule"</h2>
            <p>
                {format!("You are ready to book when (1) your last {READY_RUNS} full, timed mock exams each scored {READY_SCALED} \
                          or more, and (2) no domain is clearly below your overall level over them. Security and Compliance, at 30 %, \
                          matters most. A mock counts only when at least 80 % of its scored questions were new to you: a score on \
                          questions you remember measures memory. Mock exams draw the questions you have seen least first.")}
            </p>
        </section>
    }
}

#[component]
pub fn BankPage() -> impl IntoView {
    let stats = BankStats::of(bank::questions());
    let domain_bars: Vec<Bar> = Domain::ALL
        .iter()
        .map(|&d| Bar {
            label: d.name().to_string(),
            value: stats.domain_share(d),
            marker: Some(d.weight_percent() as f64),
            caption: format!(
                "{} ({} %)",
                stats.by_domain[d as usize],
                whole(stats.domain_share(d))
            ),
        })
        .collect();
    let percent = |n: usize| {
        if stats.total == 0 {
            0.0
        } else {
            n as f64 * 100.0 / stats.total as f64
        }
    };
    view! {
        <section class="page">
            <h1>"Question bank"</h1>
            <p>
                "The bank holds " <strong>{stats.total}</strong> " original questions, " {stats.multiple}
                " of them multiple response (" {whole(percent(stats.multiple))} " %). Every question has an "
                "explanation for each option and a link to the AWS documentation that backs its answer."
            </p>
            <p>
                "Every correction to a key or a fact is listed, newest first, in the "
                // A plain file copied next to the app (see index.html), not a route.
                <a href="CHANGES.md">"corrections log"</a> "."
            </p>
            <h2>"By domain"</h2>
            <p>"Bars show the bank's share; the tick marks the exam weight."</p>
            <BarChart bars=domain_bars max=40.0 title="Share of the bank by domain against the exam weight"/>
            <h2>"By task statement"</h2>
            <table class="data-table">
                <thead><tr><th scope="col">"Task"</th><th scope="col">"Topic"</th><th scope="col">"Questions"</th></tr></thead>
                <tbody>
                    {stats.by_task.iter().map(|&(t, n): &(TaskStatement, usize)| view! {
                        <tr><th scope="row">{t.to_string()}</th><td>{t.title()}</td><td>{n}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2>"By difficulty"</h2>
            <table class="data-table">
                <thead><tr><th scope="col">"Difficulty"</th><th scope="col">"Questions"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"Easy"</th><td>{stats.by_difficulty[0]}</td></tr>
                    <tr><th scope="row">"Medium"</th><td>{stats.by_difficulty[1]}</td></tr>
                    <tr><th scope="row">"Hard"</th><td>{stats.by_difficulty[2]}</td></tr>
                </tbody>
            </table>
        </section>
    }
}
