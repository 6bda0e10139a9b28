//! The editor's local API, as the editor's own file server speaks it (`POST` with an `action`
//! and its `params`), answered by the preview itself: the coordinator needs no Node and no git.
//! It reads and writes only the content files the forms edit and the documents folder, never a
//! path outside `content/`, and never over a file changed on disk since the form loaded it.

use crate::format::content_hash;
use crate::model::sections::Section;
use crate::rules::slug::slugify;
use base64::Engine;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The folder every path of the editor starts with; it stands for the content folder.
const CONTENT: &str = "content";
/// The files of the site the forms edit besides the items.
const SETTINGS_FILES: [&str; 2] = ["nettsted.yaml", "leverandorer.yaml"];
/// What may be put in the documents folder: documents, spreadsheets and pictures; never a
/// page or a script, which the site would serve as its own.
const DOCUMENT_EXTENSIONS: [&str; 16] = [
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "csv", "txt", "png", "jpg", "jpeg", "gif",
];

/// A refused or failed request: the HTTP status and the message the editor shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    fn refused(message: impl Into<String>) -> ApiError {
        ApiError { status: 403, message: message.into() }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError { status: 422, message: message.into() }
    }
    fn conflict(message: impl Into<String>) -> ApiError {
        ApiError { status: 409, message: message.into() }
    }
    fn io(path: &str, e: &std::io::Error) -> ApiError {
        ApiError { status: 500, message: format!("{path}: {}", crate::diagnostics::io_words(e)) }
    }
}

/// The content folder the editor works in, and what each file looked like when the editor
/// last read it.
#[derive(Debug)]
pub struct Workspace {
    content: PathBuf,
    seen: Mutex<HashMap<String, String>>,
}

/// What a path of the editor may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Item,
    Settings,
    Document,
}

impl Workspace {
    pub fn new(content: &Path) -> Workspace {
        Workspace { content: content.to_path_buf(), seen: Mutex::new(HashMap::new()) }
    }

    /// The content folder.
    pub fn content(&self) -> &Path {
        &self.content
    }

    /// Answers one request of the editor.
    pub fn handle(&self, body: &Value) -> Result<Value, ApiError> {
        let action = body.get("action").and_then(Value::as_str).unwrap_or_default();
        let params = body.get("params").cloned().unwrap_or(Value::Null);
        let text = |key: &str| params.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        match action {
            "info" => Ok(json!({"repo": "innhold", "publish_modes": ["simple"], "type": "local_fs"})),
            "entriesByFolder" => self.entries_in(&text("folder"), &text("extension")),
            "entriesByFiles" => {
                let files = params.get("files").and_then(Value::as_array).cloned().unwrap_or_default();
                files
                    .iter()
                    .map(|f| self.entry(f.get("path").and_then(Value::as_str).unwrap_or_default()))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            "getEntry" => self.entry(&text("path")),
            "persistEntry" => self.persist(&params),
            "getMedia" => self.media(&text("mediaFolder")),
            "getMediaFile" => self.media_file(&text("path")),
            "persistMedia" => {
                let asset = params.get("asset").cloned().unwrap_or(Value::Null);
                self.write_asset(&asset)?;
                self.media_file(asset.get("path").and_then(Value::as_str).unwrap_or_default())
            }
            "deleteFile" => self.delete(&text("path")).map(|_| json!({"message": "slettet"})),
            "deleteFiles" => {
                let paths = params.get("paths").and_then(Value::as_array).cloned().unwrap_or_default();
                for path in &paths {
                    self.delete(path.as_str().unwrap_or_default())?;
                }
                Ok(json!({"message": "slettet"}))
            }
            "getDeployPreview" => Ok(Value::Null),
            "innkjop_merknader" => self.remarks(&text("path")),
            other => Err(ApiError::bad(format!("ukjent handling `{other}`"))),
        }
    }

    /// Checks a path of the editor (`content/rammeavtaler/x.md`) and gives where it is on disk.
    fn resolve(&self, path: &str, writing: bool) -> Result<(PathBuf, Kind), ApiError> {
        let refuse = |why: &str| Err(ApiError::refused(format!("`{path}`: {why}")));
        let rel = Path::new(path);
        let mut parts = Vec::new();
        for component in rel.components() {
            match component {
                Component::Normal(part) => match part.to_str() {
                    Some(p) if !p.starts_with('.') && !p.contains(['\\', '\0', ':']) => parts.push(p),
                    _ => return refuse("skjemaene skriver ikke skjulte filer eller navn med \\ eller :"),
                },
                _ => return refuse("stien må være relativ og uten `..`"),
            }
        }
        let Some((first, rest)) = parts.split_first() else { return refuse("tom sti") };
        if *first != CONTENT || rest.is_empty() {
            return refuse("skjemaene leser og skriver bare i content/");
        }
        let extension = |name: &str| name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let kind = match rest {
            [file] if SETTINGS_FILES.contains(file) => Kind::Settings,
            [dir, file] if Section::ALL.iter().any(|s| s.dir() == *dir) && extension(file) == "md" => Kind::Item,
            [dir, file] if *dir == crate::model::sections::DOCUMENTS => {
                if !DOCUMENT_EXTENSIONS.contains(&extension(file).as_str()) {
                    return refuse(&format!("dokumenter kan være {}", DOCUMENT_EXTENSIONS.join(", ")));
                }
                Kind::Document
            }
            _ => {
                return refuse(
                    "skjemaene skriver bare innholdsfilene, nettsted.yaml, leverandorer.yaml og dokumenter/",
                );
            }
        };
        if writing && kind == Kind::Item {
            let stem = rest[1].trim_end_matches(".md");
            if slugify(stem) != stem {
                return Err(ApiError::bad(format!(
                    "filnavnet `{stem}.md` følger ikke reglene for adresser; det ville blitt `{}.md`",
                    slugify(stem)
                )));
            }
        }
        let on_disk = rest.iter().fold(self.content.clone(), |p, part| p.join(part));
        self.stays_inside(&on_disk, path)?;
        Ok((on_disk, kind))
    }

    /// Refuses a path that leaves the content folder through a link: the file itself, or a
    /// folder on the way.
    fn stays_inside(&self, on_disk: &Path, path: &str) -> Result<(), ApiError> {
        let outside = || ApiError::refused(format!("`{path}` peker ut av content/ (en snarvei)"));
        if on_disk.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(outside());
        }
        let root = self.content.canonicalize().map_err(|e| ApiError::io(CONTENT, &e))?;
        let mut folder = on_disk.parent();
        while let Some(dir) = folder {
            if let Ok(real) = dir.canonicalize() {
                return if real.starts_with(&root) { Ok(()) } else { Err(outside()) };
            }
            folder = dir.parent();
        }
        Err(outside())
    }

    fn entries_in(&self, folder: &str, extension: &str) -> Result<Value, ApiError> {
        let entries = self
            .files_in(folder, extension)?
            .iter()
            .filter(|path| path.ends_with(&format!(".{extension}")))
            .filter_map(|path| self.entry(path).ok())
            .collect();
        Ok(Value::Array(entries))
    }

    /// The visible files of a folder of the editor, as editor paths in name order; `probe_extension`
    /// is one the folder may hold, for checking the folder itself.
    fn files_in(&self, folder: &str, probe_extension: &str) -> Result<Vec<String>, ApiError> {
        let folder = folder.trim_end_matches('/');
        let (probe, _) = self.resolve(&format!("{folder}/x.{probe_extension}"), false)?;
        let dir = probe.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        Ok(names.into_iter().map(|name| format!("{folder}/{name}")).collect())
    }

    fn entry(&self, path: &str) -> Result<Value, ApiError> {
        let (file, _) = self.resolve(path, false)?;
        match std::fs::read(&file) {
            Ok(bytes) => {
                let id = content_hash(&bytes);
                self.seen.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_string(), id.clone());
                Ok(json!({"data": String::from_utf8_lossy(&bytes), "file": {"path": path, "id": id}}))
            }
            Err(_) => Ok(json!({"data": null, "file": {"path": path, "id": null}})),
        }
    }

    /// Writes an entry (and the documents saved with it), unless its file changed on disk
    /// since the editor read it, or is new but already exists.
    fn persist(&self, params: &Value) -> Result<Value, ApiError> {
        let files: Vec<Value> = match params.get("dataFiles").and_then(Value::as_array) {
            Some(files) => files.clone(),
            None => params.get("entry").cloned().into_iter().collect(),
        };
        let mut planned = Vec::new();
        for file in &files {
            let path = file.get("path").and_then(Value::as_str).unwrap_or_default();
            let raw = file.get("raw").and_then(Value::as_str).ok_or_else(|| ApiError::bad("mangler innholdet"))?;
            if file.get("newPath").is_some_and(|p| !p.is_null()) {
                return Err(ApiError::bad("skjemaene flytter ikke filer; lag en ny og slett den gamle"));
            }
            let (on_disk, kind) = self.resolve(path, true)?;
            self.unchanged_since_read(path, &on_disk)?;
            // The supplier list is a list, not keys: the form's text is written as it is.
            let raw = match std::fs::read_to_string(&on_disk) {
                Ok(old) if kind == Kind::Item || path.ends_with("nettsted.yaml") => {
                    super::merge::keep_unchanged(&old, raw, kind == Kind::Item)
                }
                _ => raw.to_string(),
            };
            planned.push((path.to_string(), on_disk, raw));
        }
        let assets = params.get("assets").and_then(Value::as_array).cloned().unwrap_or_default();
        for asset in &assets {
            self.resolve(asset.get("path").and_then(Value::as_str).unwrap_or_default(), true)?;
        }
        for asset in &assets {
            self.write_asset(asset)?;
        }
        for (path, on_disk, raw) in planned {
            write(&on_disk, raw.as_bytes()).map_err(|e| ApiError::io(&path, &e))?;
            self.seen.lock().unwrap_or_else(|e| e.into_inner()).insert(path, content_hash(raw.as_bytes()));
        }
        Ok(json!({"message": "lagret"}))
    }

    /// A file the editor read must be as it read it; a file it did not read must not exist.
    fn unchanged_since_read(&self, path: &str, on_disk: &Path) -> Result<(), ApiError> {
        let now = std::fs::read(on_disk).ok().map(|b| content_hash(&b));
        let then = self.seen.lock().unwrap_or_else(|e| e.into_inner()).get(path).cloned();
        match (then, now) {
            (Some(then), Some(now)) if then != now => Err(ApiError::conflict(format!(
                "{path} er endret på disken etter at skjemaet åpnet den. Det du skrev er ikke lagret: \
                 last siden på nytt for å se endringen, og skriv inn din på nytt."
            ))),
            (None, Some(_)) => Err(ApiError::conflict(format!(
                "{path} finnes fra før. Velg en annen tittel, eller åpne den som finnes."
            ))),
            _ => Ok(()),
        }
    }

    fn write_asset(&self, asset: &Value) -> Result<(), ApiError> {
        let path = asset.get("path").and_then(Value::as_str).unwrap_or_default();
        let (on_disk, kind) = self.resolve(path, true)?;
        if kind != Kind::Document {
            return Err(ApiError::refused(format!("`{path}`: filer lastes opp bare til content/dokumenter/")));
        }
        let content = asset.get("content").and_then(Value::as_str).unwrap_or_default();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(content)
            .map_err(|_| ApiError::bad(format!("`{path}`: innholdet er ikke base64")))?;
        if let Some(dir) = on_disk.parent() {
            std::fs::create_dir_all(dir).map_err(|e| ApiError::io(path, &e))?;
        }
        write(&on_disk, &bytes).map_err(|e| ApiError::io(path, &e))
    }

    fn media(&self, folder: &str) -> Result<Value, ApiError> {
        let files = self.files_in(folder, "pdf")?.iter().filter_map(|path| self.media_file(path).ok()).collect();
        Ok(Value::Array(files))
    }

    fn media_file(&self, path: &str) -> Result<Value, ApiError> {
        let (file, _) = self.resolve(path, false)?;
        let bytes = std::fs::read(&file).map_err(|e| ApiError::io(path, &e))?;
        let name = path.rsplit('/').next().unwrap_or(path);
        Ok(json!({
            "id": content_hash(&bytes),
            "content": base64::engine::general_purpose::STANDARD.encode(&bytes),
            "encoding": "base64",
            "path": path,
            "name": name,
        }))
    }

    fn delete(&self, path: &str) -> Result<(), ApiError> {
        let (file, kind) = self.resolve(path, true)?;
        if kind == Kind::Settings {
            return Err(ApiError::refused(format!("`{path}` kan ikke slettes fra skjemaene")));
        }
        match std::fs::remove_file(&file) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(ApiError::io(path, &e)),
        }
    }

    /// What the form should say before the first save of a file: whether it has comments,
    /// which a save from the form loses.
    fn remarks(&self, path: &str) -> Result<Value, ApiError> {
        let (file, _) = self.resolve(path, false)?;
        let text = std::fs::read_to_string(file).unwrap_or_default();
        Ok(json!({"kommentarer": has_comments(&text, path.ends_with(".md"))}))
    }
}

/// Whether the YAML of a file (the front matter of a Markdown file) has a comment.
pub fn has_comments(text: &str, markdown: bool) -> bool {
    let yaml: Vec<&str> = if markdown {
        let mut lines = text.lines();
        if lines.next().map(str::trim_end) != Some("---") {
            return false;
        }
        lines.take_while(|l| l.trim_end() != "---").collect()
    } else {
        text.lines().collect()
    };
    yaml.iter().any(|line| {
        let trimmed = line.trim_start();
        trimmed.starts_with('#') || (!trimmed.contains(['"', '\'']) && trimmed.contains(" #"))
    })
}

/// Writes a file whole or not at all: into a file beside it, then renamed over it.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("fil");
    let temporary = path.with_file_name(format!(".{name}.lagres"));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests;
