//! Components in a real browser (headless Chromium through wasm-bindgen-test): the shell mounts,
//! renders its navigation and footer, and follows hash changes.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_app() -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), clf_prep::App).forget();
    container
}

fn texts(root: &web_sys::HtmlElement, css: &str) -> Vec<String> {
    let nodes = root.query_selector_all(css).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn shell_renders_navigation_and_disclaimer() {
    window().location().set_hash("").unwrap();
    let root = mount_app();
    leptos::task::tick().await;
    assert_eq!(
        texts(&root, ".nav-list a"),
        vec![
            "Home",
            "Diagnostic",
            "Mock exam",
            "Practice",
            "Progress",
            "About"
        ]
    );
    let footer = texts(&root, "footer").join(" ");
    assert!(
        footer.contains("not affiliated with or endorsed by Amazon Web Services"),
        "{footer}"
    );
    assert_eq!(
        texts(&root, ".nav-list a[aria-current='page']"),
        vec!["Home"]
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn hash_change_switches_the_page_and_the_title() {
    window().location().set_hash("#/about/scoring").unwrap();
    let root = mount_app();
    leptos::task::tick().await;
    assert_eq!(texts(&root, "main h1"), vec!["How the passing score works"]);
    assert_eq!(
        texts(&root, ".nav-list a[aria-current='page']"),
        vec!["About"]
    );

    window()
        .location()
        .set_hash("#/definitely-not-a-page")
        .unwrap();
    // hashchange fires asynchronously; wait for it rather than for a fixed time.
    for _ in 0..100 {
        if texts(&root, "main h1") == vec!["Page not found"] {
            break;
        }
        gloo_timers_sleep(20).await;
    }
    assert_eq!(texts(&root, "main h1"), vec!["Page not found"]);
    assert!(document().title().starts_with("Page not found"));
    root.remove();
    window().location().set_hash("").unwrap();
}

/// A small sleep on the browser's timer, without another dependency.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
