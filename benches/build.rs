//! The benchmarks: full builds at several sizes (with search, feeds and data), the build
//! without the search step, `check` alone, the rebuild after one edit during `serve` (to the
//! reload, and until the exports and the search index follow), `build` run again after one
//! edit, peak memory, output size and, in Chromium, search (what a first word fetches, and
//! keypress to results), printed as a table against the budgets and written to
//! `benches/RESULTS.md`.
//!
//! `cargo bench --bench build` runs 1,000, 2,000 and 10,000 items; `INNKJOP_BENCH_SIZES=50000`
//! (a comma-separated list) chooses others; `INNKJOP_BENCH_SITE=DIR` only writes the synthetic
//! site of the first size into `DIR/content`. CI only compiles this file.
#![allow(clippy::print_stdout)]

#[path = "support/calibrate.rs"]
mod calibrate;
#[path = "support/serve_child.rs"]
mod serve_child;
#[path = "support/synth.rs"]
mod synth;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

// The same allocator as the `innkjop` binary, so in-process figures match it.
#[path = "../src/allocator.rs"]
mod allocator;

const TODAY: &str = "2026-11-26";
const BIN: &str = env!("CARGO_BIN_EXE_innkjop");

struct Row {
    items: usize,
    /// The synthetic site and its output, kept until the end of the run.
    site: tempfile::TempDir,
    check: Duration,
    build: Duration,
    build_no_search: Duration,
    peak_mb: Option<u64>,
    output_mb: f64,
    /// `innkjop build` run again after one edit.
    rebuild: Duration,
    reload_event: Duration,
    /// During `serve`, from a save until the pages, the exports and the search index all show it.
    serve_rebuild: Duration,
    /// Peak resident memory of `serve` over its start and the edits.
    serve_mb: Option<u64>,
    search: Option<Search>,
}

/// The browser's search figures, medians over the benchmark words (tests/browser/bench-search.mjs).
#[derive(Clone, Copy)]
struct Search {
    /// KB fetched for the first query, the word pasted (one input event).
    pasted_kb: u64,
    /// KB fetched while the word is typed letter by letter (each prefix is searched).
    typed_kb: u64,
    /// ms from the last keypress to the results, typed letter by letter: the first word on
    /// a freshly loaded search page, and the next word on the same page.
    typed_ms: u64,
    next_ms: u64,
    /// ms from the paste to the results.
    pasted_ms: u64,
}

fn main() {
    let sizes: Vec<usize> = std::env::var("INNKJOP_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 2_000, 10_000]);
    if std::env::args().any(|a| a == "--list" || a == "--test") {
        return; // `cargo test --benches` and harness probes: nothing to run
    }
    // `INNKJOP_BENCH_SITE=DIR`: only write the synthetic site of the first size into DIR/content,
    // to build, serve or profile it by hand.
    if let Ok(dir) = std::env::var("INNKJOP_BENCH_SITE") {
        let items = sizes.first().copied().unwrap_or(1_000);
        let counts = synth::write_site(&Path::new(&dir).join("content"), items, 7).expect("synthetic site");
        eprintln!("wrote {items} items to {dir}/content: {counts:?}");
        return;
    }
    let speed = {
        let dir = tempfile::tempdir().expect("tempdir");
        synth::write_site(&dir.path().join("content"), 100, 7).expect("synthetic site");
        calibrate::per_item(&dir.path().join("content"))
    };
    eprintln!("   this machine: {speed}");
    let mut rows = Vec::new();
    for items in sizes {
        eprintln!("== {items} items");
        rows.push(measure(items));
    }
    let ratio = scaling(&rows);
    let table = table(&rows, ratio);
    println!("{table}");
    let machine = machine();
    let (day, commit) = (today(), commit());
    let text = format!(
        "# Benchmark results\n\nMeasured with `cargo bench --bench build` on {day} at commit {commit}, on {machine}. \
         Per item on this machine: {speed}.\n\n{table}\n{}\n",
        BUDGETS
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/RESULTS.md");
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("could not write {}: {e}", path.display());
    }
}

const BUDGETS: &str = "Budgets (2 cores): 2,000 items cold build with search, feeds and data <= 0.9 s, without \
search <= 0.3 s, peak memory <= 400 MB; rebuild after one edit at 2,000 items <= 0.35 s (the incremental \
rebuild during `serve`, from the save until pages, exports and search index are all updated; `build` run again \
is shown beside it); reload event after a save during `serve` <= 50 ms at 2,000 items and <= 100 ms at 10,000 items; 10,000 items cold <= 5 s and 1 GB; \
50,000/10,000 time ratio <= 5.5; search at 10,000 items: <= 300 KB fetched for the first query and <= 100 ms \
from keypress to results. The search columns are medians over four words; \"typed\" is one key every 120 ms, as a \
fast typist types, \"pasted\" is one input event, as a paste makes.";

/// Runs `innkjop` with `args` in `dir`: how long it took, and its peak memory in MB.
fn run(dir: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let output = if time.exists() {
        Command::new(time).arg("-f").arg("%M").arg(BIN).args(args).current_dir(dir).output()
    } else {
        Command::new(BIN).args(args).current_dir(dir).output()
    }
    .expect("run");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?} failed:\n{stderr}");
    let peak_kb = stderr.lines().last().and_then(|l| l.trim().parse::<u64>().ok());
    (took, peak_kb.map(|kb| kb / 1024))
}

/// A cold `innkjop build` in `dir`: the previous output is removed first.
fn cold_build(dir: &Path) -> (Duration, Option<u64>) {
    let _ = std::fs::remove_dir_all(dir.join("public"));
    run(dir, &["build", "--today", TODAY])
}

fn measure(items: usize) -> Row {
    // Like the reference figures: the site and its output on a RAM disk when there is one.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() }.expect("tempdir");
    let content = dir.path().join("content");
    let counts = synth::write_site(&content, items, 7).expect("synthetic site");
    eprintln!("   {counts:?}");
    let run = |args: &[&str]| run(dir.path(), args);
    let median = |f: &dyn Fn() -> (Duration, Option<u64>)| {
        let mut runs: Vec<(Duration, Option<u64>)> = (0..3).map(|_| f()).collect();
        runs.sort();
        runs[1]
    };
    let (check, _) = median(&|| run(&["check", "--today", TODAY]));
    let (build, peak_mb) = median(&|| cold_build(dir.path()));
    let output_mb = dir_size(&dir.path().join("public")) as f64 / 1_000_000.0;
    let options = innkjop::Options {
        content: content.clone(),
        // The theme built into the program, as a site without a theme folder has.
        theme: None,
        output: dir.path().join("ohne"),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        base_url: None,
    };
    let build_no_search = {
        let mut runs: Vec<Duration> = (0..3)
            .map(|_| {
                // Cold, like the full build: the previous output is removed before timing.
                let _ = std::fs::remove_dir_all(&options.output);
                let started = Instant::now();
                build_without_search(&options);
                started.elapsed()
            })
            .collect();
        runs.sort();
        runs[1]
    };
    let edited = first_agreement(&content);
    let rebuild = {
        touch_title(&edited, "Endret for måling A");
        run(&["build", "--today", TODAY]).0
    };
    let (reload_event, serve_rebuild, serve_mb) = reload_after_edit(dir.path(), &edited);
    let search = search_in_browser(&dir.path().join("public"));
    Row {
        items,
        site: dir,
        check,
        build,
        build_no_search,
        peak_mb,
        output_mb,
        rebuild,
        reload_event,
        serve_rebuild,
        serve_mb,
        search,
    }
}

/// The build's stages without the search index: load, check, resolve, views, every page and
/// export, and the write.
fn build_without_search(options: &innkjop::Options) {
    let pipeline = innkjop::pipeline::Pipeline::new(options);
    let (pages, _) = pipeline.prepare();
    let pages = pages.expect("the site is valid");
    let (rendered, exported) = rayon::join(|| pages.render_all(), || innkjop::exports::files(pages.site()));
    let mut files = rendered.expect("renders");
    files.extend(pages.other_files(&options.content).expect("documents"));
    files.extend(exported.files);
    let mut staged = innkjop::output::writer::Staged::begin(&options.output).expect("staged");
    staged.write(&files).expect("writes");
    staged.commit().expect("swapped in");
}

fn first_agreement(content: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(content.join("rammeavtaler")).expect("agreements").flatten().map(|e| e.path()).collect();
    files.sort();
    files[0].clone()
}

fn touch_title(file: &Path, title: &str) {
    let text = std::fs::read_to_string(file).expect("read");
    let line = text.lines().find(|l| l.starts_with("tittel:")).unwrap_or("tittel:").to_string();
    std::fs::write(file, text.replacen(&line, &format!("tittel: {title}"), 1)).expect("write");
}

/// Starts `serve`, edits one file, and times from the save to the reload event and to the
/// event that says the exports and the search index are in too (medians of 5); also the
/// server's peak resident memory (Linux), once the last edit's search index is in.
fn reload_after_edit(site: &Path, file: &Path) -> (Duration, Duration, Option<u64>) {
    let (mut child, addr) = serve_child::start(BIN, site, &["--today", TODAY], Duration::from_secs(120));
    let mut stream = TcpStream::connect(&addr).expect("connect");
    write!(stream, "GET /__innkjop/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("write");
    let (etx, erx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
            if line.starts_with("event: ") {
                let _ = etx.send((line.trim().to_string(), Instant::now()));
            }
            line.clear();
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    let (mut times, mut updated) = (Vec::new(), Vec::new());
    for i in 0..5 {
        // Let the background search index of the previous build finish first.
        std::thread::sleep(Duration::from_millis(1500));
        while erx.try_recv().is_ok() {}
        let saved = Instant::now();
        touch_title(file, &format!("Måling {i}"));
        while let Ok((event, at)) = erx.recv_timeout(Duration::from_secs(60)) {
            match event.as_str() {
                "event: reload" if times.len() == i => times.push(at - saved),
                "event: updated" => {
                    updated.push(at - saved);
                    break;
                }
                _ => {}
            }
        }
    }
    std::thread::sleep(Duration::from_millis(1500));
    let peak_mb = std::fs::read_to_string(format!("/proc/{}/status", child.id())).ok().and_then(|status| {
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb / 1024)
    });
    let _ = child.kill();
    let _ = child.wait();
    let mut buf = Vec::new();
    let _ = child.stderr.take().map(|mut s| s.read_to_end(&mut buf));
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times.get(times.len() / 2).copied().unwrap_or_default()
    };
    (median(times), median(updated), peak_mb)
}

/// Runs the search benchmark of the browser harness, when Chromium and its packages are there.
fn search_in_browser(site: &Path) -> Option<Search> {
    let harness = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !harness.join("node_modules/playwright-core").is_dir() || !Path::new("/usr/bin/chromium").exists() {
        eprintln!(
            "   (no browser search figures: run tests/browser/run once to install Chromium and the npm packages)"
        );
        return None;
    }
    let output =
        Command::new("node").arg("bench-search.mjs").current_dir(&harness).env("SITE_DIR", site).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let values: Vec<serde_json::Value> = serde_json::from_str(text.trim().lines().last()?).ok()?;
    let median = |key: &str| {
        let mut v: Vec<u64> = values.iter().filter_map(|r| r[key].as_u64()).collect();
        v.sort();
        v.get(v.len() / 2).copied().unwrap_or(0)
    };
    Some(Search {
        pasted_kb: median("firstQueryKB"),
        typed_kb: median("typedKB"),
        typed_ms: median("typedMs"),
        next_ms: median("warmMs"),
        pasted_ms: median("pastedMs"),
    })
}

fn dir_size(dir: &Path) -> u64 {
    fn walk(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| match e.file_type() {
                        Ok(t) if t.is_dir() => walk(&e.path()),
                        _ => e.metadata().map(|m| m.len()).unwrap_or(0),
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(dir)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// The 50,000/10,000 build time ratio from cold builds of the two sites run in turn, three
/// pairs, each pair one after the other: the median of the pairs' ratios. The table's own
/// build times were measured minutes apart, while a shared machine's speed drifts; a pair
/// sees the same machine. `None` unless both sizes were measured.
fn scaling(rows: &[Row]) -> Option<Scaling> {
    let small = rows.iter().find(|r| r.items == 10_000)?;
    let large = rows.iter().find(|r| r.items == 50_000)?;
    eprintln!("== 10,000 and 50,000 items in turn");
    let mut pairs: Vec<(Duration, Duration)> =
        (0..3).map(|_| (cold_build(small.site.path()).0, cold_build(large.site.path()).0)).collect();
    pairs.sort_by(|a, b| ratio(a).total_cmp(&ratio(b)));
    Some(Scaling { pairs, of_medians: ratio(&(small.build, large.build)) })
}

/// Three pairs of (10,000, 50,000) build times, by their ratio, and the ratio of the table's medians.
struct Scaling {
    pairs: Vec<(Duration, Duration)>,
    of_medians: f64,
}

fn ratio((small, large): &(Duration, Duration)) -> f64 {
    large.as_secs_f64() / small.as_secs_f64()
}

fn table(rows: &[Row], scaling: Option<Scaling>) -> String {
    let mut out = String::from(
        "| items | check | build (search, feeds, data) | build without search | peak memory | output | save to reload event (serve) | save to everything updated (serve) | `build` again after one edit | serve peak memory | search: a first word fetches (pasted / typed) | keypress to results (typed: first word / next word; pasted) |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {:.1} MB | {} | {} | {} | {} | {} | {} |\n",
            r.items,
            ms(r.check),
            ms(r.build),
            ms(r.build_no_search),
            r.peak_mb.map(|m| format!("{m} MB")).unwrap_or_else(|| "n/a".into()),
            r.output_mb,
            ms(r.reload_event),
            ms(r.serve_rebuild),
            ms(r.rebuild),
            r.serve_mb.map(|m| format!("{m} MB")).unwrap_or_else(|| "n/a".into()),
            r.search.map(|s| format!("{} / {} KB", s.pasted_kb, s.typed_kb)).unwrap_or_else(|| "n/a".into()),
            r.search
                .map(|s| format!("{} / {} ms; {} ms", s.typed_ms, s.next_ms, s.pasted_ms))
                .unwrap_or_else(|| "n/a".into()),
        ));
    }
    if let Some(scaling) = scaling {
        let pairs: Vec<String> = scaling
            .pairs
            .iter()
            .map(|p| format!("{:.2} s and {:.2} s: {:.2}", p.0.as_secs_f64(), p.1.as_secs_f64(), ratio(p)))
            .collect();
        out.push_str(&format!(
            "\n50,000/10,000 build time ratio: {:.2}, the median of three pairs of cold builds, 10,000 items then \
             50,000, run one after the other ({}). The ratio of the table's build medians, measured minutes apart: \
             {:.2}.\n",
            ratio(&scaling.pairs[1]),
            pairs.join("; "),
            scaling.of_medians
        ));
    }
    out
}

/// The day of the run, in UTC (`YYYY-MM-DD`).
fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// The commit measured, with `+changes` when the work tree differs from it.
fn commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let head = git(&["rev-parse", "--short", "HEAD"]).filter(|h| !h.is_empty()).unwrap_or_else(|| "unknown".into());
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|s| !s.is_empty());
    if dirty { format!("{head}+changes") } else { head }
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let field = |name: &str| {
        cpuinfo
            .lines()
            .find(|l| l.split(':').next().is_some_and(|k| k.trim() == name))
            .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
    };
    // Family and model tell apart machines that share a marketing name.
    let cpu = match (field("model name"), field("cpu family"), field("model")) {
        (Some(name), Some(family), Some(model)) => format!("{name}, family {family}, model {model}"),
        (Some(name), _, _) => name,
        _ => "unknown CPU".into(),
    };
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").parse::<u64>().unwrap_or(0) / 1024 / 1024)
        })
        .unwrap_or(0);
    format!("{cores} cores ({cpu}), {mem} GiB memory, release build, site and output on a RAM disk (/dev/shm)")
}
