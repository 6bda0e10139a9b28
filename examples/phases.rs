//! Times the stages of one build: `cargo run --release --example phases -- <site-dir>`.
#![allow(clippy::print_stdout)]
use innkjop::pipeline::Pipeline;
use std::collections::HashSet;
use std::time::Instant;

// The same allocator as the `innkjop` binary, so in-process figures match it.
#[path = "../src/allocator.rs"]
mod allocator;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let options = innkjop::Options {
        content: dir.join("content"),
        theme: None,
        output: dir.join("public-phases"),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        base_url: None,
    };
    let pipeline = Pipeline::new(&options);
    let t = Instant::now();
    let (model, _) = pipeline.model(None, &HashSet::new());
    println!("load + validate: {:?}", t.elapsed());
    let Some(model) = model else { return };
    let Ok(theme) = pipeline.theme() else { return };
    let t = Instant::now();
    let pages = pipeline.pages(model, theme);
    println!("resolve + views: {:?}", t.elapsed());
    let t = Instant::now();
    let rendered = pages.render_all().map(|p| p.len()).unwrap_or(0);
    println!("pages ({rendered}): {:?}", t.elapsed());
    let t = Instant::now();
    let exported = innkjop::exports::files(pages.site()).files.len();
    println!("exports ({exported} files): {:?}", t.elapsed());
    let t = Instant::now();
    let records = innkjop::render::search_records(pages.site(), pages.views());
    println!("search records ({}): {:?}", records.len(), t.elapsed());
    let t = Instant::now();
    let index = innkjop::search::index(&records, &pages.site().model.settings.language, &Default::default());
    println!("search index ({} files): {:?}", index.map(|i| i.files.len()).unwrap_or(0), t.elapsed());
    let _ = std::fs::remove_dir_all(&options.output);
    let t = Instant::now();
    let written = innkjop::pipeline::write_site(&pages, &options.content, &options.output, &|_| {});
    println!(
        "the whole write (pages, exports, index, files): {:?} ({} files)",
        t.elapsed(),
        written.map(|w| w.files).unwrap_or(0)
    );
}
