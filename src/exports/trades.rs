//! The trades a supplier follows: the CPV divisions (the first two digits of a code) of the
//! planned purchases, each with an Atom feed and a calendar of its own.

use crate::site::Site;

/// A CPV division with the planned purchases in it (by index, in list order).
#[derive(Debug, Clone, PartialEq)]
pub struct Division {
    /// Two digits: `45`.
    pub code: String,
    /// Its name from the site's CPV list, if the site has one.
    pub name: Option<String>,
    pub purchases: Vec<usize>,
}

impl Division {
    /// «Bygge- og anleggsvirksomhet (CPV 45)», or «CPV-hovedgruppe 45» without a CPV list.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("{name} (CPV {})", self.code),
            None => format!("CPV-hovedgruppe {}", self.code),
        }
    }
}

/// The folder of a division's feed and calendar, below the alerts page.
pub fn folder(code: &str) -> String {
    format!("planlagte-innkjop/{}/cpv-{code}/", crate::model::sections::lists::ALERTS)
}

pub fn feed_path(code: &str) -> String {
    format!("{}atom.xml", folder(code))
}

pub fn calendar_path(code: &str) -> String {
    format!("{}kalender.ics", folder(code))
}

/// The divisions of the purchases' CPV codes and their lots', by code.
pub fn divisions(site: &Site) -> Vec<Division> {
    let mut out: Vec<Division> = Vec::new();
    for (i, p) in site.model.purchases.iter().enumerate() {
        for cpv in p.all_cpv() {
            let code = cpv.division();
            let at = match out.binary_search_by(|d| d.code.as_str().cmp(code)) {
                Ok(at) => at,
                Err(at) => {
                    out.insert(at, Division { code: code.to_string(), name: None, purchases: Vec::new() });
                    at
                }
            };
            let division = &mut out[at];
            if division.name.is_none() {
                division.name = cpv.division_name.clone();
            }
            if division.purchases.last() != Some(&i) {
                division.purchases.push(i);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trade_is_named_from_the_cpv_list_or_by_its_digits() {
        let named = Division { code: "45".into(), name: Some("Bygge- og anleggsarbeid".into()), purchases: vec![] };
        assert_eq!(named.label(), "Bygge- og anleggsarbeid (CPV 45)");
        let unnamed = Division { code: "09".into(), name: None, purchases: vec![] };
        assert_eq!(unnamed.label(), "CPV-hovedgruppe 09");
        assert_eq!(feed_path("09"), "planlagte-innkjop/varsler/cpv-09/atom.xml");
        assert_eq!(calendar_path("09"), "planlagte-innkjop/varsler/cpv-09/kalender.ics");
    }
}
