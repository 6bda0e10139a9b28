//! Times the phases of one build: `cargo run --release --example phases -- <site-dir>`.
#![allow(clippy::print_stdout)]
use std::time::Instant;

// The same allocator as the `innkjop` binary, so in-process figures match it.
#[path = "../src/allocator.rs"]
#[allow(dead_code)] // the preview server's setting is not used here
mod allocator;

fn main() {
    allocator::keep_freed_memory();
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let options = innkjop::Options {
        content: dir.join("content"),
        theme: std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default")),
        output: dir.join("public-phases"),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        base_url: None,
    };
    let t = Instant::now();
    let (model, _) = innkjop::load_model(&options);
    println!("load + validate: {:?}", t.elapsed());
    drop(model);
    let t = Instant::now();
    let (site, _) = innkjop::render_site(&options);
    println!("load + validate + resolve + render: {:?}", t.elapsed());
    let Some(site) = site else { return };
    let t = Instant::now();
    let index = innkjop::output::search::index(&site.records, &site.language, &Default::default());
    println!("search index ({} records): {:?}", site.records.len(), t.elapsed());
    let t = Instant::now();
    let _ = std::fs::remove_dir_all(&options.output);
    let mut files = site.files;
    if let Ok(i) = index {
        files.extend(i.files);
    }
    let _ = innkjop::output::writer::write_site(&options.output, &files);
    println!("write ({} files): {:?}", files.len(), t.elapsed());
}
