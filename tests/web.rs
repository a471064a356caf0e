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
            "Services",
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

fn mount_view<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), f).forget();
    container
}

#[wasm_bindgen_test]
async fn question_card_enforces_choose_n_and_reveals_every_explanation() {
    use clf_prep::components::question::QuestionCard;
    use engine::bank::{questions, Kind};
    let q = questions()
        .iter()
        .find(|q| q.kind == Kind::Multiple(2))
        .expect("a choose-two question");
    let chosen = RwSignal::new(Vec::<engine::attempt::Authored>::new());
    let reveal = RwSignal::new(false);
    let root = mount_view(move || {
        view! {
            <QuestionCard
                question=q
                order=(0..q.options.len() as u8).map(engine::attempt::Authored).collect()
                label="Question 1 of 1"
                chosen
                struck=Signal::derive(Vec::new)
                on_toggle=Callback::new(move |o| chosen.update(|c| c.push(o)))
                on_strike=Callback::new(|_| {})
                reveal
            />
        }
    });
    leptos::task::tick().await;
    let inputs = root.query_selector_all("input[type='checkbox']").unwrap();
    assert_eq!(inputs.length() as usize, q.options.len());
    assert_eq!(
        texts(&root, ".choose-status"),
        vec!["Choose TWO: 0 of 2 chosen, 2 to go."]
    );
    chosen.set(vec![
        engine::attempt::Authored(0),
        engine::attempt::Authored(1),
    ]);
    leptos::task::tick().await;
    assert_eq!(
        root.query_selector_all("input:disabled").unwrap().length() as usize,
        q.options.len() - 2,
        "the rest are locked at two"
    );
    assert_eq!(
        root.query_selector_all(".option-feedback")
            .unwrap()
            .length(),
        0,
        "no explanations before the check"
    );
    reveal.set(true);
    leptos::task::tick().await;
    assert_eq!(
        root.query_selector_all(".option-feedback")
            .unwrap()
            .length() as usize,
        q.options.len()
    );
    assert!(
        root.query_selector("a[target='_blank'][href^='https://']")
            .unwrap()
            .is_some(),
        "the documentation link is shown"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn question_card_shows_the_verified_date_with_the_explanations() {
    use clf_prep::components::question::QuestionCard;
    use engine::bank::{questions, Question};
    let q: &'static Question = Box::leak(Box::new(Question {
        verified: Some("2026-11-30"),
        ..questions()[0]
    }));
    let reveal = RwSignal::new(false);
    let root = mount_view(move || {
        view! {
            <QuestionCard
                question=q
                order=(0..q.options.len() as u8).map(engine::attempt::Authored).collect()
                label="Question 1 of 1"
                chosen=Signal::derive(Vec::new)
                struck=Signal::derive(Vec::new)
                on_toggle=Callback::new(|_| {})
                on_strike=Callback::new(|_| {})
                reveal
            />
        }
    });
    leptos::task::tick().await;
    let verified = || {
        texts(&root, ".references")
            .into_iter()
            .filter(|t| t.starts_with("Verified"))
    };
    assert_eq!(verified().count(), 0, "not before the check");
    reveal.set(true);
    leptos::task::tick().await;
    assert_eq!(verified().collect::<Vec<_>>(), ["Verified on 2026-11-30"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn bank_markup_renders_as_nodes_never_as_html() {
    use clf_prep::components::text::RichText;
    let root = mount_view(|| view! { <RichText text="Run `aws s3 ls` and *never* <b>this</b>"/> });
    leptos::task::tick().await;
    assert_eq!(texts(&root, "code"), vec!["aws s3 ls"]);
    assert_eq!(texts(&root, "em"), vec!["never"]);
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "angle brackets stay text"
    );
    assert!(root.text_content().unwrap().contains("<b>this</b>"));
    root.remove();
}

/// Presses `key` on the window as a learner would; false when a listener stopped the default.
fn press(key: &str) -> bool {
    let press = js_sys::Function::new_with_args(
        "k",
        "return window.dispatchEvent(new KeyboardEvent('keydown', { key: k, cancelable: true }));",
    );
    press
        .call1(&wasm_bindgen::JsValue::NULL, &key.into())
        .unwrap()
        .as_bool()
        .unwrap()
}

/// The shortcut hook hears keys anywhere on the window while its owner lives, stops the browser's
/// default only for keys it acted on, and is gone with its owner.
#[wasm_bindgen_test]
fn exam_keys_act_while_their_owner_lives() {
    use clf_prep::components::exam::{use_exam_keys, ExamKey};
    use std::{cell::RefCell, rc::Rc};

    let heard = Rc::new(RefCell::new(Vec::new()));
    let record = heard.clone();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let mounted = leptos::mount::mount_to(container, move || {
        // Acts on everything but the flag, as the runner does for an option the question lacks.
        use_exam_keys(
            || true,
            move |key| {
                record.borrow_mut().push(key);
                key != ExamKey::Flag
            },
        );
        view! { <p>"keys"</p> }
    });
    assert!(
        !press("b"),
        "a shortcut acted on keeps the browser's default from running"
    );
    assert!(
        press("F"),
        "a shortcut not acted on leaves the default alone"
    );
    assert!(press("x"), "other keys are not shortcuts");
    assert_eq!(
        *heard.borrow(),
        [ExamKey::Choose(engine::attempt::Shown(1)), ExamKey::Flag]
    );
    drop(mounted);
    assert!(press("n"));
    assert_eq!(
        heard.borrow().len(),
        2,
        "the listener is removed with its owner"
    );
}

/// The warning hook gives the warning that is due within a second of mounting, and only that one.
#[wasm_bindgen_test]
async fn time_warnings_give_the_due_warning() {
    use clf_prep::components::exam::use_time_warnings;
    use engine::attempt::{Attempt, Mode};

    let now = js_sys::Date::now();
    let root = mount_view(move || {
        let attempt = RwSignal::new(Some(Attempt::new(
            engine::attempt::AttemptId::parse("practice-warnings").unwrap(),
            Mode::Practice,
            Vec::new(),
            now,
            Some(10),
        )));
        let warning = use_time_warnings(attempt);
        view! { <p class="warning">{move || warning.get().map(|m| m.to_string())}</p> }
    });
    assert_eq!(texts(&root, ".warning"), [""]);
    gloo_timers_sleep(1_300).await;
    assert_eq!(
        texts(&root, ".warning"),
        ["15"],
        "ten minutes left: the 15-minute warning only"
    );
}
