//! The pipeline, as a recipe: load -> validate -> resolve -> views -> pages | exports | search
//! records -> write. `build`, `check` and the preview all go through [`Pipeline`]; the preview
//! keeps what it read and checked between saves ([`Kept`]), a build keeps nothing.

mod write;

pub use write::{Written, write_site};

use crate::Options;
use crate::content::load::{self, ReadCache};
use crate::content::validate::{self, Memo};
use crate::diagnostics::{Diagnostic, Diagnostics, codes};
use crate::model::{BaseUrl, Model};
use crate::render::Pages;
use crate::render::templates::Theme;
use crate::render::views::Views;
use crate::site::Site;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::PathBuf;

/// The stages of a run over one site.
pub struct Pipeline<'a> {
    options: &'a Options,
    today: NaiveDate,
}

/// What the preview keeps from one run to the next: the files as read (read again only when
/// they changed) and each item as checked (checked again only when its text or what it refers
/// to changed).
#[derive(Default)]
pub struct Kept {
    read: ReadCache,
    checked: Memo,
}

impl Kept {
    /// Forgets what was checked, so every item is checked again (something beside the items
    /// changed, such as a document).
    pub fn forget_checks(&mut self) {
        self.checked.forget();
    }
}

impl<'a> Pipeline<'a> {
    pub fn new(options: &'a Options) -> Pipeline<'a> {
        Pipeline { options, today: options.today.unwrap_or_else(crate::today_in_oslo) }
    }

    /// The day statuses are computed for.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// Load -> validate: the model (whenever the settings could be read) and every diagnostic.
    /// With `kept`, files and items unchanged since the last run are taken over; `changed`
    /// (relative to the content folder) are read again whatever they look like.
    pub fn model(&self, kept: Option<&mut Kept>, changed: &HashSet<PathBuf>) -> (Option<Model>, Diagnostics) {
        let mut diagnostics = Diagnostics::default();
        let mut fresh = Kept::default();
        let keep = kept.is_some();
        let kept = kept.unwrap_or(&mut fresh);
        let (loaded, found) = load::load_with(&self.options.content, &mut kept.read, changed);
        diagnostics.extend(found);
        let memo = keep.then_some(&mut kept.checked);
        let (model, found) = validate::validate_with(&loaded, &self.options.content, self.today, memo);
        diagnostics.extend(found);
        // Only the preview reads again; a build or check is done with the files here.
        if keep {
            kept.read.keep(loaded);
        }
        // A build dates items by their history (the preview shows the edits being made, by
        // the file system's time).
        let mut model = model;
        if !keep
            && let Some(model) = model.as_mut()
            && let Some(times) = crate::content::history::commit_times(&self.options.content)
        {
            crate::content::history::date_by_history(model, &times);
        }
        let model = match (model, &self.options.base_url) {
            (Some(mut model), Some(url)) => match BaseUrl::parse(url) {
                Ok(url) => {
                    model.settings.base_url = url;
                    Some(model)
                }
                Err(why) => {
                    diagnostics.push(
                        Diagnostic::new(codes::BAD_BASE_URL, "--base-url", format!("`{url}` kan ikke brukes: {why}"))
                            .hint("skriv adressen nettstedet publiseres på, for eksempel https://innkjop.kommune.no/")
                            .outside_content(),
                    );
                    None
                }
            },
            (model, _) => model,
        };
        (model, diagnostics)
    }

    /// The theme's templates, compiled, and its static files.
    pub fn theme(&self) -> Result<Theme, Vec<Diagnostic>> {
        Theme::load(&self.options.theme_source())
    }

    /// Resolve -> views: the site on its day, with every page ready to render.
    pub fn pages(&self, model: Model, theme: Theme) -> Pages {
        let site = Site::resolve(model, self.today);
        let views =
            Views::build(&site, &crate::render::views::Urls { root: site.model.settings.base_url.path().into() });
        Pages::new(site, views, theme)
    }

    /// Load -> validate -> resolve -> views, for a build: `None` when there is any error.
    pub fn prepare(&self) -> (Option<Pages>, Diagnostics) {
        let (model, mut diagnostics) = self.model(None, &HashSet::new());
        let theme = self.theme().map_err(|errors| diagnostics.extend(errors)).ok();
        match (model, theme, diagnostics.has_errors()) {
            (Some(model), Some(theme), false) => (Some(self.pages(model, theme)), diagnostics),
            _ => (None, diagnostics),
        }
    }
}
