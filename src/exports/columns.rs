//! The columns of the open data files: names, types and what each one holds. They are a
//! promise to everyone who reuses the data: add columns at the end, never rename one.

use serde::Serialize;

/// One column (CSV) or field (JSON).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    pub name: &'static str,
    /// The type in words: tekst, dato, heltall, liste, sann/usann, nøkkel.
    pub kind: &'static str,
    pub about: &'static str,
}

/// One content kind's data set: `/data/<id>.json` and `/data/<id>.csv`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Dataset {
    pub id: &'static str,
    pub title: &'static str,
    pub about: &'static str,
    pub columns: &'static [Column],
}

const fn col(name: &'static str, kind: &'static str, about: &'static str) -> Column {
    Column { name, kind, about }
}

const ID: Column = col("id", "nøkkel", "Fast id: filnavnet uten endelse. Endres ikke.");
const URL: Column = col("url", "tekst", "Adressen til siden på nettstedet.");
const KOMMUNER: Column =
    col("kommuner", "liste", "Id-ene til kommunene det gjelder for (alle kommunene listes når det gjelder alle).");
const ALLE: Column = col("alle_kommuner", "sann/usann", "true når det gjelder alle kommunene i samarbeidet.");

pub const AGREEMENTS: Dataset = Dataset {
    id: "rammeavtaler",
    title: "Rammeavtaler",
    about: "Én rad per rammeavtale, med perioden, opsjonene og statusen på byggedagen.",
    columns: &[
        ID,
        col("tittel", "tekst", "Avtalens navn."),
        col("sammendrag", "tekst", "Kort beskrivelse."),
        col("kategori", "nøkkel", "Id-en til kategorien."),
        col("leverandorer", "liste", "Id-ene til leverandørene (flere ved parallelle avtaler)."),
        col("leverandor_navn", "liste", "Navnene til leverandørene, i samme rekkefølge."),
        KOMMUNER,
        ALLE,
        col("gyldig_fra", "dato", "Første dag avtalen gjelder."),
        col("gyldig_til", "dato", "Siste dag i grunnperioden, uten opsjoner."),
        col(
            "opsjoner",
            "liste",
            "Opsjonene i rekkefølge som dato:utlost eller dato:ikke_utlost, der datoen er siste dag i opsjonen.",
        ),
        col(
            "gjeldende_slutt",
            "dato",
            "Siste dag avtalen gjelder nå: siste utløste opsjon, ellers gyldig_til; for en avtale som slutter før tiden, dagen før avsluttet_fra.",
        ),
        col("seneste_slutt", "dato", "Siste dag avtalen kan gjelde om alle opsjonene utløses."),
        col("apen_opsjon", "sann/usann", "true når en opsjon etter gjeldende slutt ennå ikke er utløst."),
        col(
            "status",
            "nøkkel",
            "kommende, aktiv, utloper_snart, utlopt, oppsagt, hevet eller avsluttet, på byggedagen.",
        ),
        col(
            "avsluttet",
            "nøkkel",
            "oppsagt, hevet eller avsluttet når avtalen slutter eller har sluttet før tiden; ellers tom.",
        ),
        col("avsluttet_fra", "dato", "Dagen avtalen slutter eller sluttet før tiden; tom når den ikke er oppgitt."),
        col("avtalenummer", "tekst", "Avtalenummeret."),
        col("doffin", "tekst", "Kunngjøringens id i Doffin (ÅÅÅÅ-NNNNNN)."),
        col("ehandel", "sann/usann", "true når avtalen er i e-handelsløsningen; tom når det ikke er oppgitt."),
        col(
            "avrop",
            "nøkkel",
            "Hvordan det bestilles: direkte, rangering, minikonkurranse eller direkte_og_minikonkurranse; tom når det ikke er oppgitt.",
        ),
        col(
            "avrop_grense",
            "heltall",
            "Kroner uten mva.: under beløpet bestilles det direkte, fra det ved minikonkurranse.",
        ),
        col("katalog", "tekst", "Adressen til avtalens katalog i e-handelsløsningen."),
        col(
            "kommuner_fra",
            "liste",
            "Kommunene som ble eller blir med etter at avtalen begynte, som kommune:dato, der datoen er kommunens første dag.",
        ),
        col("gjennom", "tekst", "Hvem som inngikk avtalen, når det er en annen enn samarbeidet; ellers tom."),
        col("gjennom_url", "tekst", "Adressen til avtalen hos den som inngikk den."),
        col(
            "anslatt_verdi",
            "heltall",
            "Anslått verdi i kroner uten mva. for hele perioden med opsjoner og alle kommunene.",
        ),
        col("maks_verdi", "heltall", "Avtalens største verdi i kroner uten mva., regnet på samme måte."),
        col("maks_mengde", "tekst", "Den største mengden som kan kjøpes, når den er oppgitt som mengde."),
        col("etiske_krav", "liste", "Id-ene til de etiske kravene avtalen bruker."),
        URL,
    ],
};

pub const PURCHASES: Dataset = Dataset {
    id: "planlagte-innkjop",
    title: "Planlagte innkjøp",
    about: "Én rad per planlagt innkjøp i konkurranseplanen.",
    columns: &[
        ID,
        col("tittel", "tekst", "Navnet på anskaffelsen."),
        col("sammendrag", "tekst", "Kort beskrivelse."),
        col("kategori", "nøkkel", "Id-en til kategorien."),
        KOMMUNER,
        ALLE,
        col("status", "nøkkel", "planlagt, markedsdialog, kunngjort, evaluering, tildelt eller avlyst."),
        col(
            "kontraktstype",
            "nøkkel",
            "varer, tjenester, bygg_og_anlegg eller saerlige_tjenester (helse- og sosialtjenester og andre særlige tjenester); tom når den ikke er oppgitt.",
        ),
        col("prosedyre", "tekst", "Prosedyren slik Doffin skriver den, for eksempel åpen anbudskonkurranse."),
        col("cpv", "liste", "CPV-kodene, 8 sifre uten kontrollsiffer."),
        col("anslatt_verdi", "heltall", "Anslått verdi i kroner uten mva."),
        col(
            "terskelklasse",
            "nøkkel",
            "ukjent, under_nedre_grense (loven gjelder ikke), under_nasjonal, nasjonal, eos (kunngjøres også i TED) eller saerlige_under_eos (særlige tjenester under EØS-terskelverdien).",
        ),
        col("varighet", "tekst", "Varigheten slik den er skrevet, for eksempel 2+1+1 år."),
        col(
            "kunngjoring",
            "tekst",
            "Når konkurransen kunngjøres, så presist som kjent: 2027, 2027-Q2, 2027-03 eller 2027-03-15.",
        ),
        col("kunngjoring_fra", "dato", "Første dag i perioden i kunngjoring."),
        col("kontraktstart", "tekst", "Planlagt kontraktstart, i samme form som kunngjoring."),
        col("tilbudsfrist", "tekst", "Tilbudsfristen, norsk tid: ÅÅÅÅ-MM-DDTTT:MM (eller bare en dato)."),
        col("markedsdialog_dato", "dato", "Dagen for markedsdialogen."),
        col("erstatter", "nøkkel", "Id-en til rammeavtalen konkurransen skal erstatte."),
        col("resultat", "nøkkel", "Id-en til rammeavtalen konkurransen ga."),
        col("doffin", "tekst", "Kunngjøringens id i Doffin."),
        col(
            "frist_sporsmal",
            "tekst",
            "Siste frist for spørsmål, i samme form som kunngjoring, eller med klokkeslett.",
        ),
        col(
            "frist_foresporsel_om_deltakelse",
            "tekst",
            "Frist for forespørsel om deltakelse (konkurranser i to trinn), i samme form.",
        ),
        col("frist_tilbud", "tekst", "Tilbudsfristen slik den står under frister, i samme form."),
        col("frist_tildeling", "tekst", "Når tildelingen ventes, i samme form."),
        col("frist_karens", "tekst", "Siste dag i karensperioden, i samme form."),
        col("frist_kontraktssignering", "tekst", "Når kontrakten ventes signert, i samme form."),
        col("delkontrakter", "liste", "Navnene på delkontraktene, i rekkefølge."),
        col("konkurranseverktoy", "tekst", "Adressen til konkurransen i konkurransegjennomføringsverktøyet (KGV)."),
        URL,
    ],
};

pub const COURSES: Dataset = Dataset {
    id: "kurs",
    title: "Kurs og samlinger",
    about: "Én rad per kurs eller samling.",
    columns: &[
        ID,
        col("tittel", "tekst", "Navnet på kurset."),
        col("sammendrag", "tekst", "Kort beskrivelse."),
        col("start", "tekst", "Start, norsk tid: ÅÅÅÅ-MM-DDTTT:MM, eller en dato for et heldagsarrangement."),
        col("slutt", "tekst", "Slutt, i samme form som start."),
        col("sted_navn", "tekst", "Navnet på stedet."),
        col("sted_adresse", "tekst", "Adressen."),
        col("digitalt", "tekst", "Lenke til digital deltakelse."),
        col("malgruppe", "liste", "Hvem kurset er for."),
        col("pamelding_url", "tekst", "Lenke til påmelding."),
        col("pamelding_epost", "tekst", "E-postadresse for påmelding."),
        col("pamelding_frist", "tekst", "Påmeldingsfrist, dato eller tidspunkt."),
        col("plasser", "heltall", "Antall plasser."),
        col("pris", "heltall", "Pris i kroner; 0 er gratis."),
        col("arrangor", "tekst", "Arrangøren."),
        URL,
    ],
};

pub const REQUIREMENTS: Dataset = Dataset {
    id: "etiske-krav",
    title: "Etiske krav",
    about: "Én rad per etisk krav samarbeidet stiller i sine avtaler.",
    columns: &[
        ID,
        col("tittel", "tekst", "Navnet på kravet."),
        col("sammendrag", "tekst", "Kort beskrivelse."),
        col(
            "omrade",
            "nøkkel",
            "menneskerettigheter, arbeidsforhold, miljo, universell_utforming, livslopskostnader eller antikorrupsjon.",
        ),
        col("hjemmel", "tekst", "Rettslig grunnlag."),
        col("kontraktsklausul", "tekst", "Standardklausulen i kontrakten."),
        col("rammeavtaler", "liste", "Id-ene til rammeavtalene som bruker kravet."),
        URL,
    ],
};

pub const SUPPLIERS: Dataset = Dataset {
    id: "leverandorer",
    title: "Leverandører",
    about: "Én rad per leverandør med rammeavtale.",
    columns: &[
        ID,
        col("navn", "tekst", "Firmanavnet."),
        col("orgnr", "tekst", "Organisasjonsnummeret i Enhetsregisteret, 9 sifre."),
        col("nettside", "tekst", "Nettsiden."),
        col("adresse", "tekst", "Adressen."),
        col("lokal", "sann/usann", "true når leverandøren holder til i regionen."),
        col("kontakt_navn", "tekst", "Kontaktperson."),
        col("kontakt_epost", "tekst", "Kontaktpersonens e-post."),
        col("kontakt_telefon", "tekst", "Kontaktpersonens telefon."),
        col("rammeavtaler", "liste", "Id-ene til leverandørens rammeavtaler."),
        URL,
    ],
};

pub const MUNICIPALITIES: Dataset = Dataset {
    id: "kommuner",
    title: "Kommuner",
    about: "Én rad per kommune i samarbeidet.",
    columns: &[
        ID,
        col("navn", "tekst", "Kommunens navn."),
        col("nettside", "tekst", "Kommunens nettside."),
        col("vertskommune", "sann/usann", "true for vertskommunen."),
        col("rammeavtaler", "liste", "Id-ene til rammeavtalene kommunen er med i."),
        col("planlagte_innkjop", "liste", "Id-ene til de planlagte innkjøpene kommunen er med i."),
        URL,
    ],
};

/// Every data set, in the order the `/data/` page lists them.
pub const ALL: [Dataset; 6] = [AGREEMENTS, PURCHASES, COURSES, REQUIREMENTS, SUPPLIERS, MUNICIPALITIES];
