//! Content: reading the coordinator's files and turning them into the validated model.

pub mod chars;
pub mod history;
pub mod load;
pub mod raw;
pub mod validate;
pub mod yaml;

use std::path::{Path, PathBuf};

/// The theme folder `tema` in `nettsted.yaml` names, relative to the content folder, when it
/// has templates. Read before a build chooses its theme; the full check of the key (and of
/// everything else in the file) is in [`validate`].
pub fn site_theme(content_dir: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(content_dir.join("nettsted.yaml")).ok()?;
    let value: yaml_serde::Value = yaml_serde::from_str(&text).ok()?;
    let theme = content_dir.join(value.get("tema")?.as_str()?.trim());
    theme.join("templates").is_dir().then_some(theme)
}
