//! The browser shell of the CLF-C02 practice app: routing, pages and widgets drawn with Leptos. It
//! decides nothing the engine (`crates/engine`) could decide, and only `store` touches localStorage.

pub mod app;
pub mod components;
pub mod engine_bridge;
pub mod flow;
pub mod focus;
pub mod format;
pub mod framing;
pub mod number;
pub mod offline;
pub mod pages;
#[cfg(feature = "prerender")]
pub mod prerender;
pub mod route;
pub mod state;
pub mod store;

pub use app::App;

/// The app's name as learners see it.
pub const APP_NAME: &str = "CLF-C02 Practice";

/// Installs the panic hook and mounts the app on `<body>`. The two performance marks let `./x bench`
/// split a first load into download, start-up and paint.
pub fn mount() {
    mark("clf-start");
    // A panic's message on the console; without it a wasm trap says only "unreachable". (The JS
    // stack console_error_panic_hook would add names no function: release builds carry no names.)
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    // The page is built in a task of its own, not in the one that finished compiling and
    // instantiating the wasm: on a slow phone that makes two shorter tasks instead of one that
    // blocks input for well over 100 ms. Until then the shell from index.html shows the same page.
    leptos::prelude::set_timeout(mount_app, std::time::Duration::ZERO);
}

fn mark(name: &str) {
    let _ = leptos::prelude::window()
        .performance()
        .map(|p| p.mark(name));
}

fn mount_app() {
    // The static shell from index.html goes in the same task the app mounts in: no frame shows both.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(|| {
        let update_ready = leptos::prelude::RwSignal::new(false);
        offline::register(update_ready);
        leptos::prelude::provide_context(offline::UpdateReady(update_ready));
        App()
    });
    mark("clf-mounted");
}

/// For `./x bench`: the size of the app's WebAssembly memory, in bytes (read through the bindings
/// Trunk exposes as `window.wasmBindings`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}
