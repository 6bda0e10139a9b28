//! What needs the coordinator's attention on a given day: the to-do part of `check`.

use crate::model::PurchaseStatus;
use crate::model::dates;
use crate::rules::period::AgreementStatus;
use crate::site::Site;
use serde::Serialize;
use std::path::PathBuf;

/// One thing to follow up, about one content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attention {
    /// Path relative to the content folder.
    pub path: PathBuf,
    pub title: String,
    pub message: String,
    pub hint: String,
}

/// Everything to follow up, in a stable order: agreements, then purchases, then courses.
pub fn attention(site: &Site) -> Vec<Attention> {
    let today = site.today;
    let mut out = Vec::new();
    for (a, status) in site.model.agreements.iter().zip(&site.agreement_status) {
        let end = dates::long_date(a.current_end());
        let item = |message: String, hint: &str| Attention {
            path: a.origin.path.clone(),
            title: a.title.clone(),
            message,
            hint: hint.to_string(),
        };
        match status {
            AgreementStatus::ExpiringSoon if a.has_open_option() => out.push(item(
                format!("utløper {end}; en opsjon kan fortsatt utløses"),
                "avgjør om opsjonen skal utløses (skriv `utlost: true`), eller planlegg en ny konkurranse",
            )),
            AgreementStatus::ExpiringSoon => out.push(item(
                format!("utløper {end} og kan ikke forlenges"),
                if site.retender_of.contains_key(&a.origin.slug) {
                    "en ny konkurranse er planlagt; følg den opp"
                } else {
                    "planlegg en ny konkurranse (en fil i planlagte-innkjop/ med `erstatter`)"
                },
            )),
            AgreementStatus::Expired => out.push(item(
                format!("utløp {end}, men står fortsatt som en avtale"),
                "la filen ligge: avtalen vises som utløpt; planlegg en ny konkurranse hvis kommunene fortsatt trenger den",
            )),
            _ => {}
        }
    }
    for p in &site.model.purchases {
        if let Some(announcement) = p.announcement
            && p.status == PurchaseStatus::Planned
            && announcement.last_day() < today
        {
            out.push(Attention {
                path: p.origin.path.clone(),
                title: p.title.clone(),
                message: format!("skulle vært kunngjort {}, men har fortsatt status planlagt", announcement.long()),
                hint: "oppdater `status` (for eksempel `kunngjort`) eller flytt `kunngjoring` til en ny dato"
                    .to_string(),
            });
        }
    }
    for c in &site.model.courses {
        let deadline = c.registration.as_ref().and_then(|r| r.deadline);
        if let Some(deadline) = deadline
            && deadline.date() < today
            && c.start.date() >= today
        {
            out.push(Attention {
                path: c.origin.path.clone(),
                title: c.title.clone(),
                message: format!("påmeldingsfristen gikk ut {}", deadline.long()),
                hint: "forleng `pamelding.frist` hvis det er plasser igjen".to_string(),
            });
        }
    }
    out
}
