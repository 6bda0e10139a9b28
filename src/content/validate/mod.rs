//! Validation: raw files to the checked model, every problem collected with its location.

mod check;
mod items;
mod settings;

use super::load::{Loaded, Section, SourceFile, Stamp};
use super::model::Model;
use super::raw::{RawAgreement, RawCourse, RawPage, RawPlannedPurchase, RawRequirement, RawSite, RawSupplier};
use super::yaml;
use crate::diagnostics::Diagnostic;
use crate::rules::cpv::CpvList;
use check::Check;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// URLs the generator uses itself, which a free page may not take.
const RESERVED: [&str; 16] = [
    "rammeavtaler",
    "planlagte-innkjop",
    "kurs",
    "etiske-krav",
    "sider",
    "kommuner",
    "kategorier",
    "leverandorer",
    "sok",
    "data",
    "tidslinje",
    "assets",
    "dokumenter",
    "404",
    "sitemap-xml",
    "robots-txt",
];

/// Items validated by an earlier run, kept by the preview server: an item whose text and
/// surroundings (the ids it may refer to, the day, the CPV list, the documents) are as they
/// were is taken over with its diagnostics, not parsed and checked again.
#[derive(Default)]
pub struct Memo {
    surroundings: Option<Surroundings>,
    items: HashMap<PathBuf, Remembered>,
    cpv: Option<(PathBuf, Option<Stamp>, CpvList)>,
}

impl Memo {
    /// Forgets everything: the next run checks every item.
    pub fn forget(&mut self) {
        *self = Memo::default();
    }
}

struct Remembered {
    section: Section,
    text: String,
    converted: Converted,
    diagnostics: Vec<Diagnostic>,
}

/// What an item's checks read besides its own file.
#[derive(PartialEq)]
struct Surroundings {
    today: NaiveDate,
    expiring_months: u32,
    categories: Vec<String>,
    municipalities: Vec<String>,
    suppliers: Vec<String>,
    agreements: Vec<String>,
    requirements: Vec<String>,
    cpv: Option<(PathBuf, Option<Stamp>)>,
    assets: Vec<PathBuf>,
}

/// Validates everything loaded. The model is returned whenever the settings could be read,
/// so that a caller may look at it; a build must still refuse to write when there are errors.
pub fn validate(loaded: &Loaded, content_dir: &Path, today: NaiveDate) -> (Option<Model>, Vec<Diagnostic>) {
    validate_with(loaded, content_dir, today, None)
}

/// Like [`validate`], taking over from `memo` what did not change, and remembering this run in it.
pub fn validate_with(
    loaded: &Loaded,
    content_dir: &Path,
    today: NaiveDate,
    mut memo: Option<&mut Memo>,
) -> (Option<Model>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let (raw_site, site_check) = match &loaded.site {
        Some(file) => parse::<RawSite>(file, &mut out),
        None => (None, None),
    };
    let mut settings = None;
    let mut cpv = CpvList::default();
    let mut cpv_source = None;
    if let (Some(raw), Some(mut check)) = (&raw_site, site_check) {
        settings = settings::settings(&mut check, raw);
        if let Some(list) = check.text(&raw.cpv_liste) {
            let path = content_dir.join(&list);
            let stamp = Stamp::of(&path);
            cpv_source = Some((path.clone(), stamp));
            let remembered = memo
                .as_deref_mut()
                .and_then(|m| m.cpv.take())
                .filter(|(p, s, _)| *p == path && s.is_some() && *s == stamp);
            let read = match remembered {
                Some((_, _, list)) => Ok(list),
                None => load_cpv_list(&path),
            };
            match read {
                Ok(l) => {
                    if let Some(m) = memo.as_deref_mut() {
                        m.cpv = Some((path, stamp, l.clone()));
                    }
                    cpv = l
                }
                Err(e) => check.error(
                    &check::at(&["cpv_liste"]),
                    format!("CPV-lista `{list}` kan ikke leses: {e}"),
                    Some(
                        "stien er relativ til content/; lista har samme form som eForms-lista fra DFØ (cpv.yaml)"
                            .to_string(),
                    ),
                ),
            }
        }
        out.extend(check.out);
    }
    // Every supplier id written counts for references, even one whose entry has an error:
    // the error is reported once, at the supplier, not again at each agreement.
    let mut supplier_ids = Vec::new();
    let suppliers = match &loaded.suppliers {
        Some(file) => {
            let (raw, check) = parse::<Vec<RawSupplier>>(file, &mut out);
            match (raw, check) {
                (Some(raw), Some(mut check)) => {
                    supplier_ids = raw.iter().filter_map(|s| check.text(&s.id)).collect();
                    let s = settings::suppliers(&mut check, &raw);
                    out.extend(check.out);
                    s
                }
                _ => Vec::new(),
            }
        }
        None => Vec::new(),
    };
    out.extend(check_slugs(&loaded.items));
    let slugs = |section: Section| -> Vec<String> {
        loaded.items.iter().filter(|(s, _)| *s == section).map(|(_, f)| f.slug.clone()).collect()
    };
    let Some(settings) = settings else {
        return (None, out);
    };
    let ctx = items::Context {
        content_dir,
        today,
        expiring_months: settings.expiring_months,
        categories: settings.categories.iter().map(|c| c.id.clone()).collect(),
        municipalities: settings.municipalities.iter().map(|m| m.id.clone()).collect(),
        suppliers: supplier_ids,
        agreements: slugs(Section::Agreements),
        requirements: slugs(Section::Requirements),
        cpv: &cpv,
    };
    let surroundings = Surroundings {
        today,
        expiring_months: ctx.expiring_months,
        categories: ctx.categories.clone(),
        municipalities: ctx.municipalities.clone(),
        suppliers: ctx.suppliers.clone(),
        agreements: ctx.agreements.clone(),
        requirements: ctx.requirements.clone(),
        cpv: cpv_source,
        assets: loaded.assets.clone(),
    };
    let remembered = match memo.as_deref_mut() {
        Some(m) if m.surroundings.as_ref() == Some(&surroundings) => std::mem::take(&mut m.items),
        _ => HashMap::new(),
    };
    let results: Vec<(Converted, Vec<Diagnostic>)> = loaded
        .items
        .par_iter()
        .map(|(section, file)| match remembered.get(&file.rel_path) {
            Some(r) if r.section == *section && r.text == file.text => (r.converted.clone(), r.diagnostics.clone()),
            _ => {
                let mut diagnostics = Vec::new();
                let item = convert(*section, file, &ctx, &mut diagnostics);
                (item, diagnostics)
            }
        })
        .collect();
    drop(remembered);
    if let Some(m) = memo {
        m.items = loaded
            .items
            .iter()
            .zip(&results)
            .map(|((section, file), (converted, diagnostics))| {
                let remembered = Remembered {
                    section: *section,
                    text: file.text.clone(),
                    converted: converted.clone(),
                    diagnostics: diagnostics.clone(),
                };
                (file.rel_path.clone(), remembered)
            })
            .collect();
        m.surroundings = Some(surroundings);
    }
    let mut model = Model {
        settings,
        suppliers,
        agreements: Vec::new(),
        purchases: Vec::new(),
        courses: Vec::new(),
        requirements: Vec::new(),
        pages: Vec::new(),
    };
    for (item, diagnostics) in results {
        out.extend(diagnostics);
        match item {
            Converted::Agreement(a) => model.agreements.push(a),
            Converted::Purchase(p) => model.purchases.push(p),
            Converted::Course(c) => model.courses.push(c),
            Converted::Requirement(r) => model.requirements.push(r),
            Converted::Page(p) => model.pages.push(p),
            Converted::Nothing => {}
        }
    }
    (Some(model), out)
}

#[derive(Clone)]
enum Converted {
    Agreement(super::model::Agreement),
    Purchase(super::model::PlannedPurchase),
    Course(super::model::Course),
    Requirement(super::model::Requirement),
    Page(super::model::Page),
    Nothing,
}

fn convert(section: Section, file: &SourceFile, ctx: &items::Context, out: &mut Vec<Diagnostic>) -> Converted {
    fn run<R: DeserializeOwned, T>(
        file: &SourceFile,
        out: &mut Vec<Diagnostic>,
        f: impl FnOnce(&mut Check, &R) -> Option<T>,
        wrap: impl FnOnce(T) -> Converted,
    ) -> Converted {
        let (raw, check) = parse::<R>(file, out);
        let (Some(raw), Some(mut check)) = (raw, check) else { return Converted::Nothing };
        let item = f(&mut check, &raw);
        out.extend(check.out);
        item.map(wrap).unwrap_or(Converted::Nothing)
    }
    match section {
        Section::Agreements => {
            run(file, out, |c, r: &RawAgreement| items::agreement(c, file, r, ctx), Converted::Agreement)
        }
        Section::PlannedPurchases => {
            run(file, out, |c, r: &RawPlannedPurchase| items::purchase(c, file, r, ctx), Converted::Purchase)
        }
        Section::Courses => run(file, out, |c, r: &RawCourse| items::course(c, file, r), Converted::Course),
        Section::Requirements => {
            run(file, out, |c, r: &RawRequirement| items::requirement(c, file, r), Converted::Requirement)
        }
        Section::Pages => run(file, out, |c, r: &RawPage| items::page(c, file, r), Converted::Page),
    }
}

/// Parses a file's YAML; returns the raw value and a checker for its fields.
fn parse<'f, R: DeserializeOwned>(file: &'f SourceFile, out: &mut Vec<Diagnostic>) -> (Option<R>, Option<Check<'f>>) {
    let parsed = yaml::parse::<R>(&file.source());
    out.extend(parsed.diagnostics);
    let mut check = Check::new(file.source());
    check.settled = parsed.settled;
    (parsed.value, Some(check))
}

/// Two files with one slug in one section, empty slugs, and free pages on reserved URLs.
fn check_slugs(items: &[(Section, SourceFile)]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: HashMap<(Section, &str), &SourceFile> = HashMap::new();
    for (section, file) in items {
        if file.slug.is_empty() {
            out.push(
                Diagnostic::error(&file.rel_path, "filnavnet gir ingen adresse (det har ingen bokstaver eller tall)")
                    .hint("gi filen et navn med bokstaver, for eksempel `kontorrekvisita.md`"),
            );
            continue;
        }
        if *section == Section::Pages && RESERVED.contains(&file.slug.as_str()) {
            out.push(
                Diagnostic::error(
                    &file.rel_path,
                    format!("siden vil få adressen /{}/, som nettstedet bruker selv", file.slug),
                )
                .hint("gi filen et annet navn"),
            );
        }
        if let Some(first) = seen.insert((*section, file.slug.as_str()), file) {
            let address = match section {
                Section::Pages => format!("/{}/", file.slug),
                _ => format!("/{}/{}/", section.dir(), file.slug),
            };
            out.push(
                Diagnostic::error(
                    &file.rel_path,
                    format!(
                        "`{}` og `{}` får samme adresse {address}",
                        display(&first.rel_path),
                        display(&file.rel_path),
                    ),
                )
                .hint("gi en av filene et annet navn; æ, ø og å blir ae, o og a i adressen"),
            );
        }
    }
    out
}

fn display(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// Reads a CPV list in the form of the eForms code list: `code: {nob: name, ...}`.
fn load_cpv_list(path: &Path) -> Result<CpvList, String> {
    #[derive(serde::Deserialize)]
    struct Entry {
        nob: Option<String>,
        name: Option<String>,
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let entries: BTreeMap<String, Entry> = yaml::parse_data(&text)?;
    Ok(CpvList::new(entries.into_iter().map(|(code, e)| (code, e.nob.or(e.name).unwrap_or_default())).collect()))
}
