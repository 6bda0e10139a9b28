//! The stable code of every kind of diagnostic: `E0xx` for errors, `W0xx` for warnings. A
//! code never changes meaning; `innkjop forklar E021` and docs/feilkoder.md explain each one.

use serde::Serialize;

/// A kind of diagnostic: its code, what it means, and how it is usually fixed.
#[derive(Clone, Copy)]
pub struct Code {
    /// `E021`, `W060`: errors start with E, warnings with W.
    pub id: &'static str,
    /// One line: what is wrong.
    pub title: &'static str,
    /// How to fix it, for the coordinator.
    pub fix: &'static str,
}

impl Code {
    pub fn is_error(self) -> bool {
        self.id.starts_with('E')
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.id == other.id
    }
}

impl Eq for Code {}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

/// Every code as a Markdown table, for the coordinator's docs (`docs/feilkoder.md` holds it,
/// and a test keeps it so).
pub fn table() -> String {
    let mut out = String::from("| Kode | Hva er galt | Slik retter du det |\n|---|---|---|\n");
    for code in ALL {
        out.push_str(&format!("| {} | {} | {} |\n", code.id, code.title, code.fix.replace('|', "\\|")));
    }
    out
}

/// The code with this id (`E021`, case does not matter).
pub fn find(id: &str) -> Option<Code> {
    ALL.iter().copied().find(|c| c.id.eq_ignore_ascii_case(id.trim()))
}

macro_rules! codes {
    ($($id:ident $name:ident $title:literal $fix:literal;)*) => {
        $(pub const $name: Code = Code { id: stringify!($id), title: $title, fix: $fix };)*
        /// Every code, in order.
        pub const ALL: &[Code] = &[$($name),*];
    };
}

codes! {
    // Files and folders.
    E001 UNREADABLE "En fil eller mappe kan ikke leses" "Sjekk at filen finnes og at du har lesetilgang til den.";
    E002 LINK_LOOP "En symbolsk lenke peker i ring" "Fjern lenken, eller la den peke på en vanlig fil eller mappe.";
    E003 TOO_LARGE "Filen er større enn 10 MB" "Store dokumenter legges i content/dokumenter/ og lenkes fra `dokumenter`. Sjekk at ingenting er limt inn ved en feil.";
    E004 NOT_UTF8 "Filen er ikke lagret som UTF-8" "Åpne filen i editoren og lagre den med tegnkoding UTF-8.";
    E005 NO_FRONT_MATTER "En .md-fil mangler nøklene øverst mellom to linjer med `---`" "Begynn filen med en linje `---`, skriv nøklene, avslutt med en linje `---`, og skriv teksten under.";
    E006 CONTROL_CHARACTER "Filen eller en verdi har et usynlig styretegn" "Slett tegnet (ofte limt inn fra et annet program) og skriv teksten på nytt.";
    E007 YAML_WITH_DASHES "En .yaml-fil er skrevet med `---`-linjer som en .md-fil" "Gi filen endelsen .md, eller fjern linjene med `---`.";
    E008 NO_CONTENT_FOLDER "Innholdsmappen finnes ikke" "Kjør kommandoen fra mappen som har content/, eller oppgi mappen med --content.";
    E009 NO_SETTINGS "nettsted.yaml mangler" "Lag content/nettsted.yaml med minst tittel, base_url, vertskommune, kommuner og kategorier.";
    E010 LINK_OUTSIDE "En symbolsk lenke peker ut av content-mappen" "Legg selve filen i content/ i stedet for en lenke til et annet sted.";
    W001 HIDDEN_FILE "En fil som begynner med punktum blir ikke med" "Fjern punktumet foran filnavnet hvis filen skal med.";
    W002 FOLDER_NAMED_LIKE_FILE "En mappe har navn som en innholdsfil" "Gi mappen et annet navn, eller legg filen der mappen står.";
    W003 LOOSE_PAGE "En .md-fil ligger utenfor seksjonsmappene" "Frie sider hører hjemme i content/sider/.";
    // YAML.
    E020 YAML_SYNTAX "YAML-en kan ikke leses" "Se på linjen og kolonnen som vises: ofte et kolon eller # i tekst uten anførselstegn, feil innrykk eller en tabulator.";
    E021 DUPLICATE_KEY "Samme nøkkel står to ganger" "Slett den ene av de to linjene.";
    E022 UNKNOWN_KEY "Ukjent nøkkel" "Sjekk stavemåten (forslaget i hjelpeteksten), eller slett nøkkelen.";
    W025 CURLY_QUOTES "En verdi står i typografiske anførselstegn (“ ”), som Word setter inn" "Bytt dem med vanlige anførselstegn (\"…\"), eller fjern dem: i en tekst blir de ellers stående på nettsiden, og i en id leses de bort.";
    E023 WRONG_TYPE "Verdien har feil form (tekst, tall, liste eller nøkler)" "Skriv verdien i formen hjelpeteksten viser.";
    E024 NUMBER_OUT_OF_RANGE "Et tall er for stort, negativt eller utenfor det tillatte" "Skriv et helt tall innenfor grensene hjelpeteksten nevner.";
    // Values.
    E030 MISSING_KEY "En påkrevd nøkkel mangler eller er tom" "Legg til nøkkelen med en verdi, som i eksemplet.";
    E031 BAD_DATE "Ugyldig dato" "Skriv datoer som ÅÅÅÅ-MM-DD, for eksempel 2026-03-01, med år mellom 1900 og 2199.";
    E032 BAD_DATE_TIME "Ugyldig tidspunkt" "Skriv et tidspunkt som datoen, en stor T og klokkeslettet med kolon: 2026-03-01T09:00 (norsk tid).";
    E033 BAD_FUZZY_DATE "Ugyldig dato for et planlagt tidspunkt" "Skriv datoen så presist den er kjent: 2027-03-15, 2027-03, 2027-Q2 eller 2027.";
    E034 BAD_CHOICE "Verdien er ikke en av de tillatte" "Velg en av verdiene hjelpeteksten lister opp.";
    E035 UNKNOWN_ID "Det finnes ingen med den id-en" "Rett id-en (se forslaget), eller legg den til i listen hjelpeteksten nevner.";
    E036 LISTED_TWICE "Samme verdi står to ganger i en liste" "Fjern den ene.";
    E037 BAD_URL "Ugyldig nettadresse" "Skriv hele adressen med https:// foran, for eksempel https://www.kommune.no/side.";
    E038 BAD_EMAIL "Ugyldig e-postadresse" "Skriv for eksempel navn@kommune.no.";
    E039 BAD_DOFFIN "Ugyldig Doffin-nummer" "Doffin-numre skrives ÅÅÅÅ-NNNNNN, for eksempel 2025-104233.";
    E040 BAD_ORGNR "Ugyldig organisasjonsnummer" "Et organisasjonsnummer har 9 siffer med riktig kontrollsiffer; slå det opp i Enhetsregisteret.";
    E041 BAD_CPV "Ugyldig eller ukjent CPV-kode" "En CPV-kode har 8 siffer; slå den opp i CPV-listen.";
    E042 BAD_ID "Ugyldig id" "En id skrives med små bokstaver a–z, sifre og bindestrek, for eksempel `nore-og-uvdal`.";
    E043 DUPLICATE_ID "Samme id er brukt to ganger" "Gi hver kommune, kategori og leverandør sin egen id.";
    E044 EMPTY_LIST "En liste er tom" "Skriv minst én verdi i listen.";
    E045 MULTI_LINE "En verdi som skal stå på én linje, går over flere" "Skriv verdien på én linje.";
    E046 BAD_BASE_URL "Ugyldig base_url" "Skriv adressen nettstedet publiseres på, for eksempel https://innkjop.kommune.no/, uten ? eller #.";
    W030 ADDRESS_SHOWN_AS_TEXT "En adresse er ikke tillatt og vises som tekst" "Bruk en adresse som begynner med https://, http://, mailto: eller tel:, eller en adresse på nettstedet.";
    // Rules of the domain.
    E060 ENDS_BEFORE_START "Sluttdatoen er før startdatoen" "Sjekk at datoene ikke er byttet om.";
    E061 OPTIONS_OUT_OF_ORDER "Opsjonene står ikke i rekkefølge" "Skriv opsjonene i rekkefølge, hver med datoen den forlenger avtalen til.";
    E062 OPTION_EXERCISED_OUT_OF_ORDER "En opsjon er utløst før en tidligere" "Opsjoner utløses i rekkefølge; sett `utlost: true` på de tidligere også.";
    E063 DEADLINE_WITHOUT_TIME "Tilbudsfristen mangler klokkeslett" "Skriv for eksempel `tilbudsfrist: 2027-02-14T12:00`.";
    E064 COURSE_WITHOUT_PLACE "Kurset mangler både sted og lenke" "Skriv `sted` (navn og adresse) og/eller `digitalt` (lenken til møtet).";
    E065 REGISTRATION_WITHOUT_WAY "Påmeldingen mangler adresse" "Skriv `url` eller `epost` under `pamelding`.";
    E066 BAD_DOCUMENT "Et dokument mangler tittel, fil eller lenke, eller har begge" "Gi hvert dokument `tittel` og enten `fil` eller `url`.";
    E067 DOCUMENT_NOT_FOUND "En dokumentfil finnes ikke, eller peker ut av content/" "Legg filen i content/ (for eksempel content/dokumenter/) og skriv stien relativt til content/.";
    E068 DOCUMENT_TAKES_GENERATED_PATH "Et dokument ville erstattet en side eller fil nettstedet lager selv" "Legg dokumentet i content/dokumenter/ og skriv `fil: dokumenter/navn.pdf`.";
    E069 CPV_LIST_UNREADABLE "CPV-listen kan ikke leses" "Stien i `cpv_liste` er relativ til content/; listen har samme form som eForms-listen fra DFØ (cpv.yaml).";
    E070 TEXT_IN_MARKDOWN_FILE "`tekst` står i en .md-fil" "I en .md-fil skrives teksten under den avsluttende `---`.";
    E071 THEME_NOT_FOUND "Temamappen i `tema` finnes ikke" "Stien i `tema` er relativ til content/, for eksempel `tema: ../mitt-tema`; mappen må ha templates/. `innkjop tema MAPPE` skriver ut det innebygde temaet som et utgangspunkt.";
    E074 MILESTONES_OUT_OF_ORDER "Fristene i en konkurranse står i feil rekkefølge" "Fristene følger hverandre: spørsmål og forespørsel om deltakelse før tilbud, så tildeling, karensperiodens slutt og kontraktssignering. Sjekk datoene, og skriv tilbudsfristen bare ett sted.";
    E072 MAX_BELOW_ESTIMATE "Avtalens maksverdi er lavere enn den anslåtte verdien" "Sjekk beløpene: `maks_verdi` er det avtalen høyst kan være verdt, for hele perioden med opsjoner, og kan ikke være lavere enn `anslatt_verdi`.";
    E073 JOINS_AFTER_END "En kommune blir med etter at avtalen har sluttet" "Sjekk datoen i `fra`: den må være før avtalen slutter, med alle opsjoner.";
    E075 JOINING_ONLY_IN_AGREEMENTS "`fra` på en kommune gjelder bare rammeavtaler" "Skriv kommunen med bare id-en; når en kommune blir med senere, står det i avtalen når den blir inngått.";
    W064 JOINS_AT_START "En kommune har egen startdato som ikke er etter avtalens første dag" "Fjern `fra`: kommunen er med fra avtalen begynner.";
    W060 LONGER_THAN_FOUR_YEARS "Avtalen kan vare mer enn fire år med opsjoner" "Hovedregelen er høyst fire år (FOA § 11-1 (4) og § 26-1 (4)); begrunn unntaket i avtaleteksten.";
    W061 OPTION_UNDECIDED "Avtalen utløper snart, og en opsjon er ikke avgjort" "Avgjør om opsjonen skal utløses (`utlost: true`), eller planlegg en ny konkurranse.";
    W062 RESULT_NOT_AWARDED "`resultat` er satt, men innkjøpet er ikke tildelt" "Sett `status: tildelt` når avtalen er inngått.";
    W063 ENDED_WITHOUT_DATE "En oppsagt, hevet eller avsluttet avtale mangler `avsluttet_fra`" "Skriv datoen avtalen slutter eller sluttet: `avsluttet_fra: 2026-09-01`.";
    // Markdown text.
    W080 RAW_HTML "Teksten har HTML, som vises som tekst" "Skriv Markdown i stedet: **fet**, *kursiv*, [lenke](https://...), lister med `- `.";
    W081 HEADING_ATTRIBUTES "En overskrift har egenskaper i {…} som ikke tas med" "Fjern {…} etter overskriften; bare en id (`{#navn}`) tas med.";
    W082 IMAGE_ELSEWHERE "Et bilde fra et annet nettsted vises ikke" "Sidene henter bare nettstedets egne filer. Legg bildet i content/dokumenter/ og lenk til det som et dokument, eller lenk til bildet.";
    // File names and addresses.
    E090 NO_ADDRESS "Filnavnet gir ingen adresse" "Gi filen et navn med bokstaver eller tall, for eksempel `kontorrekvisita.md`.";
    E091 SAME_ADDRESS "To filer får samme adresse" "Gi en av filene et annet navn; æ, ø og å blir ae, o og a i adressen.";
    E092 RESERVED_ADDRESS "En fil eller en leverandør vil få en adresse nettstedet bruker selv" "Gi filen et annet navn, eller leverandøren en annen id.";
    // Building and writing.
    E100 OUTPUT_REFUSED "Mappen nettstedet skulle skrives til, er ikke trygg å erstatte" "Velg en egen mappe for nettstedet med --output, for eksempel public/.";
    E101 WRITE_FAILED "Nettstedet kunne ikke skrives" "Se årsaken i meldingen (full disk, manglende skrivetilgang); forrige versjon er urørt.";
    E102 BUILD_RUNNING "En annen bygging skriver til den samme mappen" "Vent til den andre byggingen er ferdig, og prøv igjen.";
    E103 SEARCH_INDEX_FAILED "Søkeindeksen kunne ikke lages" "Forrige versjon av nettstedet er urørt; bygg på nytt, og meld fra om feilen kommer igjen.";
    E104 THEME "Feil i temaet (malene)" "Rett malen meldingen nevner; forrige versjon av nettstedet er urørt.";
    W100 EXPORT_PARTIAL "Noe kunne bare delvis tas med i de åpne dataene" "Legg til verdien meldingen nevner; resten er eksportert.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_say_their_severity() {
        let mut ids: Vec<&str> = ALL.iter().map(|c| c.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "a code is used twice");
        for c in ALL {
            assert!(c.id.len() == 4 && (c.id.starts_with('E') || c.id.starts_with('W')), "{}", c.id);
            assert!(c.id[1..].bytes().all(|b| b.is_ascii_digit()), "{}", c.id);
        }
        assert_eq!(find("e021").map(|c| c.title), Some(DUPLICATE_KEY.title));
    }

    /// Every code is given somewhere: a code nothing gives would only confuse the docs.
    #[test]
    fn every_code_is_used() {
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut text = String::new();
        for entry in
            walkdir::WalkDir::new(src).into_iter().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        {
            if !entry.path().ends_with("codes.rs") {
                text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
            }
        }
        let names = include_str!("codes.rs")
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1).filter(|_| l.starts_with("    E") || l.starts_with("    W")));
        for name in names {
            assert!(text.contains(&format!("codes::{name}")), "{name} is never given");
        }
    }

    /// The list of codes in the coordinator's docs is the list here. After adding a code, write
    /// the table anew with `INNKJOP_SKRIV_DOKUMENTASJON=1 cargo test --lib codes`.
    #[test]
    fn the_docs_list_every_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/feilkoder.md");
        let docs = std::fs::read_to_string(path).unwrap_or_default();
        let (start, end) = ("<!-- kodene: start -->\n", "<!-- kodene: slutt -->");
        let (Some(a), Some(b)) = (docs.find(start), docs.find(end)) else { panic!("{path} lacks the markers") };
        let written = &docs[a + start.len()..b];
        if written != table() && std::env::var_os("INNKJOP_SKRIV_DOKUMENTASJON").is_some() {
            let text = format!("{}{}{}", &docs[..a + start.len()], table(), &docs[b..]);
            std::fs::write(path, text).expect("write the docs");
            return;
        }
        assert_eq!(written, table(), "docs/feilkoder.md is behind the codes; see this test's comment");
    }
}
