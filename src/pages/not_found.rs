//! A friendly page for a link that leads nowhere.

use leptos::prelude::*;

use crate::route::Route;

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{format!("#/{path}")}</code> "."</p>
            <p><a href=Route::Home.href()>"Go to the home page"</a></p>
        </section>
    }
}
