//! Hash routes (`#/mock`, `#/review/…`): they work on any static host and sub-path with no rewrite
//! rules, and deep links open the right page. Links are always built with `Route::href`.

// The engine's rule for attempt ids: the router accepts exactly the ids that storage accepts.
use engine::attempt::AttemptId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Diagnostic,
    Mock,
    Practice,
    Progress,
    About,
    Scoring,
    Bank,
    Settings,
    /// The service catalogue, or one service's card (by its slug).
    Services(Option<String>),
    Flashcards,
    /// Results of one stored attempt.
    Results(AttemptId),
    /// Question-by-question review of one stored attempt.
    Review(AttemptId),
    /// One question on its own, to try and to read its explanations (a shareable link).
    Question(engine::bank::QuestionId),
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let tail = parts.next();
        match (head, tail) {
            ("", None) => Route::Home,
            ("diagnostic", None) => Route::Diagnostic,
            ("mock", None) => Route::Mock,
            ("practice", None) => Route::Practice,
            ("progress", None) => Route::Progress,
            ("about", None) => Route::About,
            ("about", Some("scoring")) => Route::Scoring,
            ("about", Some("bank")) => Route::Bank,
            ("settings", None) => Route::Settings,
            ("services", None) => Route::Services(None),
            // Only slugs of services in the catalogue: a link never carries anything else.
            ("services", Some(slug)) if engine::services::by_slug(slug).is_some() => {
                Route::Services(Some(slug.to_string()))
            }
            ("flashcards", None) => Route::Flashcards,
            ("results", Some(id)) => AttemptId::parse(id)
                .map_or_else(|_| Route::NotFound(path.to_string()), Route::Results),
            ("review", Some(id)) => AttemptId::parse(id)
                .map_or_else(|_| Route::NotFound(path.to_string()), Route::Review),
            ("question", Some(id)) if id.parse::<engine::bank::QuestionId>().is_ok() => id
                .parse()
                .map(Route::Question)
                .unwrap_or_else(|_| Route::NotFound(path.to_string())),
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        let path = match self {
            Route::Home => String::new(),
            Route::Diagnostic => "diagnostic".into(),
            Route::Mock => "mock".into(),
            Route::Practice => "practice".into(),
            Route::Progress => "progress".into(),
            Route::About => "about".into(),
            Route::Scoring => "about/scoring".into(),
            Route::Bank => "about/bank".into(),
            Route::Settings => "settings".into(),
            Route::Services(None) => "services".into(),
            Route::Services(Some(slug)) => format!("services/{slug}"),
            Route::Flashcards => "flashcards".into(),
            Route::Results(id) => format!("results/{id}"),
            Route::Review(id) => format!("review/{id}"),
            Route::Question(id) => format!("question/{id}"),
            Route::NotFound(path) => path.clone(),
        };
        format!("#/{path}")
    }

    /// The document title for this page.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Home",
            Route::Diagnostic => "Free diagnostic",
            Route::Mock => "Mock exam",
            Route::Practice => "Practice",
            Route::Progress => "Progress",
            Route::About => "About",
            Route::Scoring => "How the passing score works",
            Route::Bank => "Question bank",
            Route::Settings => "Settings",
            Route::Services(_) => "Services",
            Route::Flashcards => "Service flashcards",
            Route::Results(_) => "Results",
            Route::Review(_) => "Review",
            Route::Question(_) => "Question",
            Route::NotFound(_) => "Page not found",
        }
    }

    /// The main navigation entry this page belongs to, for `aria-current`.
    pub fn section(&self) -> Route {
        match self {
            Route::Scoring | Route::Bank => Route::About,
            Route::Results(_) | Route::Review(_) => Route::Progress,
            Route::Question(_) => Route::Practice,
            Route::Services(_) | Route::Flashcards => Route::Services(None),
            other => other.clone(),
        }
    }
}

/// The pages in the header navigation, in order.
pub const NAV: [(Route, &str); 7] = [
    (Route::Home, "Home"),
    (Route::Diagnostic, "Diagnostic"),
    (Route::Mock, "Mock exam"),
    (Route::Practice, "Practice"),
    (Route::Services(None), "Services"),
    (Route::Progress, "Progress"),
    (Route::About, "About"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let routes = [
            Route::Home,
            Route::Diagnostic,
            Route::Mock,
            Route::Practice,
            Route::Progress,
            Route::About,
            Route::Scoring,
            Route::Bank,
            Route::Settings,
            Route::Services(None),
            Route::Flashcards,
            Route::Results(AttemptId::parse("a1-b2").unwrap()),
            Route::Review(AttemptId::parse("a1-b2").unwrap()),
            Route::Question("2.3-017".parse().unwrap()),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn empty_and_slashed_hashes_are_home() {
        for h in ["", "#", "#/", "/"] {
            assert_eq!(Route::parse(h), Route::Home, "{h:?}");
        }
        assert_eq!(Route::parse("#/mock/"), Route::Mock);
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
        assert_eq!(
            Route::parse("#/mock/extra"),
            Route::NotFound("mock/extra".into())
        );
        assert_eq!(
            Route::parse("#/results/<script>"),
            Route::NotFound("results/<script>".into())
        );
    }

    #[test]
    fn sub_pages_highlight_their_section() {
        assert_eq!(Route::Bank.section(), Route::About);
        assert_eq!(
            Route::Review(AttemptId::parse("x").unwrap()).section(),
            Route::Progress
        );
        assert_eq!(Route::Mock.section(), Route::Mock);
        assert_eq!(Route::Flashcards.section(), Route::Services(None));
    }

    #[test]
    fn service_links_name_a_catalogued_service_or_nothing() {
        if let Some(s) = engine::services::catalogue().first() {
            let r = Route::Services(Some(s.slug()));
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(
            Route::parse("#/services/no-such-service"),
            Route::NotFound("services/no-such-service".into())
        );
    }
}
