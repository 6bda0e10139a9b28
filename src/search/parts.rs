//! The search index in parts: records are spread over parts by a stable hash of their
//! URL, each part is indexed on its own thread, and a part whose records did not change
//! is taken over from the previous build instead of being indexed again. The browser
//! loads the first part and merges the others into it.

use crate::format::{FNV_OFFSET, fnv1a};
use crate::output::{FileContent, OutputFile};
use crate::render::records::SearchRecord;
use serde::{Deserialize, Serialize};

/// How many records a part holds at most, before the index is split further.
/// Each part costs the browser its own metadata and filter files, so parts are few: enough
/// to keep every core busy and memory bounded on large sites.
pub const RECORDS_PER_PART: usize = 5000;
/// On a site of at most `SMALL_SITE` records, parts hold at most this many: at most eight
/// parts, each re-indexed in about a quarter of a second on one core.
pub const RECORDS_PER_SMALL_PART: usize = 500;
pub const SMALL_SITE: usize = 8 * RECORDS_PER_SMALL_PART;
/// Changes when the way a part is built changes (our records, or Pagefind's version, which
/// a test checks against Cargo.lock), so no earlier part is taken over then.
pub const FORMAT: &str = "innkjop-sok-4 pagefind-1.6.0";

/// The list of parts, read by the search page and by the next build.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub deler: Vec<ManifestPart>,
}

/// A part as the manifest lists it: which, and how many files it has, so a part with a file
/// gone from the output is not taken over.
#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct ManifestPart {
    #[serde(flatten)]
    pub entry: PartEntry,
    #[serde(default)]
    pub filer: usize,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct PartEntry {
    /// Folder of the part below the site root, ending in `/`.
    pub mappe: String,
    /// A digest of everything the part was built from.
    pub nokkel: String,
}

/// One part: where it goes, what it is built from, and its records.
pub struct Part<'a> {
    pub entry: PartEntry,
    pub records: Vec<&'a SearchRecord>,
}

impl Part<'_> {
    /// The first part carries Pagefind's script, worker and WebAssembly; the browser loads it first.
    pub fn is_primary(&self) -> bool {
        self.entry.mappe == primary_dir()
    }

    /// Whether `path` (below the site root) belongs to this part's files.
    pub fn owns(&self, path: &str) -> bool {
        let Some(rest) = path.strip_prefix(&self.entry.mappe) else { return false };
        !(self.is_primary() && (rest.starts_with("del-") || rest == super::MANIFEST_NAME))
    }
}

fn primary_dir() -> String {
    format!("{}/", super::BUNDLE_DIR)
}

/// Spreads the records over parts; empty parts are left out.
pub fn plan<'a>(records: &'a [SearchRecord], language: &str, records_per_part: usize) -> Vec<Part<'a>> {
    // An even count keeps two (or four) cores equally busy to the end.
    let count = records.len().div_ceil(records_per_part.max(1)).next_multiple_of(2).clamp(2, 64);
    let mut buckets: Vec<Vec<&SearchRecord>> = vec![Vec::new(); count];
    for record in records {
        buckets[(fnv1a(FNV_OFFSET, record.url.as_bytes()) % count as u64) as usize].push(record);
    }
    buckets
        .into_iter()
        .filter(|b| !b.is_empty())
        .enumerate()
        .map(|(i, records)| {
            let mappe = if i == 0 { primary_dir() } else { format!("{}/del-{i}/", super::BUNDLE_DIR) };
            let nokkel = digest(&[FORMAT, &mappe, language], &records);
            Part { entry: PartEntry { mappe, nokkel }, records }
        })
        .collect()
}

/// A stable digest of a part's records: equal records give an equal digest in every build.
fn digest(fixed: &[&str], records: &[&SearchRecord]) -> String {
    let mut hash = FNV_OFFSET;
    let mut add = |text: &str| {
        hash = fnv1a(hash, text.as_bytes());
        // A separator no field contains, so ("ab", "c") and ("a", "bc") differ.
        hash = fnv1a(hash, &[0xff]);
    };
    fixed.iter().for_each(|f| add(f));
    for r in records {
        for field in [&r.url, &r.title, &r.summary, &r.text] {
            add(field);
        }
        add(r.kind);
        add(r.kind_label);
        let (key, label) = r.status.clone().unwrap_or_default();
        add(&key);
        add(&label);
        add(r.date.as_deref().unwrap_or(""));
        for list in [&r.categories, &r.municipalities, &r.suppliers] {
            add(&list.len().to_string());
            list.iter().for_each(|v| add(v));
        }
    }
    format!("{hash:016x}")
}

/// The index files of an earlier build, to take unchanged parts over from.
#[derive(Debug, Default)]
pub struct Earlier {
    pub manifest: Manifest,
    /// Every file under the index folder, by path below the site root.
    pub files: Vec<OutputFile>,
}

impl Earlier {
    /// The index of a site written to `output` by an earlier build, if there is one.
    pub fn from_output(output: &std::path::Path) -> Earlier {
        let bundle = output.join(super::BUNDLE_DIR);
        let Ok(text) = std::fs::read_to_string(bundle.join(super::MANIFEST_NAME)) else {
            return Earlier::default();
        };
        let Ok(manifest) = serde_json::from_str::<Manifest>(&text) else {
            return Earlier::default();
        };
        let files = walkdir::WalkDir::new(&bundle)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let rel = e.path().strip_prefix(output).ok()?.to_string_lossy().replace('\\', "/");
                Some(OutputFile { path: rel, content: FileContent::Reuse(e.path().to_path_buf()) })
            })
            .collect();
        Earlier { manifest, files }
    }

    /// The files of `part` when the earlier build holds it unchanged and whole.
    pub fn take(&self, part: &Part) -> Option<Vec<OutputFile>> {
        let listed = self.manifest.deler.iter().find(|p| p.entry == part.entry)?;
        let files: Vec<OutputFile> = self.files.iter().filter(|f| part.owns(&f.path)).cloned().collect();
        (files.len() == listed.filer && !files.is_empty()).then_some(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(url: &str, text: &str) -> SearchRecord {
        SearchRecord {
            detail: String::new(),
            url: url.into(),
            title: "T".into(),
            summary: String::new(),
            kind: "side",
            kind_label: "Side",
            status: None,
            date: None,
            text: text.into(),
            categories: Vec::new(),
            municipalities: Vec::new(),
            suppliers: Vec::new(),
        }
    }

    #[test]
    fn a_changed_record_changes_only_its_own_part() {
        let mut records: Vec<SearchRecord> = (0..40).map(|i| record(&format!("/side-{i}/"), "tekst")).collect();
        let before: Vec<PartEntry> = plan(&records, "nb", RECORDS_PER_PART).into_iter().map(|p| p.entry).collect();
        records[7].text = "endret tekst".into();
        let after: Vec<PartEntry> = plan(&records, "nb", RECORDS_PER_PART).into_iter().map(|p| p.entry).collect();
        assert_eq!(before.len(), 2);
        let changed = before.iter().zip(&after).filter(|(b, a)| b != a).count();
        assert_eq!(changed, 1, "one part changes, the other is taken over");
        assert_eq!(before[0].mappe, "pagefind/");
        assert_eq!(before[1].mappe, "pagefind/del-1/");
    }

    /// The format names the Pagefind the index is built with, so a part made by another
    /// version is never taken over.
    #[test]
    fn the_format_names_the_pagefind_in_cargo_lock() {
        let lock = include_str!("../../Cargo.lock");
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("\nname = \"pagefind\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
            .map(|v| v.trim_end_matches('"'))
            .expect("pagefind in Cargo.lock");
        assert!(FORMAT.ends_with(&format!("pagefind-{version}")), "{FORMAT} against pagefind {version}");
    }

    #[test]
    fn the_primary_part_does_not_own_the_other_parts() {
        let records = vec![record("/a/", "x")];
        let parts = plan(&records, "nb", RECORDS_PER_PART);
        assert_eq!(parts.len(), 1, "an empty part is left out");
        assert!(parts[0].owns("pagefind/pagefind.js"));
        assert!(!parts[0].owns("pagefind/del-1/pagefind-entry.json"));
        assert!(!parts[0].owns("pagefind/deler.json"));
    }
}
