//! The browser shell of the CLF-C02 practice app: routing, pages and widgets drawn with Leptos. It
//! decides nothing the engine (`crates/engine`) could decide, and only `store` touches localStorage.

pub mod app;
pub mod components;
pub mod engine_bridge;
pub mod flow;
pub mod grading;
pub mod offline;
pub mod pages;
pub mod route;
pub mod state;
pub mod store;

pub use app::App;

/// The app's name as learners see it.
pub const APP_NAME: &str = "CLF-C02 Practice";

/// Installs the panic hook and mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        let update_ready = leptos::prelude::RwSignal::new(false);
        offline::register(update_ready);
        leptos::prelude::provide_context(offline::UpdateReady(update_ready));
        App()
    });
}
