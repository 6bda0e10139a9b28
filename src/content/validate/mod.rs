//! Validation: raw files to the checked model, every problem collected with its location.

mod agreement;
mod check;
mod date_advice;
mod document;
mod items;
mod memo;
mod purchase;
mod references;
mod settings;

pub use memo::Memo;
use memo::Remembered;

use super::load::{Loaded, Section, SourceFile, Stamp};
use super::raw::{
    RawAgreement, RawCourse, RawMeeting, RawPage, RawPlannedPurchase, RawRequirement, RawSite, RawSupplier,
};
use super::yaml;
use crate::diagnostics::{Diagnostic, codes, io_words};
use crate::model::{Model, Settings, Supplier};
use crate::rules::cpv::CpvList;
use check::Check;
use chrono::NaiveDate;
use rayon::prelude::*;
use references::Ids;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

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
    let head = match memo.as_deref_mut().and_then(|m| m.head(loaded)) {
        Some(head) => head,
        None => {
            let head = head(loaded, content_dir);
            if let Some(m) = memo.as_deref_mut() {
                m.remember_head(loaded, &head);
            }
            head
        }
    };
    let mut out = head.diagnostics;
    out.extend(check_slugs(&loaded.items));
    // The items of a section, with those that exist but could not be read: a reference to
    // one of them is not an unknown id (its own error says what to fix).
    let slugs = |section: Section| -> Vec<String> {
        let read = loaded.items.iter().filter(|(s, _)| *s == section).map(|(_, f)| f.slug.clone());
        let refused = loaded.refused.iter().filter(|(s, _)| *s == section).map(|(_, slug)| slug.clone());
        read.chain(refused).collect()
    };
    let Some(settings) = head.settings else {
        return (None, out);
    };
    let ctx = items::Context {
        content_dir,
        today,
        expiring_months: settings.expiring_months,
        categories: settings.categories.iter().map(|c| c.id.clone()).collect(),
        municipalities: settings.municipalities.iter().map(|m| m.id.clone()).collect(),
        suppliers: head.supplier_ids.map(Ids::from_iter),
        agreements: slugs(Section::Agreements).into_iter().collect(),
        requirements: slugs(Section::Requirements).into_iter().collect(),
        pages: slugs(Section::Pages),
        cpv: &head.cpv,
        names: Arc::new(references::Names {
            categories: settings.categories.iter().map(|c| (c.id.clone(), c.name.clone())).collect(),
            municipalities: settings.municipalities.iter().map(|m| (m.id.clone(), m.name.clone())).collect(),
            suppliers: head.suppliers.iter().map(|s| (s.id.clone(), s.name.clone())).collect(),
        }),
    };
    let surroundings = memo::Surroundings::of(&ctx, head.cpv_source, &loaded.assets);
    let mut remembered = match memo.as_deref_mut() {
        Some(m) => m.items_around(&surroundings),
        None => std::collections::HashMap::default(),
    };
    let keep = memo.is_some();
    // Items whose text is as it was are taken over (their model items are shared, not copied);
    // the others are converted and checked, and remembered in their place.
    let results: Vec<(Converted, Vec<Diagnostic>, Option<Remembered>)> = {
        let remembered = &remembered;
        loaded
            .items
            .par_iter()
            .map(|(section, file)| match remembered.get(&file.rel_path).filter(|r| r.holds(*section, file)) {
                Some(r) => (r.converted.clone(), r.diagnostics.clone(), None),
                None => {
                    let mut diagnostics = Vec::new();
                    let item = convert(*section, file, &ctx, &mut diagnostics);
                    let r = keep.then(|| Remembered::new(*section, file, &item, &diagnostics));
                    (item, diagnostics, r)
                }
            })
            .collect()
    };
    let mut model = Model {
        settings,
        suppliers: head.suppliers,
        agreements: Vec::new(),
        purchases: Vec::new(),
        courses: Vec::new(),
        requirements: Vec::new(),
        pages: Vec::new(),
        meetings: Vec::new(),
    };
    for ((item, diagnostics, r), (_, file)) in results.into_iter().zip(&loaded.items) {
        out.extend(diagnostics);
        if let Some(r) = r {
            remembered.insert(file.rel_path.clone(), r);
        }
        match item {
            Converted::Agreement(a) => model.agreements.push(a),
            Converted::Purchase(p) => model.purchases.push(p),
            Converted::Course(c) => model.courses.push(c),
            Converted::Requirement(r) => model.requirements.push(r),
            Converted::Page(p) => model.pages.push(p),
            Converted::Meeting(m) => model.meetings.push(m),
            Converted::Nothing => {}
        }
    }
    if let Some(m) = memo {
        // Files deleted or renamed since are forgotten.
        if remembered.len() != loaded.items.len() {
            let present: HashSet<&Path> = loaded.items.iter().map(|(_, f)| f.rel_path.as_path()).collect();
            remembered.retain(|path, _| present.contains(path.as_path()));
        }
        m.remember_items(surroundings, remembered);
    }
    (Some(model), out)
}

/// What the items are checked against: the settings, the CPV list and the suppliers,
/// with the diagnostics of their files.
#[derive(Clone)]
pub(super) struct Head {
    settings: Option<Settings>,
    cpv: Arc<CpvList>,
    cpv_source: Option<(PathBuf, Option<Stamp>)>,
    /// Every supplier id written counts for references, even one whose entry has an error:
    /// the error is reported once, at the supplier, not again at each agreement.
    /// The suppliers' ids; none when leverandorer.yaml exists but cannot be read (then what
    /// refers to a supplier is not checked, rather than refused for a list that is not there).
    supplier_ids: Option<Vec<String>>,
    suppliers: Vec<Supplier>,
    diagnostics: Vec<Diagnostic>,
}

impl Head {
    pub(super) fn cpv_source(&self) -> Option<&(PathBuf, Option<Stamp>)> {
        self.cpv_source.as_ref()
    }
}

fn head(loaded: &Loaded, content_dir: &Path) -> Head {
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
            cpv_source = Some((path.clone(), Stamp::of(&path)));
            match load_cpv_list(&path) {
                Ok(l) => cpv = l,
                Err(e) => check.report(
                    codes::CPV_LIST_UNREADABLE,
                    &check::at(&["cpv_liste"]),
                    format!("CPV-listen `{list}` kan ikke leses: {e}"),
                    Some(
                        "stien er relativ til content/; listen har samme form som eForms-listen fra DFØ (cpv.yaml)"
                            .to_string(),
                    ),
                ),
            }
        }
        if let Some(theme) = check.text(&raw.tema)
            && !content_dir.join(&theme).join("templates").is_dir()
        {
            check.report(
                codes::THEME_NOT_FOUND,
                &check::at(&["tema"]),
                format!("temamappen `{theme}` finnes ikke, eller har ingen mappe templates/"),
                Some(
                    "stien er relativ til content/, for eksempel `tema: ../mitt-tema`; `innkjop tema ../mitt-tema` skriver ut det innebygde temaet"
                        .to_string(),
                ),
            );
        }
        out.extend(check.out);
    }
    let mut supplier_ids = (!loaded.suppliers_refused).then(Vec::new);
    let suppliers = match &loaded.suppliers {
        Some(file) => {
            let (raw, check) = parse::<Vec<RawSupplier>>(file, &mut out);
            match (raw, check) {
                (Some(raw), Some(mut check)) => {
                    supplier_ids = Some(raw.iter().filter_map(|s| check.text(&s.id)).collect());
                    let s = settings::suppliers(&mut check, &raw);
                    out.extend(check.out);
                    s
                }
                _ => {
                    supplier_ids = None;
                    Vec::new()
                }
            }
        }
        None => Vec::new(),
    };
    Head { settings, cpv: Arc::new(cpv), cpv_source, supplier_ids, suppliers, diagnostics: out }
}

#[derive(Clone)]
pub(super) enum Converted {
    Agreement(Arc<crate::model::Agreement>),
    Purchase(Arc<crate::model::PlannedPurchase>),
    Course(Arc<crate::model::Course>),
    Requirement(Arc<crate::model::Requirement>),
    Page(Arc<crate::model::Page>),
    Meeting(Arc<crate::model::Meeting>),
    Nothing,
}

fn convert(section: Section, file: &SourceFile, ctx: &items::Context, out: &mut Vec<Diagnostic>) -> Converted {
    fn run<R: DeserializeOwned, T>(
        file: &SourceFile,
        ctx: &items::Context,
        out: &mut Vec<Diagnostic>,
        f: impl FnOnce(&mut Check, &R) -> Option<T>,
        wrap: impl FnOnce(Arc<T>) -> Converted,
    ) -> Converted {
        let (raw, check) = parse::<R>(file, out);
        let (Some(raw), Some(mut check)) = (raw, check) else { return Converted::Nothing };
        check.names = ctx.names.clone();
        let item = f(&mut check, &raw);
        out.extend(check.out);
        item.map(|i| wrap(Arc::new(i))).unwrap_or(Converted::Nothing)
    }
    match section {
        Section::Agreements => {
            run(file, ctx, out, |c, r: &RawAgreement| agreement::agreement(c, file, r, ctx), Converted::Agreement)
        }
        Section::PlannedPurchases => {
            run(file, ctx, out, |c, r: &RawPlannedPurchase| purchase::purchase(c, file, r, ctx), Converted::Purchase)
        }
        Section::Courses => run(file, ctx, out, |c, r: &RawCourse| items::course(c, file, r), Converted::Course),
        Section::Requirements => {
            run(file, ctx, out, |c, r: &RawRequirement| items::requirement(c, file, r), Converted::Requirement)
        }
        Section::Pages => run(file, ctx, out, |c, r: &RawPage| items::page(c, file, r), Converted::Page),
        Section::Meetings => {
            run(file, ctx, out, |c, r: &RawMeeting| items::meeting(c, file, r, ctx), Converted::Meeting)
        }
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
                Diagnostic::new(
                    codes::NO_ADDRESS,
                    &file.rel_path,
                    "filnavnet gir ingen adresse (det har ingen bokstaver eller tall)",
                )
                .hint("gi filen et navn med bokstaver, for eksempel `kontorrekvisita.md`"),
            );
            continue;
        }
        if *section == Section::Pages && crate::model::sections::is_reserved_page(&file.slug) {
            out.push(
                Diagnostic::new(
                    codes::RESERVED_ADDRESS,
                    &file.rel_path,
                    format!("siden vil få adressen /{}/, som nettstedet bruker selv", file.slug),
                )
                .hint(format!(
                    "gi filen et annet navn, for eksempel `sider/om-{}.md`; opptatt er blant annet {}",
                    file.slug,
                    crate::model::sections::GENERATED_FOLDERS.join(", ")
                )),
            );
        }
        if section.list_folders().contains(&file.slug.as_str()) {
            out.push(
                Diagnostic::new(
                    codes::RESERVED_ADDRESS,
                    &file.rel_path,
                    format!(
                        "filen vil få adressen /{}/{}/, der nettstedet har en av listene sine",
                        section.address(),
                        file.slug
                    ),
                )
                .hint(format!(
                    "gi filen et annet navn; disse navnene er opptatt i {}/: {}",
                    section.dir(),
                    section.list_folders().join(", ")
                )),
            );
        }
        if let Some(first) = seen.insert((*section, file.slug.as_str()), file) {
            let address = match section {
                Section::Pages => format!("/{}/", file.slug),
                _ => format!("/{}/{}/", section.address(), file.slug),
            };
            let (a, b) = (display(&first.rel_path), display(&file.rel_path));
            // Two names that look alike but are written with other characters: a letter with a
            // mark (å) as one character or as a letter and a combining mark (NFC and NFD).
            let hint = if a == b || a.nfc().eq(b.nfc()) {
                "navnene ser like ut, men den ene er skrevet med andre tegn (for eksempel «å» som a og en ring over, slik macOS kan lagre filnavn); slett den ene filen, eller skriv navnet på nytt"
            } else {
                "gi en av filene et annet navn; store og små bokstaver er like, og æ, ø og å blir ae, o og a i adressen"
            };
            out.push(
                Diagnostic::new(
                    codes::SAME_ADDRESS,
                    &file.rel_path,
                    format!("`{a}` og `{b}` får samme adresse {address}"),
                )
                .hint(hint),
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
    let text = std::fs::read_to_string(path).map_err(|e| io_words(&e).to_string())?;
    let entries: BTreeMap<String, Entry> =
        yaml::parse_data(&text).map_err(|_| "filen er ikke en liste i samme form som cpv.yaml".to_string())?;
    Ok(CpvList::new(entries.into_iter().map(|(code, e)| (code, e.nob.or(e.name).unwrap_or_default())).collect()))
}
