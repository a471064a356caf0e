//! Writes the first screens (the home page, and the mock exam's start screen for `#/mock`), rendered
//! to HTML by the app's own view code, for index.html to show before the wasm arrives: a learner on
//! a slow phone sees the real page at once, and the app then replaces it with the same markup. Run
//! by Trunk's pre-build hook; tools/post-build.mjs puts the HTML in place.
//!   cargo run --features prerender --bin prerender -- OUT_FILE

fn main() {
    let out = std::env::args().nth(1).expect("usage: prerender OUT_FILE");
    let html = clf_prep::prerender::shell();
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).expect("the output folder can be made");
    }
    std::fs::write(&out, html).expect("the output file can be written");
}
