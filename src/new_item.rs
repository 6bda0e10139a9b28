//! `innkjop new`: a new content file of a kind, with every key present (the optional
//! ones commented out), never overwriting an existing file.

use crate::model::dates::iso_date;
use crate::rules::slug::slugify;
use std::path::{Path, PathBuf};

/// The kinds of content a coordinator can create, as named on the command line.
pub const KINDS: [(&str, &str); 6] = [
    ("rammeavtale", "rammeavtaler"),
    ("planlagt-innkjop", "planlagte-innkjop"),
    ("kurs", "kurs"),
    ("etisk-krav", "etiske-krav"),
    ("side", "sider"),
    ("mote", "moter"),
];

/// Why a new file could not be made.
#[derive(Debug)]
pub enum NewError {
    UnknownKind(String),
    EmptyTitle,
    Exists(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for NewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NewError::UnknownKind(k) => write!(
                f,
                "kjenner ikke typen `{k}`; velg en av: {}",
                KINDS.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
            ),
            NewError::EmptyTitle => write!(f, "tittelen gir ikke noe filnavn; bruk bokstaver eller tall"),
            NewError::Exists(p) => write!(
                f,
                "{} finnes allerede; den blir ikke overskrevet. Velg en annen tittel, eller rediger filen",
                p.display()
            ),
            NewError::Io(p, e) => {
                write!(f, "kunne ikke skrive {}: {}", p.display(), crate::diagnostics::io_words(e))?;
                if e.kind() == std::io::ErrorKind::NotADirectory || e.kind() == std::io::ErrorKind::AlreadyExists {
                    write!(f, "; en fil står der en mappe skal være")?;
                }
                Ok(())
            }
        }
    }
}

/// Writes the new file and returns its path.
pub fn create(content_dir: &Path, kind: &str, title: &str, today: chrono::NaiveDate) -> Result<PathBuf, NewError> {
    let Some((_, dir)) = KINDS.iter().find(|(k, _)| *k == kind) else {
        return Err(NewError::UnknownKind(kind.to_string()));
    };
    let slug = short(&slugify(title));
    if slug.is_empty() {
        return Err(NewError::EmptyTitle);
    }
    let folder = content_dir.join(dir);
    let path = folder.join(format!("{slug}.md"));
    std::fs::create_dir_all(&folder).map_err(|e| NewError::Io(folder.clone(), e))?;
    let text = template(kind, title, today);
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(NewError::Exists(path)),
        Err(e) => return Err(NewError::Io(path, e)),
    };
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| NewError::Io(path.clone(), e))?;
    // The schema the new file points to, so an editor can help right away.
    let schemas = content_dir.join(crate::schema::DIR);
    crate::schema::write(&schemas).map_err(|e| NewError::Io(schemas, e))?;
    Ok(path)
}

/// The longest file name `new` makes, without `.md`: a title of a whole paragraph makes a file
/// name no file system takes, so the name stops at a word before this length.
const LONGEST_NAME: usize = 80;

/// A slug cut at a `-` to at most [`LONGEST_NAME`] characters (slugs are ASCII but for letters
/// like `é`, so characters are counted).
fn short(slug: &str) -> String {
    if slug.chars().count() <= LONGEST_NAME {
        return slug.to_string();
    }
    let cut: String = slug.chars().take(LONGEST_NAME).collect();
    match cut.rfind('-') {
        Some(at) if at > LONGEST_NAME / 2 => cut[..at].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// The last day of a period of whole months starting on `start`.
fn end_after(start: chrono::NaiveDate, months: u32) -> chrono::NaiveDate {
    start.checked_add_months(chrono::Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(start)
}

fn template(kind: &str, title: &str, today: chrono::NaiveDate) -> String {
    let title = title.replace('"', "\\\"");
    let day = iso_date(today);
    let year = chrono::Datelike::year(&today);
    let front = match kind {
        "rammeavtale" => format!(
            r#"tittel: "{title}"
# sammendrag: Én eller to setninger som vises i lister og søk.
kategori: kategori-id          # en id fra `kategorier` i nettsted.yaml
leverandorer: [leverandor-id]  # id-er fra leverandorer.yaml
kommuner: alle                 # eller en liste: [flesberg, rollag]; en kommune som blir med senere: {{id: rollag, fra: {day}}}
# gjennom:                     # når en annen har inngått avtalen og kommunene bruker den
#   navn: Statens innkjøpssenter
#   url: https://example.no/avtale
gyldig_fra: {day}
gyldig_til: {next}
# opsjoner:                    # i rekkefølge, for eksempel 2 år + 1 + 1
#   - til: {opt1}
#     utlost: false
#   - til: {opt2}
#     utlost: false
# status: oppsagt              # bare når avtalen slutter før tiden: oppsagt, hevet eller avsluttet
# avsluttet_fra: {day}        # dagen avtalen slutter eller sluttet
# avtalenummer: KBR-{year}-001
# doffin: {year}-123456
# ehandel: true
# avrop: direkte               # direkte, rangering, minikonkurranse eller direkte_og_minikonkurranse
# avrop_grense: 500000         # ved direkte_og_minikonkurranse: direkte under beløpet (kr uten mva.)
# katalog: "https://..."       # avtalens katalog i e-handelsløsningen
# anslatt_verdi: 2000000       # kr uten mva. for hele perioden med opsjoner, alle kommunene
# maks_verdi: 3000000          # avtalens største verdi, regnet på samme måte
# maks_mengde: 40 000 timer    # eller den største mengden som kan kjøpes
# bestilling: |
#   Slik bestiller du fra avtalen.
# etiske_krav: [krav-id]       # filnavn i content/etiske-krav/ uten .md
# dokumenter:
#   - tittel: Prisliste
#     fil: dokumenter/prisliste.pdf   # relativt til content/
#   - tittel: Avtalen i KGV
#     url: https://example.no/avtale
# kontakt:
#   navn: Navn Navnesen
#   epost: navn@kommune.no
#   telefon: 900 00 000"#,
            next = iso_date(end_after(today, 24)),
            opt1 = iso_date(end_after(today, 36)),
            opt2 = iso_date(end_after(today, 48)),
        ),
        "planlagt-innkjop" => format!(
            r#"tittel: "{title}"
# sammendrag: Én eller to setninger som vises i lister og søk.
kategori: kategori-id          # en id fra `kategorier` i nettsted.yaml
kommuner: alle                 # eller en liste: [flesberg, rollag]
status: planlagt               # planlagt, markedsdialog, kunngjort, evaluering, tildelt eller avlyst
# kontraktstype: varer         # varer, tjenester, bygg_og_anlegg eller saerlige_tjenester
# prosedyre: åpen anbudskonkurranse
# cpv: ["30192000"]            # 8 siffer
# anslatt_verdi: 1500000       # kroner uten mva.
# varighet: 2+1+1 år
# kunngjoring: {year}-Q3        # 2027-03-15, 2027-03, 2027-Q2 eller 2027
# kontraktstart: {year}
# tilbudsfrist: {day}T12:00
# frister:                     # hver så presist den er kjent: dato, dato med klokkeslett, måned, kvartal eller år
#   sporsmal: {day}
#   foresporsel_om_deltakelse: {day}T12:00   # konkurranser i to trinn
#   tildeling: {year}-Q4
#   karens: {year}-Q4           # siste dag i karensperioden
#   kontraktssignering: {year}-Q4
# delkontrakter:
#   - tittel: Delkontrakt 1
#     anslatt_verdi: 500000
#     cpv: ["30192000"]
# konkurranseverktoy: "https://..."  # konkurransen i KGV
# markedsdialog:
#   dato: {day}
#   tekst: Dialogmøte med interesserte leverandører.
# erstatter: avtale-id         # avtalen som konkurreres ut på nytt
# resultat: avtale-id          # avtalen konkurransen ga (status tildelt)
# doffin: {year}-123456
# kontakt:
#   navn: Navn Navnesen
#   epost: navn@kommune.no"#
        ),
        "kurs" => format!(
            r#"tittel: "{title}"
# sammendrag: Én eller to setninger som vises i lister og søk.
start: {day}T09:00              # eller bare en dato for hele dagen
# slutt: {day}T15:00
sted:                          # og/eller digitalt: minst ett av dem
  navn: Rådhuset
  adresse: Gate 1, 3616 Kongsberg
# digitalt: https://example.no/mote
# malgruppe: [Innkjøpere, Ledere]
# pamelding:
#   url: https://example.no/pamelding   # eller epost: navn@kommune.no
#   frist: {day}
# plasser: 30
# pris: 0                        # 0 er gratis
# arrangor: Innkjøpssamarbeidet"#
        ),
        "etisk-krav" => format!(
            r#"tittel: "{title}"
# sammendrag: Én eller to setninger som vises i lister og søk.
omrade: arbeidsforhold         # menneskerettigheter, arbeidsforhold, miljo, universell_utforming, livslopskostnader eller antikorrupsjon
# hjemmel: Anskaffelsesloven § 5
# kontraktsklausul: |
#   Leverandøren skal ..."#
        ),
        "mote" => format!(
            r#"tittel: "{title}"
dato: {day}T09:00               # eller bare en dato
# sted: Rådhuset
# saksliste:
#   - Godkjenning av referat fra forrige møte
#   - Eventuelt
# referat:                     # referatet som dokument; eller skriv det som tekst under ---
#   tittel: Referat
#   fil: dokumenter/referat.pdf"#
        ),
        _ => format!(
            r#"tittel: "{title}"
# meny: 1                        # plass i menyen «Om samarbeidet» nederst; uten tall står siden ikke der
# hovedmeny: true                # også i hovedmenyen øverst (bruk det for én eller to sider)
# strategi: true                 # siden er innkjøpsstrategien, og lenkes nederst på hver side"#
        ),
    };
    let schema = crate::schema::file_for(kind);
    format!(
        "---\n# yaml-language-server: $schema=../{}/{schema}\n{front}\n---\n\nSkriv teksten her, i Markdown.\n",
        crate::schema::DIR
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_gives_a_short_file_name_cut_at_a_word() {
        let title = "Anskaffelse av ".repeat(20);
        let name = short(&slugify(&title));
        assert!(name.len() <= LONGEST_NAME && name.starts_with("anskaffelse-av-"), "{name}");
        assert!(!name.ends_with('-'));
        assert_eq!(short("kontorrekvisita"), "kontorrekvisita");
    }

    #[test]
    fn every_kind_has_a_template_with_the_title() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        for (kind, _) in KINDS {
            let text = template(kind, "Nye møbler", day);
            assert!(text.starts_with("---\n# yaml-language-server: $schema=../.skjema/"), "{kind}");
            assert!(text.contains("\ntittel: \"Nye møbler\"\n"), "{kind}");
        }
    }
}
