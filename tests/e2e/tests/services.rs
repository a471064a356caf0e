//! The services catalogue and flashcards as a learner uses them: search as you type, follow a
//! look-alike, practise one service's questions (every question drawn is about it, and its review
//! links back to the service), and a flashcard session that is scored and scheduled.
#![cfg(not(target_arch = "wasm32"))]

use e2e::{
    assert_accessible, assert_clean_console, browser, click_text, count, dist_dir, element,
    open_page, text_of, text_where, wait_for, wait_for_heading, Driver, StaticServer,
};
use fantoccini::{Client, Locator};

async fn visible_cards(c: &Client) -> usize {
    c.execute(
        "return [...document.querySelectorAll('.service-card')].filter(e => !e.hidden).length",
        vec![],
    )
    .await
    .unwrap()
    .as_u64()
    .unwrap() as usize
}

async fn focused_id(c: &Client) -> String {
    let id = c.execute("return document.activeElement.id", vec![]).await;
    id.unwrap().as_str().unwrap_or_default().to_string()
}

async fn search(c: &Client, text: &str) {
    let input = element(c, "#service-search").await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn search_follow_a_look_alike_and_practise_a_services_questions() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(&c, &format!("{}#/services", server.url()), "Services").await;
    // Reached from the main navigation too.
    assert_eq!(count(&c, "nav a[aria-current='page']").await, 1);
    let all = visible_cards(&c).await;
    assert!(all > 100, "the catalogue lists {all} services");

    // By name, as the learner types: one card.
    search(&c, "cloudtrail").await;
    wait_for("one card for cloudtrail", || async {
        (visible_cards(&c).await == 1).then_some(())
    })
    .await;
    assert!(text_of(&c, ".search-count").await.starts_with("1 of"));
    // By purpose: words from what a service does find it without its name.
    search(&c, "API calls").await;
    wait_for("CloudTrail by its purpose", || async {
        let n = visible_cards(&c).await;
        (n >= 1 && n < all).then_some(())
    })
    .await;
    let shown: String = c
        .execute(
            "return [...document.querySelectorAll('.service-card')].filter(e => !e.hidden).map(e => e.querySelector('h2').textContent).join('|')",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    assert!(shown.contains("AWS CloudTrail"), "{shown}");
    // A nonsense query shows none, and says so.
    search(&c, "zzqx").await;
    text_where(&c, ".search-count", |t| t.starts_with("0 of")).await;

    // A service's own link opens its card; its look-alike link opens the look-alike's.
    open_page(
        &c,
        &format!("{}#/services/aws-cloudtrail", server.url()),
        "Services",
    )
    .await;
    wait_for("only CloudTrail", || async {
        (visible_cards(&c).await == 1).then_some(())
    })
    .await;
    let lookalike = c
        .find(Locator::Css(".service-card:not([hidden]) .lookalikes a"))
        .await
        .unwrap();
    let other = lookalike.text().await.unwrap();
    lookalike.click().await.unwrap();
    text_where(&c, ".service-card:not([hidden]) h2", |t| t == other).await;

    // Practise the questions about CloudTrail: every question drawn is about it.
    open_page(
        &c,
        &format!("{}#/services/aws-cloudtrail", server.url()),
        "Services",
    )
    .await;
    let button = text_of(&c, ".service-card:not([hidden]) .service-actions button").await;
    let n: usize = button
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("the button says how many");
    assert!(n >= 3, "{button}");
    c.find(Locator::Css(
        ".service-card:not([hidden]) .service-actions button",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    wait_for_heading(&c, "Practice").await;
    let label = text_of(&c, ".question-label").await;
    assert!(label.ends_with(&format!("of {n}")), "{label}");
    // Answer and check: the explanations link the question's services, CloudTrail among them.
    c.find(Locator::Css(".question-option input"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click_text(&c, "Check answer").await;
    let services = wait_for("the question's services", || async {
        let text = c
            .execute(
                "return [...document.querySelectorAll('.references')].map(e => e.textContent).find(t => t.startsWith('Services:')) || null",
                vec![],
            )
            .await
            .ok()?;
        text.as_str().map(str::to_string)
    })
    .await;
    assert!(services.contains("AWS CloudTrail"), "{services}");
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flashcard_session_is_scored_and_scheduled() {
    let server = StaticServer::start(dist_dir(), "/prep/");
    let driver = Driver::start();
    let c = browser(&driver).await;
    open_page(
        &c,
        &format!("{}#/flashcards", server.url()),
        "Service flashcards",
    )
    .await;
    assert!(text_of(&c, "main").await.contains("Cards due today: 0."));
    click_text(&c, "Start 10 cards").await;
    let mut wrong_keys = 0;
    for n in 1..=10 {
        text_where(&c, ".exam-progress", |t| t == format!("Card {n} of 10")).await;
        // Focus is on the question, so a keyboard user starts from it.
        assert_eq!(focused_id(&c).await, "card-prompt");
        if n == 1 {
            assert_accessible(&c, "dark").await;
        }
        // Alternate: the first option by touch on odd cards, the last by its key on even ones.
        let options = c.find_all(Locator::Css(".card-option")).await.unwrap();
        assert_eq!(options.len(), 4);
        if n % 2 == 1 {
            options[0].click().await.unwrap();
        } else {
            c.active_element()
                .await
                .unwrap()
                .send_keys("4")
                .await
                .unwrap();
        }
        let verdict = text_of(&c, ".card-verdict").await;
        wrong_keys += usize::from(verdict.starts_with("Not quite"));
        assert_eq!(
            count(&c, ".card-option.right").await,
            1,
            "the answer is shown"
        );
        if n % 2 == 0 {
            assert_eq!(
                count(&c, ".card-option.wrong, .card-option.right").await,
                1 + usize::from(verdict.starts_with("Not quite"))
            );
            let last = c
                .find_all(Locator::Css(".card-option"))
                .await
                .unwrap()
                .pop()
                .unwrap();
            let class = last.attr("class").await.unwrap().unwrap_or_default();
            assert!(
                class.contains("right") || class.contains("wrong"),
                "the 4th option was chosen: {class}"
            );
        }
        assert_eq!(focused_id(&c).await, "card-next");
        c.find(Locator::Id("card-next"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    let score = text_of(&c, "[role=status]").await;
    assert_eq!(score, format!("You got {} of 10 right.", 10 - wrong_keys));
    // Every card is in the deck, stored with the history; a missed card is due again soon.
    let deck = c
        .execute(
            "return JSON.parse(localStorage.getItem('clf-prep/progress')).data.flashcards.cards.length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(deck.as_u64(), Some(10));
    click_text(&c, "Another session").await;
    assert!(text_of(&c, "main").await.contains("Cards due today: 0."));
    assert_clean_console(&c).await;
    c.close().await.unwrap();
}
