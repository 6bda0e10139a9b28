//! Loading: walk the content folder, read each file (UTF-8, with or without BOM, LF or
//! CRLF), and split Markdown files into front matter and body.

use super::chars;
use super::yaml::Source;
use crate::diagnostics::{Diagnostic, codes, io_words};
pub use crate::model::sections::Section;
use crate::rules::slug::slugify;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use walkdir::WalkDir;

/// One content file, read and split.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content folder.
    pub rel_path: PathBuf,
    /// The text, without BOM, with LF line ends.
    pub text: String,
    /// The slug from the file name.
    pub slug: String,
    yaml: std::ops::Range<usize>,
    line_offset: usize,
    /// The Markdown body (empty for .yaml files).
    pub body: String,
    /// Whether the file is Markdown with front matter (rather than plain YAML).
    pub is_markdown: bool,
    /// Size and time of change when read, to tell whether a later load may reuse it.
    stamp: Option<Stamp>,
}

/// What says a file is unchanged since it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp { len: m.len(), modified: m.modified().ok() })
    }
}

/// Files of an earlier load, kept by the preview server so that a save reads again only
/// the files that changed.
#[derive(Debug, Default)]
pub struct ReadCache {
    files: std::collections::HashMap<PathBuf, SourceFile>,
    listing: Option<Listing>,
}

impl ReadCache {
    /// Keeps the files of a load for the next one.
    pub fn keep(&mut self, loaded: Loaded) {
        self.files.clear();
        let files = loaded.items.into_iter().map(|(_, f)| f).chain(loaded.site).chain(loaded.suppliers);
        self.files.extend(files.map(|f| (f.rel_path.clone(), f)));
    }

    /// The kept file at `rel`, if it is still as it was when read (`trusted`: if it is not in
    /// `changed`). Files named in `changed` are always read again: two saves within the
    /// clock's tick can leave size and time alike.
    fn take(
        &mut self,
        rel: &Path,
        now: Option<Stamp>,
        changed: &HashSet<PathBuf>,
        trusted: bool,
    ) -> Option<SourceFile> {
        let file = self.files.remove(rel)?;
        (!changed.contains(rel) && (trusted || (now.is_some() && file.stamp == now))).then_some(file)
    }
}

impl SourceFile {
    /// When the file was last changed, as it was read.
    pub fn modified(&self) -> Option<SystemTime> {
        self.stamp.and_then(|s| s.modified)
    }

    /// The YAML part, for parsing and for locating keys.
    pub fn source(&self) -> Source<'_> {
        Source {
            path: &self.rel_path,
            yaml: &self.text[self.yaml.clone()],
            line_offset: self.line_offset,
            file_text: &self.text,
        }
    }
}

/// Everything read from the content folder, before validation.
#[derive(Debug, Default)]
pub struct Loaded {
    pub site: Option<SourceFile>,
    pub suppliers: Option<SourceFile>,
    pub items: Vec<(Section, SourceFile)>,
    /// Every other file (documents), relative to the content folder.
    pub assets: Vec<PathBuf>,
    /// The items that exist but could not be read (their section and slug): what refers to
    /// them is not also told that they do not exist.
    pub refused: Vec<(Section, String)>,
    /// Whether leverandorer.yaml exists but could not be read.
    pub suppliers_refused: bool,
}

/// Reads the content folder. Problems with single files become diagnostics; the rest is read.
pub fn load(content_dir: &Path) -> (Loaded, Vec<Diagnostic>) {
    load_with(content_dir, &mut ReadCache::default(), &HashSet::new())
}

/// Like [`load`], taking over from `earlier` the files that did not change since it read
/// them; `changed` (relative to the content folder) are read again whatever they look like.
pub fn load_with(content_dir: &Path, earlier: &mut ReadCache, changed: &HashSet<PathBuf>) -> (Loaded, Vec<Diagnostic>) {
    let mut loaded = Loaded::default();
    let mut diagnostics = Vec::new();
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::new(
                codes::NO_CONTENT_FOLDER,
                "",
                format!("fant ikke innholdsmappen {}", content_dir.display()),
            )
            .hint("kjør kommandoen fra mappen som har content/, eller oppgi mappen med --content"),
        );
        return (loaded, diagnostics);
    }
    // When every change is a plain content file, the watcher has said all there is to know:
    // the earlier listing is patched and the other files are taken over without a look.
    let (listing, trusted) = match earlier.listing.take() {
        Some(listing) if changed.iter().all(|rel| is_plain_item(content_dir, rel)) => {
            (listing.patched(content_dir, changed), true)
        }
        _ => (walk(content_dir), false),
    };
    loaded.assets = listing.assets.clone();
    diagnostics.extend(listing.diagnostics.iter().cloned());
    let stamps: Vec<Option<Stamp>> = if earlier.files.is_empty() || trusted {
        vec![None; listing.candidates.len()]
    } else {
        listing.candidates.par_iter().map(|(_, rel)| Stamp::of(&content_dir.join(rel))).collect()
    };
    let candidates: Vec<(Option<Section>, &PathBuf, Option<SourceFile>)> = listing
        .candidates
        .iter()
        .zip(stamps)
        .map(|((section, rel), now)| (*section, rel, earlier.take(rel, now, changed, trusted)))
        .collect();
    earlier.files.clear();
    let read: Vec<(Option<Section>, Result<SourceFile, Diagnostic>)> = candidates
        .into_par_iter()
        .filter_map(|(section, rel, kept)| {
            if let Some(file) = kept {
                return Some((section, Ok(file)));
            }
            let markdown = rel.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
            let file = read_file(content_dir, rel, markdown);
            // Deleted between the listing and the reading (a save while the preview rebuilds):
            // the file is simply gone, not unreadable. (A broken link still exists as a link.)
            let vanished = file.is_err()
                && std::fs::symlink_metadata(content_dir.join(rel))
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound);
            (!vanished).then_some((section, file))
        })
        .collect();
    for (section, file) in read {
        let file = match file {
            Ok(f) => f,
            Err(d) => {
                match section {
                    Some(s) => loaded.refused.push((s, slug_of(&d.path))),
                    None if d.path == Path::new("nettsted.yaml") => {}
                    None => loaded.suppliers_refused = true,
                }
                diagnostics.push(d);
                continue;
            }
        };
        match section {
            Some(s) => loaded.items.push((s, file)),
            None if file.rel_path == Path::new("nettsted.yaml") => loaded.site = Some(file),
            None => loaded.suppliers = Some(file),
        }
    }
    earlier.listing = Some(listing);
    if loaded.site.is_none() && !diagnostics.iter().any(|d| d.path == Path::new("nettsted.yaml")) {
        diagnostics.push(
            Diagnostic::new(
                codes::NO_SETTINGS,
                "nettsted.yaml",
                "fant ikke nettsted.yaml, filen med innstillingene for nettstedet",
            )
            .hint("lag content/nettsted.yaml med minst tittel, base_url, vertskommune, kommuner og kategorier"),
        );
    }
    (loaded, diagnostics)
}

/// The files of the content folder, sorted as walked: items to read, and documents.
#[derive(Debug, Default)]
struct Listing {
    candidates: Vec<(Option<Section>, PathBuf)>,
    assets: Vec<PathBuf>,
    /// What the walk found wrong (unreadable folders, hidden files, loose pages).
    diagnostics: Vec<Diagnostic>,
}

impl Listing {
    /// The listing with `changed` content files added or removed, as they now exist.
    fn patched(mut self, content_dir: &Path, changed: &HashSet<PathBuf>) -> Listing {
        for rel in changed {
            let at = self.candidates.binary_search_by(|(_, c)| c.cmp(rel));
            let exists = content_dir.join(rel).is_file();
            match (at, exists) {
                (Err(i), true) => self.candidates.insert(i, (item_section(rel), rel.clone())),
                (Ok(i), false) => {
                    self.candidates.remove(i);
                }
                _ => {}
            }
        }
        self
    }
}

/// The section of a content item at `rel`, `None` for the two settings files.
fn item_section(rel: &Path) -> Option<Section> {
    rel.components()
        .next()
        .and_then(|c| Section::ALL.into_iter().find(|s| c.as_os_str() == s.dir()))
        .filter(|_| rel.components().count() > 1)
}

/// Whether `rel` is, or was until it was deleted, a plain file a walk would list as an item
/// to read: then a listing can be patched instead of walking the folder again.
fn is_plain_item(content_dir: &Path, rel: &Path) -> bool {
    let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let hidden = rel.components().any(|c| is_skipped(&c.as_os_str().to_string_lossy()));
    let named =
        item_section(rel).is_some() || rel == Path::new("nettsted.yaml") || rel == Path::new("leverandorer.yaml");
    let plain = match std::fs::symlink_metadata(content_dir.join(rel)) {
        Ok(meta) => meta.file_type().is_file(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    };
    matches!(ext.as_str(), "md" | "yaml" | "yml") && !hidden && named && plain
}

/// Whether a file or folder of this name is passed by: hidden files and folders (`.skjema`),
/// and the files editors write beside the one being saved (backups `a.md~`, locks `.#a.md`,
/// autosaves `#a.md#`, swap files `.a.md.swp`, vim's probe `4913`, half-written downloads).
/// The walk never reads them, and the preview's watcher never rebuilds for them.
pub fn is_skipped(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload"].iter().any(|ext| name.ends_with(ext))
}

/// Walks the content folder.
fn walk(content_dir: &Path) -> Listing {
    let mut diagnostics = Vec::new();
    let mut assets = Vec::new();
    let mut candidates: Vec<(Option<Section>, PathBuf)> = Vec::new();
    let mut walker = WalkDir::new(content_dir).follow_links(true).sort_by_file_name().into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel =
                    e.path().and_then(|p| p.strip_prefix(content_dir).ok()).unwrap_or(Path::new("")).to_path_buf();
                let (code, message) = if e.loop_ancestor().is_some() {
                    (codes::LINK_LOOP, "mappen lenker til seg selv (en symbolsk lenke i ring)".to_string())
                } else {
                    (
                        codes::UNREADABLE,
                        format!("kan ikke leses: {}", e.io_error().map(io_words).unwrap_or("ukjent feil")),
                    )
                };
                diagnostics
                    .push(Diagnostic::new(code, rel, message).hint("fjern lenken eller gi lesetilgang til filen"));
                continue;
            }
        };
        let Ok(rel) = entry.path().strip_prefix(content_dir) else { continue };
        // A link to a file or folder outside content/ is refused, whatever it leads to: what
        // is published is what lies in content/.
        if entry.path_is_symlink() && !inside(content_dir, entry.path()) {
            diagnostics.push(
                Diagnostic::new(
                    codes::LINK_OUTSIDE,
                    rel,
                    "filen er en symbolsk lenke til et sted utenfor content-mappen, og blir ikke med",
                )
                .hint("legg selve filen (eller en kopi) i content/ i stedet for en lenke"),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let is_item_name = [".md", ".yaml", ".yml"].iter().any(|ext| name.to_ascii_lowercase().ends_with(ext));
        if entry.depth() > 0 && is_skipped(&name) {
            if entry.file_type().is_file() && is_item_name && name.starts_with('.') && !name.starts_with(".#") {
                diagnostics.push(
                    Diagnostic::new(
                        codes::HIDDEN_FILE,
                        rel,
                        "filen begynner med punktum og blir derfor ikke med på nettstedet",
                    )
                    .hint("fjern punktumet foran filnavnet hvis filen skal med"),
                );
            }
            if entry.file_type().is_dir() {
                // Hidden folders (such as .skjema) are not content; skip what is inside.
                walker.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() && is_item_name {
            diagnostics.push(
                Diagnostic::new(
                    codes::FOLDER_NAMED_LIKE_FILE,
                    rel,
                    "dette er en mappe med navn som en innholdsfil, og den leses ikke som en fil",
                )
                .hint("gi mappen et annet navn, eller legg filen der mappen står"),
            );
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = rel.to_path_buf();
        let section = item_section(&rel);
        let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let is_item = matches!(ext.as_str(), "md" | "yaml" | "yml");
        match (section, is_item) {
            (Some(s), true) => candidates.push((Some(s), rel)),
            (None, true) if rel == Path::new("nettsted.yaml") || rel == Path::new("leverandorer.yaml") => {
                candidates.push((None, rel))
            }
            (None, true) if ext == "md" && rel.components().count() == 1 => diagnostics.push(
                Diagnostic::new(
                    codes::LOOSE_PAGE,
                    &rel,
                    "filen ligger ikke i en seksjonsmappe og blir ikke med på nettstedet",
                )
                .hint("frie sider hører hjemme i content/sider/"),
            ),
            _ => assets.push(rel),
        }
    }
    Listing { candidates, assets, diagnostics }
}

/// Whether `path` (a link) leads to a place inside `content_dir`.
fn inside(content_dir: &Path, path: &Path) -> bool {
    match (path.canonicalize(), content_dir.canonicalize()) {
        (Ok(target), Ok(content)) => target.starts_with(content),
        // A broken link leads nowhere; reading it reports it.
        (Err(_), Ok(_)) => true,
        _ => false,
    }
}

/// The largest content file read; anything bigger is surely a mistake.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A content file's slug: its name without the extension, as an address.
fn slug_of(rel: &Path) -> String {
    slugify(&rel.file_stem().map(|s| s.to_string_lossy()).unwrap_or_default())
}

/// Reads one file and splits it.
pub fn read_file(content_dir: &Path, rel: &Path, markdown: bool) -> Result<SourceFile, Diagnostic> {
    if let Ok(meta) = std::fs::metadata(content_dir.join(rel))
        && meta.len() > MAX_FILE_BYTES
    {
        return Err(Diagnostic::new(
            codes::TOO_LARGE,
            rel,
            format!("filen er {} MB; en innholdsfil kan være høyst {} MB", meta.len() / 1_000_000, MAX_FILE_BYTES / 1024 / 1024),
        )
        .hint("store dokumenter legges i dokumenter/ og lenkes fra `dokumenter`; sjekk at filen ikke er limt inn ved en feil"));
    }
    let stamp = Stamp::of(&content_dir.join(rel));
    let bytes = std::fs::read(content_dir.join(rel)).map_err(|e| {
        Diagnostic::new(codes::UNREADABLE, rel, format!("filen kan ikke leses: {}", io_words(&e)))
            .hint("sjekk at filen finnes og at du har lesetilgang")
    })?;
    let text = decode(rel, bytes)?;
    if let Some((line, column, c)) = chars::first_forbidden(&text) {
        return Err(Diagnostic::new(
            codes::CONTROL_CHARACTER,
            rel,
            format!("filen har et usynlig styretegn ({}) på linje {line}, kolonne {column}", chars::name(c)),
        )
        .at(line, column)
        .hint("slett tegnet og skriv teksten rundt på nytt (det kommer ofte med når tekst limes inn fra et annet program)")
        .with_source(&text));
    }
    let slug = slug_of(rel);
    if !markdown {
        return Ok(SourceFile {
            rel_path: rel.to_path_buf(),
            yaml: 0..text.len(),
            text,
            slug,
            line_offset: 0,
            body: String::new(),
            is_markdown: false,
            stamp,
        });
    }
    let (yaml, body) = split_front_matter(&text).ok_or_else(|| unsplit(rel, &text))?;
    let body = text[body].to_string();
    Ok(SourceFile { rel_path: rel.to_path_buf(), yaml, text, slug, line_offset: 1, body, is_markdown: true, stamp })
}

/// Splits `---\n<yaml>---\n<body>` into byte ranges of the YAML and the body.
pub fn split_front_matter(text: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = first_end + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((yaml_start..offset, offset + line.len()..text.len()));
        }
        offset += line.len();
    }
    None
}

/// Why a .md file has no keys between two `---` lines, at the line to fix: an empty file, a
/// missing first `---`, or a missing closing one (said after the last line that reads as a key).
fn unsplit(rel: &Path, text: &str) -> Diagnostic {
    if text.trim().is_empty() {
        return Diagnostic::new(codes::NO_FRONT_MATTER, rel, "filen er tom")
            .hint("skriv minst `---`, `tittel: ...` og `---` på hver sin linje, eller slett filen");
    }
    let starts = text.lines().next().is_some_and(|l| l.trim_end() == "---");
    if !starts {
        return Diagnostic::new(
            codes::NO_FRONT_MATTER,
            rel,
            "filen begynner ikke med nøklene mellom to linjer med `---`",
        )
        .at(1, 1)
        .hint("har du glemt `---`? Filen må begynne med en linje `---`, så nøklene, så `---` igjen")
        .with_source(text);
    }
    // A key (`tittel: ...`), a line of a list or of an indented block, a comment or a blank
    // line belongs to the keys; the first other line is where the text begins.
    let is_key =
        |l: &str| l.split_once(':').is_some_and(|(k, _)| !k.is_empty() && !k.contains(' ') && !k.starts_with('#'));
    let belongs = |l: &str| l.trim().is_empty() || l.starts_with([' ', '\t', '-', '#']) || is_key(l);
    let lines: Vec<&str> = text.lines().collect();
    let text_starts = lines.iter().skip(1).position(|l| !belongs(l)).map(|i| i + 1);
    let last_key = lines[..text_starts.unwrap_or(lines.len())].iter().rposition(|l| !l.trim().is_empty()).unwrap_or(0);
    let hint = if last_key == 0 {
        "avslutt nøklene med en linje som bare har `---`, og skriv teksten under den".to_string()
    } else {
        format!(
            "sett inn en linje med bare `---` etter linje {} (`{}`), før teksten",
            last_key + 1,
            lines[last_key].trim()
        )
    };
    Diagnostic::new(codes::NO_FRONT_MATTER, rel, "linjen `---` som avslutter nøklene øverst i filen, mangler")
        .at(last_key + 2, 1)
        .hint(hint)
        .with_source(text)
}

/// UTF-8 with or without BOM; CRLF becomes LF. Anything else is refused with the line of the first bad byte.
fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text }),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid - bytes[..valid].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
            let byte = bytes.get(valid).copied().unwrap_or(0);
            let what = match byte {
                0xE6 => "«æ»",
                0xF8 => "«ø»",
                0xE5 => "«å»",
                0xC6 | 0xD8 | 0xC5 => "en stor Æ, Ø eller Å",
                0x92 | 0x93 | 0x94 | 0x96 => "et typografisk tegn fra Word (som “ ” eller –)",
                _ => "et tegn",
            };
            // The line as far as it can be read, so she sees where.
            let start = bytes[..valid].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let shown = String::from_utf8_lossy(&bytes[start..valid]).trim().to_string();
            Err(Diagnostic::new(
                codes::NOT_UTF8,
                rel,
                format!(
                    "filen er lagret med feil tegnkoding, så {what} på linje {line}, kolonne {column} kan ikke leses (rett etter «{shown}»)"
                ),
            )
            .at(line, column)
            .hint("åpne filen, velg «Lagre som» og sett tegnkoding (koding) til UTF-8 før du lagrer; i Notisblokk står valget ved siden av Lagre-knappen"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntittel: A\n---\n# Body\n";
        let (yaml, body) = split_front_matter(text).unwrap();
        assert_eq!(&text[yaml], "tittel: A\n");
        assert_eq!(&text[body], "# Body\n");
        assert!(split_front_matter("tittel: A\n").is_none());
        assert!(split_front_matter("---\ntittel: A\n").is_none());
    }

    #[test]
    fn decodes_bom_and_crlf_and_refuses_latin1() {
        let ok = decode(Path::new("a.md"), b"\xEF\xBB\xBF---\r\na: b\r\n".to_vec()).unwrap();
        assert_eq!(ok, "---\na: b\n");
        let err = decode(Path::new("a.md"), b"---\ntittel: M\xF8bler\n".to_vec()).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.message.contains("«ø» på linje 2, kolonne 10") && err.message.contains("«tittel: M»"),
            "{}",
            err.message
        );
    }
}
