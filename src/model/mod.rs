//! The validated model: every value checked, every reference resolved to an id that exists.
//! Nothing here knows about YAML or files.

mod agreement;
mod base_url;
pub mod dates;
mod editing;
mod purchase;
pub mod sections;

pub use agreement::*;
pub use base_url::BaseUrl;
pub use editing::{Editing, GitHost};
pub use purchase::*;

use chrono::NaiveDate;
use dates::When;
use std::path::PathBuf;
use std::sync::Arc;

/// The whole validated content of a site.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub settings: Settings,
    pub suppliers: Vec<Supplier>,
    pub agreements: Vec<Arc<Agreement>>,
    pub purchases: Vec<Arc<PlannedPurchase>>,
    pub courses: Vec<Arc<Course>>,
    pub requirements: Vec<Arc<Requirement>>,
    pub pages: Vec<Arc<Page>>,
    /// The procurement council's meetings, the newest first once resolved.
    pub meetings: Vec<Arc<Meeting>>,
}

/// Site settings from `nettsted.yaml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub title: String,
    pub description: Option<String>,
    pub base_url: BaseUrl,
    pub language: String,
    pub host: String,
    pub contact: Option<Contact>,
    pub expiring_months: u32,
    pub accessibility_statement: Option<Address>,
    pub ocid_prefix: Option<String>,
    /// The e-tendering tool where the cooperation takes tenders (`konkurranseverktoy`).
    pub tendering_tool: Option<Address>,
    pub municipalities: Vec<Municipality>,
    pub categories: Vec<Category>,
    pub thresholds: Vec<Threshold>,
    /// Editing in the browser for a team (`redigering`): the published site gets `/admin/`.
    pub editing: Option<Editing>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub id: String,
    pub name: String,
    pub website: Option<Address>,
    /// The organisation number, checked.
    pub orgnr: Option<String>,
    /// Where invoices go in EHF (PEPPOL), `0192:` and the organisation number as a rule.
    pub invoice_address: Option<String>,
    pub purchasing_contact: Option<Contact>,
}

/// A web address from the content: a link when it may be one (see `rules::address`), else
/// only text, never a live address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    Link(String),
    Text(String),
}

impl Address {
    /// The address to link to, if it may be a link.
    pub fn href(&self) -> Option<&str> {
        match self {
            Address::Link(a) => Some(a),
            Address::Text(_) => None,
        }
    }

    /// The address as written.
    pub fn text(&self) -> &str {
        match self {
            Address::Link(a) | Address::Text(a) => a,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdKind {
    /// The value below which the procurement act does not apply.
    LowerLimit,
    National,
    Eea,
}

impl ThresholdKind {
    pub const ALL: [(&'static str, ThresholdKind); 3] = [
        ("nedre_grense", ThresholdKind::LowerLimit),
        ("nasjonal", ThresholdKind::National),
        ("eos", ThresholdKind::Eea),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContractType {
    Goods,
    Services,
    Works,
    /// Health and social services and other special services, with their own EEA threshold.
    SpecialServices,
}

impl ContractType {
    pub const ALL: [(&'static str, ContractType); 4] = [
        ("varer", ContractType::Goods),
        ("tjenester", ContractType::Services),
        ("bygg_og_anlegg", ContractType::Works),
        ("saerlige_tjenester", ContractType::SpecialServices),
    ];

    pub fn key(self) -> &'static str {
        ContractType::ALL.iter().find(|(_, c)| *c == self).map(|(k, _)| *k).unwrap_or("varer")
    }

    pub fn label(self) -> &'static str {
        match self {
            ContractType::Goods => "Varer",
            ContractType::Services => "Tjenester",
            ContractType::Works => "Bygg og anlegg",
            ContractType::SpecialServices => "Helse- og sosialtjenester og andre særlige tjenester",
        }
    }
}

/// A threshold value of the procurement regulations, from a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub name: String,
    pub kind: ThresholdKind,
    pub amount: u64,
    pub valid_from: NaiveDate,
    pub contract_type: Option<ContractType>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub orgnr: String,
    pub website: Option<Address>,
    pub contact: Option<Contact>,
    pub address: Option<String>,
    pub local: bool,
}

/// Which municipalities an agreement or purchase is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Only(Vec<String>),
}

impl Scope {
    pub fn includes(&self, municipality: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(ids) => ids.iter().any(|id| id == municipality),
        }
    }
}

/// The source file of an item, for diagnostics and links, and when it last changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub slug: String,
    pub path: PathBuf,
    /// When the file was last changed, if the file system says.
    pub changed: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Venue {
    pub name: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub url: Option<Address>,
    pub email: Option<String>,
    pub deadline: Option<When>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub origin: Origin,
    pub title: String,
    pub summary: Option<String>,
    pub start: When,
    pub end: Option<When>,
    pub venue: Option<Venue>,
    pub online: Option<Address>,
    pub audience: Vec<String>,
    pub registration: Option<Registration>,
    pub seats: Option<u32>,
    pub price: Option<u64>,
    pub organiser: Option<String>,
    pub body: String,
}

impl Course {
    /// The last day the course runs.
    pub fn last_day(&self) -> NaiveDate {
        self.end.map(|e| e.date()).unwrap_or(self.start.date()).max(self.start.date())
    }
}

/// The area an ethical requirement covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    HumanRights,
    Labour,
    Environment,
    UniversalDesign,
    LifeCycleCost,
    AntiCorruption,
}

impl Area {
    pub const ALL: [(&'static str, Area); 6] = [
        ("menneskerettigheter", Area::HumanRights),
        ("arbeidsforhold", Area::Labour),
        ("miljo", Area::Environment),
        ("universell_utforming", Area::UniversalDesign),
        ("livslopskostnader", Area::LifeCycleCost),
        ("antikorrupsjon", Area::AntiCorruption),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Area::HumanRights => "Menneskerettigheter",
            Area::Labour => "Arbeidsforhold",
            Area::Environment => "Miljø",
            Area::UniversalDesign => "Universell utforming",
            Area::LifeCycleCost => "Livsløpskostnader",
            Area::AntiCorruption => "Antikorrupsjon",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub origin: Origin,
    pub title: String,
    pub summary: Option<String>,
    pub area: Area,
    pub legal_basis: Option<String>,
    pub clause: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub origin: Origin,
    pub title: String,
    pub menu: Option<i64>,
    /// Also in the header menu (`hovedmeny: true`).
    pub in_header: bool,
    /// The procurement strategy (`strategi: true`), linked from every page's footer.
    pub strategy: bool,
    pub body: String,
}

/// A meeting of the procurement council.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub origin: Origin,
    pub title: String,
    pub when: When,
    pub place: Option<String>,
    pub agenda: Vec<String>,
    /// The minutes as a document; or the body is the minutes.
    pub minutes: Option<Document>,
    pub body: String,
}
