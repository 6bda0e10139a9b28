//! The search index: the one place that calls the search indexer. Each item is indexed
//! from its plain text (no second pass over HTML), with Norwegian stemming, filters and
//! metadata, in parts built side by side (see `parts`); the index files join the rest of
//! the site in the same atomic swap.

use crate::diagnostics::{Diagnostic, codes};
use crate::output::{FileContent, OutputFile};
pub use crate::render::records::SearchRecord;
use std::collections::BTreeMap;

mod parts;

use parts::Part;
pub use parts::{Earlier, Manifest};

/// The folder of the index in the output.
pub const BUNDLE_DIR: &str = "pagefind";
/// The list of the index's parts, in the index folder.
pub const MANIFEST_NAME: &str = "deler.json";

/// What an index build produced.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub files: Vec<OutputFile>,
    /// Parts indexed in this build, and parts taken over unchanged from the earlier one.
    pub built: usize,
    pub reused: usize,
}

/// How an index is split and made.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// At most about this many records in a part.
    pub records_per_part: usize,
    /// Parts made at once.
    pub threads: usize,
    /// Whether a build makes the index while it renders the pages (small sites), or after
    /// (large ones, where the two would not fit in memory together).
    pub index_while_rendering: bool,
}

impl Layout {
    /// For a build of `records` records, one part per core at a time. Each part costs the
    /// browser one more index chunk per query, and costs a rebuild its whole indexing when
    /// one of its records changes: a small site gets small parts (a rebuild after an edit
    /// re-indexes at most a few hundred records), a large one few large parts (the first
    /// query stays small).
    pub fn build(records: usize) -> Layout {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        let small = records <= parts::SMALL_SITE;
        let records_per_part = if small { parts::RECORDS_PER_SMALL_PART } else { parts::RECORDS_PER_PART };
        Layout { records_per_part, threads: cores, index_while_rendering: small }
    }

    /// For the preview server, which makes its index in the background: small parts, one at
    /// a time. Pagefind needs about 100 KB per record while it indexes a part, so this keeps
    /// the server's memory low; the index is ready a little later.
    pub fn preview() -> Layout {
        Layout { records_per_part: 250, threads: 1, index_while_rendering: false }
    }
}

/// Builds the index in parts, taking unchanged parts over from `earlier`; returns the files,
/// placed under `pagefind/`, with the list of parts in `pagefind/deler.json`.
pub fn index(records: &[SearchRecord], language: &str, earlier: &Earlier) -> Result<SearchIndex, Diagnostic> {
    index_unless(records, language, earlier, Layout::build(records.len()), &|| false)
}

/// Like [`index`], in the given layout, and giving up between parts once `cancelled` says so
/// (the preview server, when a newer save has made this index useless).
pub fn index_unless(
    records: &[SearchRecord],
    language: &str,
    earlier: &Earlier,
    layout: Layout,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<SearchIndex, Diagnostic> {
    let parts = parts::plan(records, language, layout.records_per_part);
    let mut result = SearchIndex::default();
    let mut to_build = Vec::new();
    for part in &parts {
        match earlier.take(part) {
            Some(files) => {
                result.files.extend(files);
                result.reused += 1;
            }
            None => to_build.push(part),
        }
    }
    result.built = to_build.len();
    for built in build_parts(&to_build, language, layout.threads, cancelled) {
        result.files.extend(built?);
    }
    let deler = parts
        .iter()
        .map(|p| parts::ManifestPart {
            entry: p.entry.clone(),
            filer: result.files.iter().filter(|f| p.owns(&f.path)).count(),
        })
        .collect();
    let manifest = Manifest { deler };
    let json = serde_json::to_vec(&manifest).map_err(|_| fail("listen over delene kunne ikke skrives".into()))?;
    result.files.push(OutputFile { path: format!("{BUNDLE_DIR}/{MANIFEST_NAME}"), content: FileContent::Bytes(json) });
    Ok(result)
}

fn fail(e: String) -> Diagnostic {
    Diagnostic::new(codes::SEARCH_INDEX_FAILED, "", format!("søkeindeksen kunne ikke lages: {e}"))
        .hint("forrige versjon av nettstedet er urørt; meld fra om feilen")
}

/// Indexes the parts side by side on `threads` threads. Pagefind holds one lock per index
/// while it adds a record, so separate indexes are what lets the work spread over cores.
fn build_parts(
    parts: &[&Part],
    language: &str,
    threads: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Vec<Result<Vec<OutputFile>, Diagnostic>> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = threads.clamp(1, parts.len().max(1));
    let mut done: Vec<(usize, Result<Vec<OutputFile>, Diagnostic>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(part) = parts.get(i) else { break };
                        if cancelled() {
                            mine.push((i, Err(fail("avbrutt; en nyere endring bygges".into()))));
                            continue;
                        }
                        mine.push((i, build_part(part, language, cancelled)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|_| vec![(usize::MAX, Err(fail("en tråd stoppet".into())))]))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Indexes one part with its own Pagefind index; gives up between two records once `cancelled` says so.
fn build_part(
    part: &Part,
    language: &str,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<OutputFile>, Diagnostic> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|_| fail("en tråd kunne ikke startes".into()))?;
    runtime.block_on(async {
        let config = pagefind::options::PagefindServiceConfig::builder().force_language(language.to_string()).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config))
            .map_err(|_| fail("søkemotoren kunne ikke startes".into()))?;
        for record in &part.records {
            if cancelled() {
                return Err(fail("avbrutt; en nyere endring bygges".into()));
            }
            let (meta, filters, sort) = fields(record);
            index
                .add_custom_record(
                    record.url.clone(),
                    words(&record.text),
                    language.to_string(),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(|_| fail(format!("siden {} kunne ikke legges inn", record.url)))?;
        }
        let files = index.get_files().await.map_err(|_| fail("filene kunne ikke lages".into()))?;
        let primary = part.is_primary();
        Ok(files
            .into_iter()
            .filter(|f| {
                let name = f.filename.to_string_lossy();
                // Our own search UI uses the JavaScript API; Pagefind's ready-made UIs are not shipped.
                let ui =
                    name.contains("-ui.") || name.starts_with("pagefind-highlight") || name.starts_with("playground");
                // The other parts are merged into the first one, which alone loads script and WebAssembly.
                let runtime = name.ends_with(".js") || name.starts_with("wasm.");
                // Only the WebAssembly of the site's language is loaded; Pagefind's fallback for
                // pages of no known language is never used, since every record has one.
                let other_wasm = name.starts_with("wasm.") && name != format!("wasm.{language}.pagefind");
                !ui && !other_wasm && (primary || !runtime)
            })
            .map(|f| OutputFile {
                path: format!("{}{}", part.entry.mappe, f.filename.to_string_lossy().replace('\\', "/")),
                content: FileContent::Bytes(f.contents),
            })
            .collect())
    })
}

/// The text as the indexer should see it: its words, one space apart, without the
/// punctuation at their edges. The indexer splits text at spaces and takes any word with
/// punctuation for a compound of several («avtale,» or «(2026)»), a slow path that finds
/// nothing more in such a word; with the punctuation at its edges gone, a word is indexed
/// at the same place with the same stem, and only words with punctuation inside
/// («e-handel», «11-1») take that path. A word of punctuation alone is kept, so every word
/// keeps its place.
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    // Split at ASCII spaces and line ends, which is cheap; the indexer splits a word again at
    // any other space in it (a no-break space in «1 250 000 kr»).
    for word in text.split_ascii_whitespace() {
        // Most words begin and end with an ASCII letter or digit: nothing to trim.
        let (first, last) = (word.as_bytes().first(), word.as_bytes().last());
        let trimmed =
            if plain(first) && plain(last) { word } else { word.trim_matches(|c: char| !c.is_alphanumeric()) };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if trimmed.is_empty() { word } else { trimmed });
    }
    out
}

type Fields = (BTreeMap<String, String>, BTreeMap<String, Vec<String>>, BTreeMap<String, String>);

fn fields(record: &SearchRecord) -> Fields {
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), record.title.clone());
    meta.insert("sammendrag".to_string(), record.summary.clone());
    meta.insert("type".to_string(), record.kind_label.to_string());
    if !record.detail.is_empty() {
        meta.insert("detaljer".to_string(), record.detail.clone());
    }
    let mut filters = BTreeMap::new();
    filters.insert("type".to_string(), vec![record.kind.to_string()]);
    if let Some((key, label)) = &record.status {
        meta.insert("status".to_string(), label.clone());
        meta.insert("statusnokkel".to_string(), key.clone());
        filters.insert("status".to_string(), vec![key.clone()]);
    }
    for (name, values) in
        [("kategori", &record.categories), ("kommune", &record.municipalities), ("leverandor", &record.suppliers)]
    {
        if !values.is_empty() {
            filters.insert(name.to_string(), values.clone());
        }
    }
    let mut sort = BTreeMap::new();
    if let Some(date) = &record.date {
        meta.insert("dato".to_string(), date.clone());
        sort.insert("dato".to_string(), date.clone());
    }
    (meta, filters, sort)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_lose_the_punctuation_at_their_edges_and_keep_their_places() {
        assert_eq!(
            words("«Avtalen», (2026–2028) gjelder\ne-handel – se § 11-1."),
            "Avtalen 2026–2028 gjelder e-handel – se § 11-1"
        );
        assert_eq!(words("  "), "");
        assert_eq!(words("(1\u{a0}250\u{a0}000\u{a0}kr)."), "1\u{a0}250\u{a0}000\u{a0}kr");
    }
}
