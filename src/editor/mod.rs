//! Forms for the coordinator: the editor at `/admin/` (Decap CMS, shipped with the built-in
//! theme), configured from the content types, saving through the preview's local API or, on the
//! published site, to a git host. The files stay the single source of truth.

pub mod config;
pub mod fields;
pub mod local;
pub mod merge;
pub mod order;

use crate::content::raw::RawSite;
use crate::model::Editing;
use crate::output::OutputFile;
pub use fields::Choices;
use std::path::Path;

/// The folder of the editor in the site, and in the built-in theme.
pub const DIR: &str = crate::model::sections::EDITOR;

/// What the form can pick from, read from `nettsted.yaml` as it is now; nothing to pick from
/// when it cannot be read (the form then still opens, and `check` tells what is wrong).
pub fn choices(content: &Path) -> Choices {
    let text = std::fs::read_to_string(content.join("nettsted.yaml")).unwrap_or_default();
    let site: Option<RawSite> = yaml_serde::from_str(&text).ok();
    let municipalities = site
        .and_then(|s| s.kommuner)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|m| {
            let id = m.id?.as_str().trim().to_string();
            let name = m.navn.map(|n| n.as_str().trim().to_string()).unwrap_or_else(|| id.clone());
            Some((id, name))
        })
        .collect();
    Choices { municipalities }
}

/// The editor's own files (page, script, the packages it is made of), by path in the site, from
/// the files of the built-in theme (`render::templates::built_in_files`).
pub fn static_files(theme: Vec<(String, &'static [u8])>) -> Vec<(String, &'static [u8])> {
    theme.into_iter().filter(|(path, _)| path.starts_with(&format!("{DIR}/")) && !path.ends_with("/PAKKER")).collect()
}

/// The editor for the published site, saving to the git host of `redigering`; `theme` as for
/// [`static_files`].
pub fn published(
    editing: &Editing,
    choices: &Choices,
    base_url: &str,
    theme: Vec<(String, &'static [u8])>,
) -> Vec<OutputFile> {
    let config = config::config(config::Backend::Team(editing), choices, base_url);
    let mut files: Vec<OutputFile> =
        static_files(theme).into_iter().map(|(path, bytes)| OutputFile::bytes(&path, bytes.to_vec())).collect();
    files.push(OutputFile::bytes(format!("{DIR}/config.yml"), config::to_yaml(&config).into_bytes()));
    files
}
