//! The release build is reproducible: `./x test` builds the same commit a second time into
//! `target/dist-repro` (or `CLF_DIST_REPRO`), and every file must be byte-identical. Otherwise the
//! service worker's version changes with nothing changed, and learners are offered needless updates.
//! Every text asset has precompressed `.gz` and `.br` copies that decode to exactly its bytes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use e2e::dist_dir;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {} ({e}): ./x test builds it", dir.display()))
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn two_builds_of_the_same_commit_are_byte_identical() {
    let again = std::env::var_os("CLF_DIST_REPRO")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/dist-repro"));
    let (first, second) = (files(&dist_dir()), files(&again));
    assert!(
        first.len() > 3,
        "the build holds its files: {:?}",
        first.keys()
    );
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>(),
        "the same file names"
    );
    let differing: Vec<&String> = first
        .iter()
        .filter(|(name, bytes)| second.get(*name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert!(
        differing.is_empty(),
        "files that differ between two builds: {differing:?}"
    );
}

#[test]
fn every_text_asset_has_gzip_and_brotli_copies_of_exactly_its_bytes() {
    use std::io::Read;
    let built = files(&dist_dir());
    let text: Vec<&String> = built
        .keys()
        .filter(|n| {
            [".wasm", ".js", ".css", ".html", ".webmanifest"]
                .iter()
                .any(|e| n.ends_with(e))
        })
        .collect();
    assert!(text.len() >= 5, "the build's text assets: {text:?}");
    for name in text {
        let original = &built[name];
        let gz = built
            .get(&format!("{name}.gz"))
            .unwrap_or_else(|| panic!("{name}.gz"));
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(&unzipped, original, "{name}.gz");
        let br = built
            .get(&format!("{name}.br"))
            .unwrap_or_else(|| panic!("{name}.br"));
        let mut unbrotlied = Vec::new();
        brotli_decompressor::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut unbrotlied)
            .unwrap();
        assert_eq!(&unbrotlied, original, "{name}.br");
        assert!(br.len() < original.len(), "{name}.br is smaller");
    }
}
