//! The search index: the one place that calls the search indexer. Each item is indexed
//! from its plain text (no second pass over HTML), with Norwegian stemming, filters and
//! metadata; the index files join the rest of the site in the same atomic swap.

use crate::diagnostics::Diagnostic;
use crate::render::{FileContent, OutputFile};
use std::collections::BTreeMap;

/// The folder of the index in the output.
pub const BUNDLE_DIR: &str = "pagefind";

/// One searchable item.
#[derive(Debug, Clone)]
pub struct SearchRecord {
    pub url: String,
    pub title: String,
    pub summary: String,
    /// `rammeavtale`, `planlagt-innkjop`, `kurs`, `etisk-krav`, `side`, `leverandor`.
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub status: Option<(String, String)>,
    /// ISO date the results sort by.
    pub date: Option<String>,
    pub text: String,
    pub categories: Vec<String>,
    pub municipalities: Vec<String>,
    pub suppliers: Vec<String>,
}

/// Builds the index and returns its files, placed under `pagefind/`.
pub fn index(records: &[SearchRecord], language: &str) -> Result<Vec<OutputFile>, Diagnostic> {
    let fail = |e: String| {
        Diagnostic::error("", format!("søkeindeksen kunne ikke lages: {e}"))
            .hint("forrige versjon av nettstedet er urørt; meld fra om feilen")
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    runtime.block_on(async {
        let config = pagefind::options::PagefindServiceConfig::builder().force_language(language.to_string()).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(|e| fail(e.to_string()))?;
        for record in records {
            let (meta, filters, sort) = fields(record);
            index
                .add_custom_record(
                    record.url.clone(),
                    record.text.clone(),
                    language.to_string(),
                    Some(meta),
                    Some(filters),
                    Some(sort),
                )
                .await
                .map_err(|e| fail(format!("{}: {e}", record.url)))?;
        }
        let files = index.get_files().await.map_err(|e| fail(e.to_string()))?;
        Ok(files
            .into_iter()
            .filter(|f| {
                // Our own search UI uses the JavaScript API; Pagefind's ready-made UIs are not shipped.
                let name = f.filename.to_string_lossy();
                !(name.contains("-ui.") || name.starts_with("pagefind-highlight") || name.starts_with("playground"))
            })
            .map(|f| OutputFile {
                path: format!("{BUNDLE_DIR}/{}", f.filename.to_string_lossy().replace('\\', "/")),
                content: FileContent::Bytes(f.contents),
            })
            .collect())
    })
}

type Fields = (BTreeMap<String, String>, BTreeMap<String, Vec<String>>, BTreeMap<String, String>);

fn fields(record: &SearchRecord) -> Fields {
    let mut meta = BTreeMap::new();
    meta.insert("title".to_string(), record.title.clone());
    meta.insert("sammendrag".to_string(), record.summary.clone());
    meta.insert("type".to_string(), record.kind_label.to_string());
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
