//! References: an id written in one file that must name something defined elsewhere (a
//! category, a municipality, a supplier, an agreement, a requirement), and what to suggest
//! when it does not: the id she meant by spelling, by words, or by the thing's name.

use super::check::{Check, indexed};
use crate::content::raw::{self, Text};
use crate::content::yaml::{Segment, did_you_mean, key};
use crate::diagnostics::codes;
use crate::model::{Joining, Scope};
use std::collections::HashSet;

/// The ids of one kind, in the order they are defined (for suggestions), with a set for
/// looking one up: a site refers to its agreements thousands of times.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    order: Vec<String>,
    set: HashSet<String>,
}

impl Ids {
    pub fn has(&self, id: &str) -> bool {
        self.set.contains(id)
    }
}

impl FromIterator<String> for Ids {
    fn from_iter<I: IntoIterator<Item = String>>(ids: I) -> Ids {
        let order: Vec<String> = ids.into_iter().collect();
        let set = order.iter().cloned().collect();
        Ids { order, set }
    }
}

impl std::ops::Deref for Ids {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.order
    }
}

impl PartialEq for Ids {
    fn eq(&self, other: &Ids) -> bool {
        self.order == other.order
    }
}

/// The names of the categories, municipalities and suppliers, by id: `kontor-og-it` is
/// «Kontor og IT». An unknown id is matched against them as well as against the ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    pub categories: Vec<(String, String)>,
    pub municipalities: Vec<(String, String)>,
    pub suppliers: Vec<(String, String)>,
}

impl Names {
    /// The named things of a kind as `reference` calls it.
    fn of(&self, what: &str) -> &[(String, String)] {
        match what {
            "kategori" => &self.categories,
            "kommune" => &self.municipalities,
            "leverandør" => &self.suppliers,
            _ => &[],
        }
    }

    /// The id whose name is what was written: the whole name (`Kongsberg kommune`), its
    /// beginning (`Numedal Kontorservice` for «Numedal Kontorservice AS»), or, when only
    /// one name has them, all its words (`IT` for «Kontor og IT»).
    fn id_named<'n>(&'n self, what: &str, written: &str) -> Option<&'n str> {
        let slug = crate::rules::slug::slugify(written);
        if slug.is_empty() {
            return None;
        }
        let named = self.of(what);
        let slug_of = |name: &str| crate::rules::slug::slugify(name);
        // The one name that is so, if only one is.
        let only = |keeps: &dyn Fn(&str) -> bool| {
            let mut found = named.iter().filter(|(_, n)| keeps(&slug_of(n)));
            match (found.next(), found.next()) {
                (Some((id, _)), None) => Some(id.as_str()),
                _ => None,
            }
        };
        let words: Vec<&str> = slug.split('-').collect();
        only(&|n| n == slug)
            .or_else(|| only(&|n| n.starts_with(&format!("{slug}-"))))
            .or_else(|| only(&|n| words.iter().all(|w| n.split('-').any(|o| o == *w))))
    }
}

impl<'a> Check<'a> {
    /// An id that must exist among `ids`; `what` names the kind ("kategori").
    pub fn reference(&mut self, id: &str, path: &[Segment], ids: &Ids, what: &str, defined_in: &str) -> Option<String> {
        // Quotes a word processor curled are not part of the id: the value's own warning
        // (W025) says to straighten them, and the id is read as meant.
        let id = id.trim().trim_matches(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '«', '»']).trim();
        if ids.has(id) {
            return Some(id.to_string());
        }
        let slug = crate::rules::slug::slugify(id);
        let plural = match what {
            "kategori" => "kategoriene",
            "kommune" => "kommunene",
            "leverandør" => "leverandørene",
            "rammeavtale" => "rammeavtalene",
            "etisk krav" => "de etiske kravene",
            other => other,
        };
        // A list in a settings file, or a folder of files whose names are the ids.
        let add = match (defined_in.strip_prefix("content/"), slug.is_empty()) {
            (Some(folder), false) => format!("en ny lager du som filen content/{folder}{slug}.md"),
            (Some(folder), true) => format!("id-en er filnavnet uten .md, i content/{folder}"),
            (None, false) => format!("en ny legger du til i {defined_in}, med `- id: {slug}`"),
            (None, true) => format!("en ny legger du til i {defined_in}"),
        };
        let where_ids = match defined_in.strip_prefix("content/") {
            Some(folder) => format!("id-en er filnavnet uten .md, i content/{folder}"),
            None => format!("id-ene står i {defined_in}"),
        };
        // The name instead of the id: `Numedal Kontorservice AS`.
        let a_name = id.chars().any(|c| c.is_whitespace() || c.is_uppercase());
        let name_note = if a_name { "her skal id-en stå, ikke navnet; " } else { "" };
        let by_name = self.names.id_named(what, id).filter(|found| ids.has(found));
        let named = |best: &str| match self.names.of(what).iter().find(|(i, _)| i == best) {
            Some((_, name)) => format!("`{best}` («{name}»)"),
            None => format!("`{best}`"),
        };
        let hint = match by_name.or_else(|| did_you_mean(id, ids)).or_else(|| by_words(&slug, ids)) {
            Some(best) => format!("{name_note}mente du {}? ({where_ids})", named(best)),
            None if ids.is_empty() => format!("{name_note}det er ingen å velge blant ennå; {add}"),
            None => format!(
                "{name_note}kjente id-er: {}; {add}",
                ids.iter().take(12).cloned().collect::<Vec<_>>().join(", ")
            ),
        };
        self.report(codes::UNKNOWN_ID, path, format!("finner ikke `{id}` blant {plural}"), Some(hint));
        None
    }

    /// A list of references.
    pub fn references(
        &mut self,
        list: &Option<Vec<Text>>,
        name: &str,
        ids: &Ids,
        what: &str,
        defined_in: &str,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in list.iter().flatten().enumerate() {
            if let Some(id) = self.reference(item.as_str(), &indexed(name, i, &[]), ids, what, defined_in) {
                if out.contains(&id) {
                    self.report(
                        codes::LISTED_TWICE,
                        &indexed(name, i, &[]),
                        format!("`{id}` står to ganger"),
                        Some("fjern den ene".to_string()),
                    );
                } else {
                    out.push(id);
                }
            }
        }
        out
    }

    /// `kommuner`: `alle` or a list of municipality ids, with the first days of those that
    /// have one of their own (`{id, fra}`).
    pub fn scope(&mut self, value: &Option<raw::Scope>, ids: &Ids) -> Option<(Scope, Vec<Joining>)> {
        match value {
            None => {
                self.missing("kommuner", "alle");
                None
            }
            Some(raw::Scope::Word(w)) if w.trim().eq_ignore_ascii_case("alle") => Some((Scope::All, Vec::new())),
            Some(raw::Scope::Word(w)) => {
                let w = w.trim();
                if ids.has(w) {
                    self.report(
                        codes::WRONG_TYPE,
                        &[key("kommuner")],
                        format!("`kommuner` må være en liste, ikke `{w}` alene"),
                        Some(format!("skriv `kommuner: [{w}]` eller `kommuner: alle`")),
                    );
                } else {
                    self.report(
                        codes::WRONG_TYPE,
                        &[key("kommuner")],
                        format!("`{w}` er verken `alle` eller en liste med kommuner"),
                        Some("skriv `kommuner: alle`, eller en liste: `kommuner: [flesberg, rollag]`".to_string()),
                    );
                }
                None
            }
            // The form writes a list: `[alle]` means the same as `alle`.
            Some(raw::Scope::List(list))
                if list.len() == 1 && list[0].id.as_str().trim().eq_ignore_ascii_case("alle") =>
            {
                Some((Scope::All, Vec::new()))
            }
            Some(raw::Scope::List(list)) => {
                if list.is_empty() {
                    self.report(
                        codes::EMPTY_LIST,
                        &[key("kommuner")],
                        "`kommuner` er en tom liste",
                        Some("skriv minst én kommune, eller `alle`".to_string()),
                    );
                    return None;
                }
                let written = list.iter().map(|m| m.id.clone()).collect();
                let found =
                    self.references(&Some(written), "kommuner", ids, "kommune", "nettsted.yaml under `kommuner`");
                let mut joining = Vec::new();
                for (i, member) in list.iter().enumerate() {
                    let id = member.id.as_str().trim();
                    if let Some(from) = self.date(&member.fra, &indexed("kommuner", i, &["fra"]))
                        && found.iter().any(|f| f == id)
                        && !joining.iter().any(|j: &Joining| j.municipality == id)
                    {
                        joining.push(Joining { municipality: id.to_string(), from });
                    }
                }
                Some((Scope::Only(found), joining))
            }
        }
    }
}

/// The id that begins with the words of `slug`, or else the one that shares the most words with `slug` (a name written where its id belongs:
/// "Numedal Kontor AS" for `numedal-kontor`), when it shares at least half of its own words.
fn by_words<'a>(slug: &str, ids: &'a [String]) -> Option<&'a str> {
    // The first words of an id ("klima" for `klima-og-miljo`).
    if let Some(id) = ids.iter().find(|id| !slug.is_empty() && id.starts_with(&format!("{slug}-"))) {
        return Some(id);
    }
    let words: Vec<&str> = slug.split('-').filter(|w| w.len() > 1).collect();
    ids.iter()
        .filter_map(|id| {
            let own: Vec<&str> = id.split('-').filter(|w| w.len() > 1).collect();
            let shared = own.iter().filter(|w| words.contains(w)).count();
            (shared > 0 && shared * 2 >= own.len()).then_some((shared, id.as_str()))
        })
        .max_by_key(|(shared, _)| *shared)
        .map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::Names;

    #[test]
    fn an_id_is_found_by_its_name() {
        let pair = |id: &str, name: &str| (id.to_string(), name.to_string());
        let names = Names {
            categories: vec![pair("kontor", "Kontor og IT"), pair("renhold", "Renhold")],
            municipalities: vec![pair("kongsberg", "Kongsberg kommune")],
            suppliers: vec![pair("nk", "Numedal Kontorservice AS"), pair("nt", "Numedal Transport AS")],
        };
        assert_eq!(names.id_named("kategori", "Kontor og IT"), Some("kontor"));
        assert_eq!(names.id_named("kategori", "IT"), Some("kontor"), "the one name with the word");
        assert_eq!(names.id_named("kommune", "Kongsberg kommune"), Some("kongsberg"));
        assert_eq!(names.id_named("leverandør", "Numedal Kontorservice"), Some("nk"), "the beginning of the name");
        assert_eq!(names.id_named("leverandør", "Numedal"), None, "two names begin so");
        assert_eq!(names.id_named("leverandør", "AS"), None, "a word in two names says nothing");
        assert_eq!(names.id_named("etisk krav", "Renhold"), None, "only what has names");
    }
}
