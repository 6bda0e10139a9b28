//! What the preview server remembers of the last validation: the settings and suppliers
//! with their diagnostics, and each item with its own. A file whose text is unchanged, in
//! unchanged surroundings (the ids it may refer to, the day, the CPV list, the documents),
//! is taken over rather than parsed and checked again.

use super::references::Ids;
use super::{Converted, Head, items};
use crate::content::load::{Loaded, Section, SourceFile, Stamp};
use crate::diagnostics::Diagnostic;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::PathBuf;

/// The memo; empty until the first validation that is given it.
#[derive(Default)]
pub struct Memo {
    /// The texts of `nettsted.yaml` and `leverandorer.yaml`, and what they gave.
    head: Option<(Option<String>, Option<String>, Head)>,
    surroundings: Option<Surroundings>,
    items: HashMap<PathBuf, Remembered>,
}

impl Memo {
    /// Forgets everything: the next run checks every file.
    pub fn forget(&mut self) {
        *self = Memo::default();
    }

    /// The settings and suppliers, if their files and the CPV list are as they were.
    pub(super) fn head(&self, loaded: &Loaded) -> Option<Head> {
        let (site, suppliers, head) = self.head.as_ref()?;
        let cpv_unchanged = head.cpv_source().is_none_or(|(path, stamp)| stamp.is_some() && *stamp == Stamp::of(path));
        let unchanged = loaded.site.as_ref().map(|f| &f.text) == site.as_ref()
            && loaded.suppliers.as_ref().map(|f| &f.text) == suppliers.as_ref()
            && cpv_unchanged;
        unchanged.then(|| head.clone())
    }

    pub(super) fn remember_head(&mut self, loaded: &Loaded, head: &Head) {
        let text = |f: &Option<SourceFile>| f.as_ref().map(|f| f.text.clone());
        self.head = Some((text(&loaded.site), text(&loaded.suppliers), head.clone()));
    }

    /// The remembered items, if they were checked in the same surroundings; else none.
    pub(super) fn items_around(&mut self, surroundings: &Surroundings) -> HashMap<PathBuf, Remembered> {
        let items = std::mem::take(&mut self.items);
        if self.surroundings.as_ref() == Some(surroundings) { items } else { HashMap::default() }
    }

    pub(super) fn remember_items(&mut self, surroundings: Surroundings, items: HashMap<PathBuf, Remembered>) {
        self.surroundings = Some(surroundings);
        self.items = items;
    }
}

/// One item as checked: its text and time of change, the result and the diagnostics.
pub(super) struct Remembered {
    section: Section,
    text: String,
    modified: Option<std::time::SystemTime>,
    pub(super) converted: Converted,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Remembered {
    pub(super) fn new(section: Section, file: &SourceFile, converted: &Converted, diagnostics: &[Diagnostic]) -> Self {
        Remembered {
            section,
            text: file.text.clone(),
            modified: file.modified(),
            converted: converted.clone(),
            diagnostics: diagnostics.to_vec(),
        }
    }

    /// Whether it was made from this file as it is now: the same text, changed at the same time
    /// (an item carries its time of change), in the same section.
    pub(super) fn holds(&self, section: Section, file: &SourceFile) -> bool {
        self.section == section && self.modified == file.modified() && self.text == file.text
    }
}

/// What an item's checks read besides its own file.
#[derive(PartialEq)]
pub(super) struct Surroundings {
    today: NaiveDate,
    expiring_months: u32,
    categories: Ids,
    municipalities: Ids,
    suppliers: Option<Ids>,
    names: std::sync::Arc<super::references::Names>,
    agreements: Ids,
    requirements: Ids,
    cpv: Option<(PathBuf, Option<Stamp>)>,
    assets: Vec<PathBuf>,
}

impl Surroundings {
    pub(super) fn of(ctx: &items::Context, cpv: Option<(PathBuf, Option<Stamp>)>, assets: &[PathBuf]) -> Self {
        Surroundings {
            today: ctx.today,
            expiring_months: ctx.expiring_months,
            categories: ctx.categories.clone(),
            municipalities: ctx.municipalities.clone(),
            suppliers: ctx.suppliers.clone(),
            names: ctx.names.clone(),
            agreements: ctx.agreements.clone(),
            requirements: ctx.requirements.clone(),
            cpv,
            assets: assets.to_vec(),
        }
    }
}
