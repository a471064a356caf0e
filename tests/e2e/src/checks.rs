//! The checks every test ends with: no console error or warning, no request to another origin,
//! and (on the pages the accessibility tests visit) no axe-core violation in either theme.

use std::path::Path;

use fantoccini::Client;

use crate::console;

/// Fails on any console error or warning logged since the last check.
pub async fn assert_clean_console(client: &Client) {
    let bad: Vec<_> = console(client)
        .await
        .into_iter()
        .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
        .collect();
    assert!(bad.is_empty(), "console errors: {bad:#?}");
}

/// Fails if the page loaded anything from another origin (resource timing sees every fetch).
pub async fn assert_same_origin(client: &Client, origin: &str) {
    let urls = client
        .execute(
            "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map(e => e.name)",
            vec![],
        )
        .await
        .expect("resource timing entries");
    let foreign: Vec<String> = urls
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u.as_str())
        .filter(|u| !u.starts_with(origin) && !u.starts_with("data:") && !u.starts_with("blob:"))
        .map(str::to_string)
        .collect();
    assert!(foreign.is_empty(), "requests to other origins: {foreign:?}");
}

/// axe-core from the npm tools `./x` installs.
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}): ./x test installs axe-core",
            path.display()
        )
    })
}

/// Runs axe-core (WCAG 2 A and AA rules) on the current page in the given theme and fails on any
/// violation, naming the rule and the elements.
pub async fn assert_accessible(client: &Client, theme: &str) {
    let set_theme =
        format!("document.documentElement.setAttribute('data-theme', '{theme}'); return true;");
    client
        .execute(&set_theme, vec![])
        .await
        .expect("set the theme");
    client
        .execute(&format!("{}\nreturn true;", axe_source()), vec![])
        .await
        .expect("inject axe-core");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                 .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                 .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));"#,
            vec![],
        )
        .await
        .expect("axe-core result");
    let violations = result.as_array().cloned().unwrap_or_default();
    let url = client
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    assert!(
        violations.is_empty(),
        "accessibility violations on {url} ({theme}): {violations:#?}"
    );
}
