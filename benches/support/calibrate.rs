//! How fast this machine is, in the units of the speed issue's reference figures: Markdown to
//! HTML and YAML parsing per item of a synthetic site, so runs on different machines compare.

use std::path::Path;
use std::time::Instant;

/// The reference figures, per item: pulldown-cmark 3 µs, yaml_serde 10 µs.
pub const REFERENCE: &str = "pulldown-cmark 3 µs, yaml_serde 10 µs";

/// Times one agreement of a synthetic site: its Markdown body to HTML and its front matter
/// parsed, each the best of three rounds; a line for the results file.
pub fn per_item(content: &Path) -> String {
    let agreement = std::fs::read_dir(content.join("rammeavtaler"))
        .ok()
        .and_then(|entries| entries.flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "md")));
    let Some(text) = agreement.and_then(|p| std::fs::read_to_string(p).ok()) else {
        return "(no agreement to time)".into();
    };
    let mut parts = text.splitn(3, "---\n").skip(1);
    let (front, body) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let rounds = 5_000u32;
    let best = |work: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..rounds {
                    work();
                }
                start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
            })
            .fold(f64::INFINITY, f64::min)
    };
    let markdown = best(&|| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all()),
        );
        std::hint::black_box(html);
    });
    let yaml = best(&|| {
        std::hint::black_box(yaml_serde::from_str::<yaml_serde::Value>(front).ok());
    });
    format!(
        "pulldown-cmark {markdown:.1} µs for a body of {} bytes, yaml_serde {yaml:.1} µs for front matter of {} bytes \
         (the issue's reference machine: {REFERENCE})",
        body.len(),
        front.len()
    )
}
