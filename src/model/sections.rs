//! The sections of a site and the names of what the generator writes: one source for the
//! content folders, the site's addresses, the kinds `new` and search know, and the names a
//! free page or a document may not take.

/// The folders of content items, each a section of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Agreements,
    PlannedPurchases,
    Courses,
    Requirements,
    Pages,
    /// The meetings of the procurement council.
    Meetings,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Agreements,
        Section::PlannedPurchases,
        Section::Courses,
        Section::Requirements,
        Section::Pages,
        Section::Meetings,
    ];

    /// The folder in content/ and, except for free pages (which live at the top), the address
    /// of the section: `rammeavtaler`.
    pub fn dir(self) -> &'static str {
        match self {
            Section::Agreements => "rammeavtaler",
            Section::PlannedPurchases => "planlagte-innkjop",
            Section::Courses => "kurs",
            Section::Requirements => "etiske-krav",
            Section::Pages => "sider",
            Section::Meetings => "moter",
        }
    }

    /// The section's address on the site: its folder, but for the council's meetings, which
    /// are listed below the council (`innkjopsradet/moter`).
    pub fn address(self) -> &'static str {
        match self {
            Section::Meetings => MEETINGS,
            other => other.dir(),
        }
    }

    /// One item's kind, as `innkjop new`, the schemas and search name it: `rammeavtale`.
    pub fn kind(self) -> &'static str {
        match self {
            Section::Agreements => "rammeavtale",
            Section::PlannedPurchases => "planlagt-innkjop",
            Section::Courses => "kurs",
            Section::Requirements => "etisk-krav",
            Section::Pages => "side",
            Section::Meetings => "mote",
        }
    }

    /// One item's kind in words: `Rammeavtale`.
    pub fn label(self) -> &'static str {
        match self {
            Section::Agreements => "Rammeavtale",
            Section::PlannedPurchases => "Planlagt innkjøp",
            Section::Courses => "Kurs",
            Section::Requirements => "Etisk krav",
            Section::Pages => "Side",
            Section::Meetings => "Møte i innkjøpsrådet",
        }
    }

    /// The section in the main menu: `Rammeavtaler`.
    pub fn menu_name(self) -> &'static str {
        match self {
            Section::Agreements => "Rammeavtaler",
            Section::PlannedPurchases => "Planlagte innkjøp",
            Section::Courses => "Kurs",
            Section::Requirements => "Etiske krav",
            Section::Pages => "Sider",
            Section::Meetings => "Møter i innkjøpsrådet",
        }
    }

    /// The section's page title: `Kurs og samlinger`.
    pub fn title(self) -> &'static str {
        match self {
            Section::Courses => "Kurs og samlinger",
            other => other.menu_name(),
        }
    }

    /// The section of a kind as `new` names it.
    pub fn of_kind(kind: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.kind() == kind)
    }

    /// The filtered lists in the section's folder, beside its items: no item may take one of
    /// these names, or its page and the list would be written to one place.
    pub fn list_folders(self) -> &'static [&'static str] {
        match self {
            Section::Agreements => &[lists::BY_STATUS, lists::BY_CALL_OFF, lists::WITH_LOCAL_SUPPLIER],
            Section::PlannedPurchases => {
                &[lists::BY_STATUS, lists::BY_CATEGORY, lists::BY_MUNICIPALITY, lists::BY_CONTRACT_TYPE, lists::ALERTS]
            }
            _ => &[],
        }
    }
}

/// The folders of the filtered lists inside a section: `/rammeavtaler/status/gjeldende/`.
pub mod lists {
    /// Agreements or purchases by status.
    pub const BY_STATUS: &str = "status";
    /// Agreements by how one orders from them.
    pub const BY_CALL_OFF: &str = "avrop";
    /// Agreements with a local supplier.
    pub const WITH_LOCAL_SUPPLIER: &str = "lokale-leverandorer";
    /// Purchases by category.
    pub const BY_CATEGORY: &str = "kategori";
    /// Purchases by municipality (a filter key; the lists are the municipalities' pages).
    pub const BY_MUNICIPALITY: &str = "kommune";
    /// Purchases by contract type.
    pub const BY_CONTRACT_TYPE: &str = "kontraktstype";
    /// The alerts page and the feeds and calendars by trade.
    pub const ALERTS: &str = "varsler";
    /// The local suppliers, in the suppliers' folder.
    pub const LOCAL_SUPPLIERS: &str = "lokale";
}

/// The procurement council's meetings: `/innkjopsradet/moter/<slug>/`.
pub const MEETINGS: &str = "innkjopsradet/moter";
/// The municipalities' pages: `/kommuner/<id>/`.
pub const MUNICIPALITIES: &str = "kommuner";
/// The categories' pages.
pub const CATEGORIES: &str = "kategorier";
/// The suppliers' pages.
pub const SUPPLIERS: &str = "leverandorer";
/// The search page.
pub const SEARCH: &str = "sok";
/// The open data and its page.
pub const DATA: &str = "data";
/// The timeline.
pub const TIMELINE: &str = "tidslinje";
/// The theme's static files.
pub const ASSETS: &str = "assets";
/// The search index.
pub const SEARCH_INDEX: &str = "pagefind";
/// Where documents belong, in content/ and on the site.
pub const DOCUMENTS: &str = "dokumenter";
/// The page for an address that does not exist.
pub const NOT_FOUND: &str = "404.html";
pub const SITEMAP: &str = "sitemap.xml";
pub const ROBOTS: &str = "robots.txt";
/// The forms (only when `redigering` is set).
pub const EDITOR: &str = "admin";

/// The calendar with everything.
pub const CALENDAR: &str = "kalender.ics";

/// The folders at the top of the site that the generator writes.
pub const GENERATED_FOLDERS: [&str; 13] = [
    "rammeavtaler",
    "planlagte-innkjop",
    "kurs",
    "etiske-krav",
    MUNICIPALITIES,
    CATEGORIES,
    SUPPLIERS,
    SEARCH,
    DATA,
    TIMELINE,
    ASSETS,
    SEARCH_INDEX,
    EDITOR,
];

/// The files at the top of the site that the generator writes.
pub const GENERATED_FILES: [&str; 5] = ["index.html", NOT_FOUND, SITEMAP, ROBOTS, CALENDAR];

/// Whether a free page with this slug would take an address the site uses itself: a generated
/// folder or file (as a slug: `sitemap-xml`), the content folders, or the documents' folder.
pub fn is_reserved_page(slug: &str) -> bool {
    let as_slug = |name: &str| name.replace('.', "-");
    GENERATED_FOLDERS.contains(&slug)
        || GENERATED_FILES.iter().any(|f| as_slug(f) == slug || as_slug(f.trim_end_matches(".html")) == slug)
        || Section::ALL.iter().any(|s| s.address() == slug)
        || slug == DOCUMENTS
}

/// Whether a document at this path (relative to the site root) would take a place the site
/// writes: a generated folder, a generated file at the top, or a free page's folder.
pub fn is_generated_place(first_component: &str, pages: &[String]) -> bool {
    let lower = first_component.to_lowercase();
    GENERATED_FOLDERS.contains(&lower.as_str()) || GENERATED_FILES.contains(&lower.as_str()) || pages.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_keeps_its_own_addresses() {
        for slug in ["rammeavtaler", "sider", "dokumenter", "pagefind", "404", "sitemap-xml", "robots-txt", "sok"] {
            assert!(is_reserved_page(slug), "{slug}");
        }
        assert!(!is_reserved_page("om-samarbeidet"));
        assert!(is_generated_place("Index.html", &[]));
        assert!(is_generated_place("assets", &[]));
        assert!(is_generated_place("om-oss", &["om-oss".to_string()]));
        assert!(!is_generated_place("dokumenter", &[]));
        assert_eq!(Section::of_kind("etisk-krav"), Some(Section::Requirements));
    }
}
