//! Raw input types: the content files as written, every field optional, unknown keys
//! refused. This is the one place where the Norwegian content keys are named; the
//! `///` comments are the coordinator's documentation of each key.

mod values;

use schemars::JsonSchema;
use serde::Deserialize;
pub use values::{Member, Scope, Text};

/// En kontaktperson.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    /// Navn på kontaktpersonen.
    pub navn: Option<Text>,
    /// Stillingstittel.
    pub tittel: Option<Text>,
    /// E-postadresse.
    pub epost: Option<Text>,
    /// Telefonnummer.
    pub telefon: Option<Text>,
}

/// `content/nettsted.yaml`: innstillingene for nettstedet.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    /// Nettstedets navn (påkrevd).
    pub tittel: Option<Text>,
    /// Én eller to setninger om nettstedet.
    pub beskrivelse: Option<Text>,
    /// Adressen nettstedet publiseres på, for eksempel `https://innkjop.example.no/` (påkrevd).
    pub base_url: Option<Text>,
    /// Språkkode, standard `nb`.
    pub sprak: Option<Text>,
    /// Id-en til vertskommunen (påkrevd).
    pub vertskommune: Option<Text>,
    /// Innkjøpskoordinatoren.
    pub kontakt: Option<RawContact>,
    /// Hvor mange måneder før slutt en avtale regnes som «utløper snart» (standard 6).
    pub utloper_snart_maneder: Option<u32>,
    /// Adressen til tilgjengelighetserklæringen.
    pub tilgjengelighetserklaering: Option<Text>,
    /// Prefiks for OCDS-id-er.
    pub ocid_prefiks: Option<Text>,
    /// Adressen til konkurransegjennomføringsverktøyet (KGV) der samarbeidet tar imot tilbud,
    /// for eksempel samarbeidets side i Mercell eller EU-Supply; lenkes for leverandørene.
    pub konkurranseverktoy: Option<Text>,
    /// Sti til en CPV-liste, relativt til content/.
    pub cpv_liste: Option<Text>,
    /// Sti til et eget tema (mappe med templates/ og static/), relativt til content/, for
    /// eksempel `../mitt-tema`. Uten denne brukes temaet som er bygd inn i programmet.
    pub tema: Option<Text>,
    /// Kommunene i samarbeidet (påkrevd).
    pub kommuner: Option<Vec<RawMunicipality>>,
    /// Kategoriene avtalene sorteres i (påkrevd).
    pub kategorier: Option<Vec<RawCategory>>,
    /// Terskelverdiene fra forskriften, med dato de gjelder fra.
    pub terskelverdier: Option<Vec<RawThreshold>>,
    /// Redigering i nettleseren for flere: med denne får det publiserte nettstedet skjemaene på
    /// /admin/, og hver lagring blir en endring (commit) i git-repoet.
    pub redigering: Option<RawEditing>,
}

/// Hvor skjemaene på det publiserte nettstedet lagrer: git-tjenesten og repoet.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEditing {
    /// `github`, `gitlab` eller `gitea` (påkrevd).
    pub backend: Option<Text>,
    /// Repoet, for eksempel `kongsbergregionen/innkjop` (påkrevd).
    pub repo: Option<Text>,
    /// Grenen som lagres til, standard `main`.
    pub branch: Option<Text>,
    /// Id-en til OAuth-applikasjonen (GitLab og Gitea).
    pub app_id: Option<Text>,
    /// API-adressen til en egen GitLab- eller Gitea-server, for eksempel
    /// `https://git.example.no/api/v1`.
    pub api_root: Option<Text>,
    /// Adressen til innloggingstjenesten (OAuth) for GitHub.
    pub innlogging: Option<Text>,
}

/// En kommune i samarbeidet.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMunicipality {
    /// Kort id, for eksempel `nore-og-uvdal`.
    pub id: Option<Text>,
    /// Navnet, for eksempel «Nore og Uvdal».
    pub navn: Option<Text>,
    /// Kommunens nettside.
    pub nettside: Option<Text>,
    /// Kommunens organisasjonsnummer, 9 siffer.
    pub orgnr: Option<Text>,
    /// Adressen fakturaer sendes til i EHF (PEPPOL), for eksempel `0192:964963767`.
    pub fakturaadresse: Option<Text>,
    /// Den leverandører og innkjøpere i kommunen kan spørre om innkjøp.
    pub innkjopskontakt: Option<RawContact>,
}

/// En kategori for avtaler og innkjøp.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCategory {
    /// Kort id, for eksempel `kontor-og-it`.
    pub id: Option<Text>,
    /// Navnet som vises.
    pub navn: Option<Text>,
    /// Én setning om kategorien.
    pub beskrivelse: Option<Text>,
}

/// En terskelverdi fra anskaffelsesforskriften, som gjelder fra en dato.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawThreshold {
    /// Navnet, for eksempel «Nasjonal terskelverdi».
    pub navn: Option<Text>,
    /// `nasjonal`, `eos`, eller `nedre_grense` (verdien loven ikke gjelder under).
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    /// Beløp i kroner uten mva.
    pub belop: Option<u64>,
    /// Datoen verdien gjelder fra.
    pub gjelder_fra: Option<Text>,
    /// Gjelder bare denne kontraktstypen: `varer`, `tjenester`, `bygg_og_anlegg` eller
    /// `saerlige_tjenester`.
    pub kontraktstype: Option<Text>,
}

/// En leverandør i `content/leverandorer.yaml`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSupplier {
    /// Kort id (påkrevd).
    pub id: Option<Text>,
    /// Firmanavn (påkrevd).
    pub navn: Option<Text>,
    /// Organisasjonsnummer, 9 siffer (påkrevd).
    pub orgnr: Option<Text>,
    /// Nettside.
    pub nettside: Option<Text>,
    /// Kontaktperson hos leverandøren.
    pub kontakt: Option<RawContact>,
    /// Postadresse på én linje.
    pub adresse: Option<Text>,
    /// `true` hvis leverandøren holder til i regionen.
    pub lokal: Option<bool>,
}

/// En opsjon på å forlenge avtalen.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    /// Datoen opsjonen forlenger avtalen til.
    pub til: Option<Text>,
    /// `true` når opsjonen er utløst.
    pub utlost: Option<bool>,
}

/// Et vedlegg til avtalen: en fil i content/ eller en lenke.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// Dokumentets navn.
    pub tittel: Option<Text>,
    /// Sti til filen, relativt til content/.
    pub fil: Option<Text>,
    /// Eller en lenke.
    pub url: Option<Text>,
}

/// Den som har inngått avtalen, når det ikke er samarbeidet selv.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMadeBy {
    /// Navnet, for eksempel «Statens innkjøpssenter» (påkrevd).
    pub navn: Option<Text>,
    /// Adressen til avtalen eller til den som inngikk den.
    pub url: Option<Text>,
}

/// `content/rammeavtaler/*.md`: en rammeavtale.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAgreement {
    /// Avtalens navn (påkrevd).
    pub tittel: Option<Text>,
    /// Én eller to setninger til lister og søk.
    pub sammendrag: Option<Text>,
    /// Kategori-id (påkrevd).
    pub kategori: Option<Text>,
    /// Leverandør-id-er; parallelle avtaler har flere (påkrevd).
    pub leverandorer: Option<Vec<Text>>,
    /// Kommune-id-er, eller `alle` (påkrevd). En kommune som blir med etter at avtalen begynner,
    /// skrives med sin første dag: `{id: flesberg, fra: 2026-03-01}`.
    pub kommuner: Option<Scope>,
    /// Når avtalen er inngått av en annen (fylkeskommunen, et annet samarbeid, en nasjonal
    /// innkjøpssentral) og kommunene bruker den: hvem.
    pub gjennom: Option<RawMadeBy>,
    /// Første dag i avtalen (påkrevd).
    pub gyldig_fra: Option<Text>,
    /// Siste dag i grunnperioden (påkrevd).
    pub gyldig_til: Option<Text>,
    /// Opsjonene, i rekkefølge.
    pub opsjoner: Option<Vec<RawOption>>,
    /// `oppsagt`, `hevet` (hevet på grunn av mislighold) eller `avsluttet`, bare når avtalen
    /// slutter før tiden.
    pub status: Option<Text>,
    /// Dagen avtalen slutter eller sluttet, når den er oppsagt, hevet eller avsluttet; den
    /// gjelder til og med dagen før.
    pub avsluttet_fra: Option<Text>,
    /// Avtalenummeret.
    pub avtalenummer: Option<Text>,
    /// Kunngjøringens nummer i Doffin, ÅÅÅÅ-NNNNNN.
    pub doffin: Option<Text>,
    /// `true` når avtalen bestilles i e-handelssystemet.
    pub ehandel: Option<bool>,
    /// Slik bestiller du (Markdown).
    pub bestilling: Option<Text>,
    /// Hvordan det bestilles fra avtalen: `direkte`, `rangering` (først fra leverandøren som er
    /// rangert først, så fra den neste), `minikonkurranse` (en konkurranse mellom leverandørene
    /// for hver bestilling) eller `direkte_og_minikonkurranse` (direkte under `avrop_grense`).
    pub avrop: Option<Text>,
    /// Beløpsgrensen i kroner uten mva. for `direkte_og_minikonkurranse`: under den bestilles
    /// det direkte, fra den avgjøres bestillingen ved minikonkurranse.
    pub avrop_grense: Option<u64>,
    /// Adressen til avtalens katalog i e-handelsløsningen.
    pub katalog: Option<Text>,
    /// Anslått verdi i kroner uten mva. for hele avtaleperioden med opsjoner og alle kommunene
    /// (slik FOA § 5-4 regner verdien).
    pub anslatt_verdi: Option<u64>,
    /// Avtalens største verdi i kroner uten mva., regnet på samme måte; når den nås, er avtalen
    /// brukt opp.
    pub maks_verdi: Option<u64>,
    /// Eller den største mengden som kan kjøpes, som tekst, for eksempel «40 000 timer».
    pub maks_mengde: Option<Text>,
    /// Id-ene til de etiske kravene avtalen stiller.
    pub etiske_krav: Option<Vec<Text>>,
    /// Vedlegg.
    pub dokumenter: Option<Vec<RawDocument>>,
    /// Kontaktperson for avtalen.
    pub kontakt: Option<RawContact>,
    /// Brødteksten, bare i .yaml-filer.
    pub tekst: Option<Text>,
}

/// Markedsdialog før konkurransen.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDialogue {
    /// Datoen for markedsdialogen.
    pub dato: Option<Text>,
    /// Hva dialogen gjelder.
    pub tekst: Option<Text>,
}

/// Fristene i en konkurranse, i den rekkefølgen de kommer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMilestones {
    /// Siste frist for spørsmål til konkurransegrunnlaget.
    pub sporsmal: Option<Text>,
    /// Frist for forespørsel om å delta (konkurranser i to trinn).
    pub foresporsel_om_deltakelse: Option<Text>,
    /// Tilbudsfristen (som `tilbudsfrist`; skriv den ene eller den andre).
    pub tilbud: Option<Text>,
    /// Når tildelingen ventes.
    pub tildeling: Option<Text>,
    /// Siste dag i karensperioden (klagefristen før kontrakten kan signeres).
    pub karens: Option<Text>,
    /// Når kontrakten ventes signert.
    pub kontraktssignering: Option<Text>,
}

/// En delkontrakt i konkurransen.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLot {
    /// Delkontraktens navn (påkrevd).
    pub tittel: Option<Text>,
    /// Anslått verdi i kroner uten mva.
    pub anslatt_verdi: Option<u64>,
    /// CPV-koder, 8 siffer.
    pub cpv: Option<Vec<Text>>,
}

/// `content/planlagte-innkjop/*.md`: et planlagt innkjøp.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlannedPurchase {
    /// Navnet på anskaffelsen (påkrevd).
    pub tittel: Option<Text>,
    /// Én eller to setninger til lister og søk.
    pub sammendrag: Option<Text>,
    /// Kategori-id (påkrevd).
    pub kategori: Option<Text>,
    /// Kommune-id-er, eller `alle` (påkrevd).
    pub kommuner: Option<Scope>,
    /// planlagt, markedsdialog, kunngjort, evaluering, tildelt eller avlyst (påkrevd).
    pub status: Option<Text>,
    /// varer, tjenester, bygg_og_anlegg eller saerlige_tjenester (helse- og sosialtjenester og
    /// andre særlige tjenester).
    pub kontraktstype: Option<Text>,
    /// Prosedyren, slik Doffin skriver den.
    pub prosedyre: Option<Text>,
    /// CPV-koder, 8 siffer.
    pub cpv: Option<Vec<Text>>,
    /// Anslått verdi i kroner uten mva.
    pub anslatt_verdi: Option<i64>,
    /// Varighet, for eksempel «2+1+1 år».
    pub varighet: Option<Text>,
    /// Når konkurransen kunngjøres: 2027-03-15, 2027-03, 2027-Q2 eller 2027.
    pub kunngjoring: Option<Text>,
    /// Når kontrakten starter, like presist som det er kjent.
    pub kontraktstart: Option<Text>,
    /// Frist for tilbud, dato og klokkeslett.
    pub tilbudsfrist: Option<Text>,
    /// Markedsdialog.
    pub markedsdialog: Option<RawDialogue>,
    /// Id-en til avtalen som erstattes.
    pub erstatter: Option<Text>,
    /// Id-en til avtalen konkurransen ga (ved status tildelt).
    pub resultat: Option<Text>,
    /// Kunngjøringens nummer i Doffin.
    pub doffin: Option<Text>,
    /// Fristene i konkurransen, hver så presist den er kjent (2027-03-15T12:00, 2027-03-15,
    /// 2027-03, 2027-Q2 eller 2027).
    pub frister: Option<RawMilestones>,
    /// Delkontraktene konkurransen er delt i.
    pub delkontrakter: Option<Vec<RawLot>>,
    /// Adressen til konkurransen i konkurransegjennomføringsverktøyet (KGV), der leverandørene
    /// henter dokumentene og leverer tilbud.
    pub konkurranseverktoy: Option<Text>,
    /// Id-ene til de etiske kravene konkurransen stiller (filnavnene i etiske-krav/ uten .md).
    pub etiske_krav: Option<Vec<Text>>,
    /// Kontaktperson.
    pub kontakt: Option<RawContact>,
    /// Brødteksten, bare i .yaml-filer.
    pub tekst: Option<Text>,
}

/// Hvor kurset holdes.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawVenue {
    /// Stedets navn.
    pub navn: Option<Text>,
    /// Adressen.
    pub adresse: Option<Text>,
}

/// Påmelding til kurset.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRegistration {
    /// Påmeldingsskjemaet.
    pub url: Option<Text>,
    /// Eller e-postadressen påmeldingen sendes til.
    pub epost: Option<Text>,
    /// Påmeldingsfrist.
    pub frist: Option<Text>,
}

/// `content/kurs/*.md`: et kurs eller en samling.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCourse {
    /// Kursets navn (påkrevd).
    pub tittel: Option<Text>,
    /// Én eller to setninger til lister og søk.
    pub sammendrag: Option<Text>,
    /// Start: 2027-01-20T09:00, eller bare en dato for hele dagen (påkrevd).
    pub start: Option<Text>,
    /// Slutt.
    pub slutt: Option<Text>,
    /// Sted.
    pub sted: Option<RawVenue>,
    /// Lenke til digitalt møte.
    pub digitalt: Option<Text>,
    /// Hvem kurset er for.
    pub malgruppe: Option<Vec<Text>>,
    /// Påmelding.
    pub pamelding: Option<RawRegistration>,
    /// Antall plasser.
    pub plasser: Option<u32>,
    /// Pris i kroner; 0 er gratis.
    pub pris: Option<u64>,
    /// Arrangør.
    pub arrangor: Option<Text>,
    /// Brødteksten, bare i .yaml-filer.
    pub tekst: Option<Text>,
}

/// `content/etiske-krav/*.md`: et etisk krav.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    /// Kravets navn (påkrevd).
    pub tittel: Option<Text>,
    /// Én eller to setninger til lister og søk.
    pub sammendrag: Option<Text>,
    /// menneskerettigheter, arbeidsforhold, miljo, universell_utforming, livslopskostnader eller antikorrupsjon (påkrevd).
    pub omrade: Option<Text>,
    /// Hjemmel i lov eller forskrift.
    pub hjemmel: Option<Text>,
    /// Standard kontraktsklausul.
    pub kontraktsklausul: Option<Text>,
    /// Brødteksten, bare i .yaml-filer.
    pub tekst: Option<Text>,
}

/// `content/sider/*.md`: en fri side.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    /// Sidens tittel (påkrevd).
    pub tittel: Option<Text>,
    /// Plass i menyen (1 først); uten tall står siden ikke i menyen.
    pub meny: Option<i64>,
    /// `true`: siden står også i hovedmenyen øverst på hver side (for eksempel «Bli leverandør»).
    pub hovedmeny: Option<bool>,
    /// `true`: siden er samarbeidets innkjøpsstrategi, og lenkes fra bunnen av hver side.
    pub strategi: Option<bool>,
    /// Brødteksten, bare i .yaml-filer.
    pub tekst: Option<Text>,
}

/// `content/moter/*.md`: et møte i innkjøpsrådet.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// Møtets navn, for eksempel «Møte i innkjøpsrådet» (påkrevd).
    pub tittel: Option<Text>,
    /// Dag, eller dag og klokkeslett: 2027-02-10T09:00 (påkrevd).
    pub dato: Option<Text>,
    /// Hvor møtet holdes.
    pub sted: Option<Text>,
    /// Sakene, i rekkefølge.
    pub saksliste: Option<Vec<Text>>,
    /// Referatet som dokument: `tittel` og `fil` eller `url`. Eller skriv referatet som tekst i
    /// filen.
    pub referat: Option<RawDocument>,
    /// Brødteksten (referatet), bare i .yaml-filer.
    pub tekst: Option<Text>,
}
