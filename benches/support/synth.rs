//! Synthetic content for benchmarks and tests: a complete, valid content folder
//! (format v1) of any size, deterministic from a seed.
//!
//! Include it with `#[path = "../benches/support/synth.rs"] mod synth;`. The site
//! is the Kongsberg region (eight municipalities, ten categories, the thresholds of
//! the sample site); the items come in the proportions of the sample site (23
//! agreements, 17 planned purchases, 8 courses, 8 requirements, 7 pages), with
//! suppliers on top (one per three agreements, at least five). Statuses are spread
//! relative to the build day 2026-11-26. Every cross-reference resolves; there are
//! no documents. About 1 % of the agreements run longer than four years, and about
//! one in ten of those expiring soon still has an open option: both are warnings.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// How many of each kind were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub agreements: usize,
    pub purchases: usize,
    pub courses: usize,
    pub requirements: usize,
    pub pages: usize,
    pub suppliers: usize,
}

/// Writes a content folder of `items` content items (at least one of each kind) to
/// `content_dir`, creating it if needed. The same seed gives byte-identical files.
pub fn write_site(content_dir: &Path, items: usize, seed: u64) -> io::Result<Counts> {
    let [agreements, purchases, courses, requirements, pages] = split(items);
    let counts =
        Counts { agreements, purchases, courses, requirements, pages, suppliers: agreements.div_ceil(3).max(5) };
    let plan = Plan::new(seed, counts);
    for dir in ["rammeavtaler", "planlagte-innkjop", "kurs", "etiske-krav", "sider"] {
        fs::create_dir_all(content_dir.join(dir))?;
    }
    fs::write(content_dir.join("nettsted.yaml"), settings())?;
    fs::write(content_dir.join("leverandorer.yaml"), plan.suppliers_yaml())?;
    for i in 0..counts.agreements {
        plan.write_item(content_dir, Kind::Agreement, i)?;
    }
    for i in 0..counts.purchases {
        plan.write_item(content_dir, Kind::Purchase, i)?;
    }
    for i in 0..counts.courses {
        plan.write_item(content_dir, Kind::Course, i)?;
    }
    for i in 0..counts.requirements {
        plan.write_item(content_dir, Kind::Requirement, i)?;
    }
    for i in 0..counts.pages {
        plan.write_item(content_dir, Kind::Page, i)?;
    }
    Ok(counts)
}

/// The number of each kind: the sample site's proportions, at least one each.
fn split(items: usize) -> [usize; 5] {
    const WEIGHTS: [usize; 5] = [23, 17, 8, 8, 7];
    let total: usize = WEIGHTS.iter().sum();
    let n = items.max(WEIGHTS.len());
    let mut out = WEIGHTS.map(|w| ((n * w * 2 + total) / (total * 2)).max(1));
    loop {
        let sum: usize = out.iter().sum();
        if sum == n {
            return out;
        }
        if sum < n {
            out[0] += 1;
        } else {
            let largest = (0..out.len()).filter(|&k| out[k] > 1).max_by_key(|&k| (out[k], usize::MAX - k));
            out[largest.unwrap_or(0)] -= 1;
        }
    }
}

// ---------------------------------------------------------------------------------
// Randomness and dates
// ---------------------------------------------------------------------------------

/// SplitMix64: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut r = Rng(seed ^ 0x5EED_1A4B_C0FF_EE00);
        r.next();
        r
    }

    /// An independent stream for one item, so items do not shift each other.
    fn for_item(seed: u64, kind: u64, index: usize, stream: u64) -> Self {
        Rng::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ (kind << 56) ^ ((index as u64) << 8) ^ stream)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `n` distinct indices below `len`, in increasing order.
    fn subset(&mut self, len: usize, n: usize) -> Vec<usize> {
        let mut chosen = vec![false; len];
        let mut left = n.min(len);
        while left > 0 {
            let i = self.below(len);
            if !chosen[i] {
                chosen[i] = true;
                left -= 1;
            }
        }
        (0..len).filter(|&i| chosen[i]).collect()
    }
}

/// A day, as days since 1970-01-01 (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i64);

impl Day {
    fn ymd(y: i64, m: i64, d: i64) -> Day {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    fn parts(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
    }

    /// The first day of a month index (`year * 12 + month - 1`).
    fn month_start(index: i64) -> Day {
        Day::ymd(index.div_euclid(12), index.rem_euclid(12) + 1, 1)
    }

    fn month_index(self) -> i64 {
        let (y, m, _) = self.parts();
        y * 12 + m - 1
    }

    fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    fn year(self) -> i64 {
        self.parts().0
    }

    /// 0 is Monday.
    fn weekday(self) -> i64 {
        (self.0 + 3).rem_euclid(7)
    }

    fn iso(self) -> String {
        let (y, m, d) = self.parts();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// The build day the statuses are spread around.
fn today() -> Day {
    Day::ymd(2026, 11, 26)
}

/// A fuzzy date at a random precision: `2027-03-15`, `2027-03`, `2027-Q2` or `2027`.
fn fuzzy(rng: &mut Rng, day: Day) -> String {
    let (y, m, _) = day.parts();
    match rng.below(4) {
        0 => day.iso(),
        1 => format!("{y:04}-{m:02}"),
        2 => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
        _ => format!("{y:04}"),
    }
}

// ---------------------------------------------------------------------------------
// Fixed data: the site, topics, names and phrases
// ---------------------------------------------------------------------------------

/// (id, name)
const MUNICIPALITIES: [(&str, &str); 8] = [
    ("flesberg", "Flesberg"),
    ("hjartdal", "Hjartdal"),
    ("kongsberg", "Kongsberg"),
    ("nore-og-uvdal", "Nore og Uvdal"),
    ("notodden", "Notodden"),
    ("rollag", "Rollag"),
    ("sigdal", "Sigdal"),
    ("tinn", "Tinn"),
];

/// (id, name, description)
const CATEGORIES: [(&str, &str, &str); 10] = [
    ("kontor-og-it", "Kontor og IT", "Kontorrekvisita, datautstyr, programvare, IT-drift, kopiering og telefoni."),
    (
        "mobler-og-inventar",
        "Møbler og inventar",
        "Kontormøbler, skole- og barnehagemøbler, møbler til institusjoner og innredning.",
    ),
    ("renhold", "Renhold", "Renholdstjenester i kommunale bygg, renholdsmidler, tørkepapir og hygieneartikler."),
    ("mat-og-drikke", "Mat og drikke", "Næringsmidler og drikkevarer til sykehjem, barnehager, skoler og kantiner."),
    (
        "helse-og-omsorg",
        "Helse og omsorg",
        "Medisinsk forbruksmateriell, hjelpemidler, velferdsteknologi og vikartjenester i helse og omsorg.",
    ),
    (
        "bygg-og-eiendom",
        "Bygg og eiendom",
        "Håndverkertjenester, vedlikehold, byggeprosjekter, brøyting og drift av uteområder.",
    ),
    (
        "transport-og-kjoretoy",
        "Transport og kjøretøy",
        "Leasing og kjøp av kjøretøy, drivstoff, lading, drosje og annen persontransport.",
    ),
    ("energi", "Energi", "Elektrisk kraft, kraftforvaltning, fornybar energi og energieffektivisering."),
    (
        "konsulenttjenester",
        "Konsulenttjenester",
        "Rådgivning, juridisk bistand, bedriftshelsetjeneste, tolking og andre kunnskapstjenester.",
    ),
    (
        "oppvekst-og-skole",
        "Oppvekst og skole",
        "Pedagogisk utstyr, læremidler og forbruksmateriell til barnehager og skoler.",
    ),
];

/// What an agreement or purchase is about.
struct Topic {
    category: usize,
    /// Lower-case noun phrase; the title capitalises it.
    noun: &'static str,
    slug: &'static str,
    contract: &'static str,
    cpv: &'static str,
}

const fn t(
    category: usize,
    noun: &'static str,
    slug: &'static str,
    contract: &'static str,
    cpv: &'static str,
) -> Topic {
    Topic { category, noun, slug, contract, cpv }
}

const VARER: &str = "varer";
const TJENESTER: &str = "tjenester";
const BYGG: &str = "bygg_og_anlegg";

const TOPICS: [Topic; 40] = [
    t(0, "kontorrekvisita og papir", "kontorrekvisita", VARER, "30192000"),
    t(0, "PC-er og nettbrett", "pc-og-nettbrett", VARER, "30213000"),
    t(0, "programvare og lisenser", "programvarelisenser", VARER, "48000000"),
    t(0, "IT-driftstjenester", "it-drift", TJENESTER, "72000000"),
    t(0, "mobiltelefoni", "mobiltelefoni", TJENESTER, "64212000"),
    t(0, "kopimaskiner og skrivere", "kopimaskiner", VARER, "30120000"),
    t(1, "kontormøbler", "kontormobler", VARER, "39130000"),
    t(1, "skole- og barnehagemøbler", "skole-og-barnehagemobler", VARER, "39160000"),
    t(1, "møbler til institusjoner", "institusjonsmobler", VARER, "39100000"),
    t(2, "renhold i formålsbygg", "renhold-formalsbygg", TJENESTER, "90910000"),
    t(2, "renholdsartikler og tørkepapir", "renholdsartikler", VARER, "39830000"),
    t(2, "vaskeritjenester", "vaskeritjenester", TJENESTER, "98310000"),
    t(3, "næringsmidler til institusjoner", "naeringsmidler", VARER, "15000000"),
    t(3, "frukt og grønnsaker", "frukt-og-gronnsaker", VARER, "03220000"),
    t(3, "kaffe og drikkeautomater", "kaffe-og-drikkeautomater", VARER, "15860000"),
    t(3, "kantinedrift", "kantinedrift", TJENESTER, "55510000"),
    t(4, "medisinsk forbruksmateriell", "medisinsk-forbruksmateriell", VARER, "33140000"),
    t(4, "vikartjenester i helse og omsorg", "vikartjenester-helse", TJENESTER, "79620000"),
    t(4, "velferdsteknologi", "velferdsteknologi", VARER, "33190000"),
    t(4, "tekniske hjelpemidler", "hjelpemidler", VARER, "33196000"),
    t(5, "håndverkertjenester", "handverkertjenester", BYGG, "45000000"),
    t(5, "brøyting og strøing", "broyting-og-stroing", TJENESTER, "90620000"),
    t(5, "elektroarbeid", "elektroarbeid", BYGG, "45310000"),
    t(5, "vedlikehold av uteområder", "vedlikehold-uteomrader", TJENESTER, "77310000"),
    t(5, "rørleggertjenester", "rorleggertjenester", BYGG, "45330000"),
    t(6, "leasing av personbiler", "leasing-personbiler", VARER, "34110000"),
    t(6, "drivstoff", "drivstoff", VARER, "09100000"),
    t(6, "drosje og persontransport", "drosje-og-persontransport", TJENESTER, "60120000"),
    t(6, "lading av elbiler", "elbillading", VARER, "31681500"),
    t(7, "elektrisk kraft", "elektrisk-kraft", VARER, "09310000"),
    t(7, "kraftforvaltning", "kraftforvaltning", TJENESTER, "71314000"),
    t(7, "solcelleanlegg på formålsbygg", "solcelleanlegg", BYGG, "09331200"),
    t(7, "energieffektivisering i bygg", "energieffektivisering", TJENESTER, "71314300"),
    t(8, "anskaffelsesfaglig rådgivning", "anskaffelsesradgivning", TJENESTER, "79400000"),
    t(8, "bedriftshelsetjeneste", "bedriftshelsetjeneste", TJENESTER, "85147000"),
    t(8, "tolketjenester", "tolketjenester", TJENESTER, "79540000"),
    t(8, "juridisk bistand", "juridisk-bistand", TJENESTER, "79100000"),
    t(9, "pedagogisk utstyr", "pedagogisk-utstyr", VARER, "39162000"),
    t(9, "digitale læremidler", "digitale-laeremidler", VARER, "48190000"),
    t(9, "lekeutstyr til barnehager", "lekeutstyr", VARER, "37535200"),
];

/// Extra CPV codes, all real.
const CPV: [&str; 10] = [
    "30192000", "39130000", "90910000", "15000000", "33140000", "48000000", "34110000", "45000000", "09310000",
    "79400000",
];

const PROCEDURES: [&str; 9] = [
    "åpen anbudskonkurranse",
    "begrenset anbudskonkurranse",
    "konkurranse med forhandling",
    "konkurransepreget dialog",
    "innovasjonspartnerskap",
    "åpen tilbudskonkurranse",
    "begrenset tilbudskonkurranse",
    "minikonkurranse",
    "direkteanskaffelse",
];

const FIRST_NAMES: [&str; 20] = [
    "Ingrid", "Espen", "Kari", "Ola", "Marte", "Henrik", "Siri", "Jon", "Anne", "Lars", "Hilde", "Tor", "Ragnhild",
    "Øystein", "Åse", "Bjørn", "Liv", "Knut", "Solveig", "Håkon",
];

const LAST_NAMES: [&str; 20] = [
    "Haugland",
    "Moe",
    "Bråten",
    "Rustand",
    "Lie",
    "Solberg",
    "Kittilsen",
    "Tveito",
    "Grønås",
    "Hovde",
    "Bakke",
    "Nyhus",
    "Sønstebø",
    "Dahl",
    "Åsland",
    "Fjeld",
    "Lunde",
    "Strand",
    "Holtan",
    "Rønningen",
];

const SUPPLIER_PLACES: [&str; 20] = [
    "Numedal",
    "Lågen",
    "Jondal",
    "Tinnsjø",
    "Gausta",
    "Blefjell",
    "Meheia",
    "Heddal",
    "Eggedal",
    "Veggli",
    "Uvdal",
    "Rødberg",
    "Lampeland",
    "Nordisk",
    "Norsk",
    "Telemark",
    "Buskerud",
    "Fjellheim",
    "Sølvbyen",
    "Vestfjord",
];

const SUPPLIER_TRADES: [&str; 20] = [
    "Kontorservice",
    "IT-drift",
    "Renhold",
    "Mat",
    "Bygg",
    "Transport",
    "Energi",
    "Rådgivning",
    "Læremidler",
    "Helseservice",
    "Elektro",
    "Rør",
    "Møbelhus",
    "Grossisten",
    "Maskin",
    "Data",
    "Vekst",
    "Tolk",
    "Vaskeri",
    "Anlegg",
];

const SUPPLIER_FORMS: [&str; 5] = ["AS", "AS", "AS", "SA", "ANS"];

/// (street, postcode and place, local to the region)
const ADDRESSES: [(&str, &str, bool); 12] = [
    ("Storgata", "3611 Kongsberg", true),
    ("Kirkegata", "3616 Kongsberg", true),
    ("Telemarksgata", "3674 Notodden", true),
    ("Sam Eydes gate", "3660 Rjukan", true),
    ("Sentrumsvegen", "3540 Nesbyen", false),
    ("Lampelandsvegen", "3626 Rollag", true),
    ("Prestfossvegen", "3350 Prestfoss", true),
    ("Rødbergvegen", "3630 Rødberg", true),
    ("Alnabruveien", "0668 Oslo", false),
    ("Dronningens gate", "3019 Drammen", false),
    ("Kongens gate", "7011 Trondheim", false),
    ("Strandkaien", "5013 Bergen", false),
];

/// (name, address)
const VENUES: [(&str, &str); 8] = [
    ("Kongsberg rådhus, kommunestyresalen", "Kirkegata 1, 3616 Kongsberg"),
    ("Notodden bibliotek", "Teatergata 3, 3674 Notodden"),
    ("Tinn rådhus", "Sam Eydes gate 11, 3660 Rjukan"),
    ("Flesberg kulturhus", "Lampelandsvegen 9, 3623 Lampeland"),
    ("Sigdal kommunehus", "Prestfossvegen 2, 3350 Prestfoss"),
    ("Nore og Uvdal kommunehus", "Sentrumsvegen 11, 3630 Rødberg"),
    ("Hjartdal kommunehus", "Sauland sentrum 1, 3692 Sauland"),
    ("Tinn fjellhotell", "Gaustavegen 100, 3660 Rjukan"),
];

const SUMMARIES_AGREEMENT: [&str; 6] = [
    "Rammeavtale om {noun} for kommunene i samarbeidet, med faste priser og levering til alle tjenestesteder.",
    "Avtalen dekker {noun} til kommunale virksomheter, med bestilling direkte hos leverandøren.",
    "Felles avtale om {noun}, med krav til miljø, arbeidsforhold og rask levering i hele regionen.",
    "Parallell rammeavtale om {noun} med rangerte leverandører og minikonkurranse ved større kjøp.",
    "Rammeavtale om {noun} med fast kontaktperson per kommune og kvartalsvis rapportering.",
    "Avtale om {noun} som gir små og store kommuner like vilkår og priser.",
];

const SUMMARIES_PURCHASE: [&str; 5] = [
    "Ny konkurranse om {noun} for kommunene i samarbeidet.",
    "Konkurranse om {noun}, med markedsdialog for lokale leverandører før kunngjøring.",
    "Felles anskaffelse av {noun}; behovet kartlegges nå i kommunene.",
    "Anskaffelse av {noun} med vekt på klima, miljø og livsløpskostnader.",
    "Konkurranse om {noun}, delt opp slik at også mindre leverandører kan gi tilbud.",
];

const SENTENCES: [&str; 26] = [
    "Avtalen dekker behovet for {noun} i kommunene i samarbeidet.",
    "Alle tjenestesteder i {kommune} kan bestille på avtalen fra første dag.",
    "Leverandøren har fast kontaktperson for hver kommune og svarer på henvendelser innen én virkedag.",
    "Prisene reguleres én gang i året etter konsumprisindeksen.",
    "Vi ber bestillerne samle ordrene sine for å redusere antall leveranser.",
    "Behovet ble kartlagt sammen med fagpersoner fra {kommune} og {kommune2}.",
    "Kravene til miljø og arbeidsforhold følges opp gjennom hele avtaleperioden.",
    "Avvik meldes til innkjøpskoordinator, som tar dem opp med leverandøren.",
    "Lokale leverandører oppfordres til å delta, alene eller sammen med andre.",
    "Rapporter om forbruket sendes kommunene hvert kvartal.",
    "Erfaringene fra forrige periode er tatt med i kravspesifikasjonen.",
    "I {aar} la vi særlig vekt på kortere leveringstid og færre transporter.",
    "Har du spørsmål om {noun}, kan du kontakte innkjøpskoordinator.",
    "Kontraktsoppfølgingen skjer i faste statusmøter to ganger i året.",
    "Avtalen gir kommunene lik pris uavhengig av størrelse og beliggenhet.",
    "Små kommuner som {kommune} får de samme vilkårene som de store.",
    "Leverandøren skal dokumentere at kravene er oppfylt før første leveranse.",
    "Kjøp utenfor avtalen må begrunnes og godkjennes av nærmeste leder.",
    "Endringer i sortimentet avtales skriftlig og varsles på denne siden.",
    "Universell utforming og livsløpskostnader er vurdert i alle deler av anskaffelsen.",
    "{leverandor} leverer til alle tjenestesteder i regionen, også til grendeskoler og omsorgsboliger.",
    "Fakturaer sendes som EHF og merkes med bestillerens referanse.",
    "Det er ingen minstebestilling, men frakt tilkommer for ordrer under 1 000 kr eks. mva.",
    "Innkjøpsrådet vedtok strategien for området i {aar}.",
    "Konkurransen ble delt opp slik at også mindre leverandører kunne gi tilbud.",
    "Tjenestestedene i {kommune2} har faste leveringsdager som avtales direkte med leverandøren.",
];

const SENTENCES_PURCHASE: [&str; 8] = [
    "Vi planlegger å kunngjøre konkurransen i Doffin, og i TED når verdien er over EØS-terskelverdien.",
    "Leverandører som vil gi innspill om {noun}, kan ta kontakt før kunngjøringen.",
    "Konkurransegrunnlaget legges ut i KGV, og spørsmål stilles der.",
    "Behovet i {kommune} og {kommune2} er større enn i forrige periode.",
    "Vi vurderer å dele konkurransen i delkontrakter etter geografi.",
    "Tildelingskriteriene blir pris, kvalitet og klima- og miljø, der miljø vektes minst 30 prosent.",
    "Tidsplanen kan endre seg; vi oppdaterer siden når noe er bestemt.",
    "Kontrakten blir en rammeavtale for alle kommunene som har meldt inn behov.",
];

const SENTENCES_COURSE: [&str; 8] = [
    "Kurset passer for deg som bestiller eller følger opp avtaler i {kommune} og de andre kommunene.",
    "Deltakerne får presentasjonen og en sjekkliste etter kurset.",
    "Det blir god tid til spørsmål og erfaringsutveksling underveis.",
    "Vi serverer lunsj, og gir beskjed om allergier ved påmelding.",
    "Kurset gir en praktisk innføring i {noun} med eksempler fra våre egne avtaler.",
    "Ta med egen PC hvis du vil prøve verktøyene under kurset.",
    "Kurset holdes på norsk, og presentasjonene blir tilgjengelige på intranettet.",
    "Plassene fordeles etter påmeldingstidspunkt.",
];

const SENTENCES_REQUIREMENT: [&str; 8] = [
    "Kravet gjelder alle kontrakter der risikoen er høy, uansett verdi.",
    "Leverandøren skal på forespørsel dokumentere hvordan kravet er oppfylt.",
    "Vi følger opp kravet med egenrapportering, og ved behov med revisjon.",
    "Brudd på kravet regnes som vesentlig mislighold av kontrakten.",
    "Kravet er utformet etter veiledningen fra Direktoratet for forvaltning og økonomistyring.",
    "I avtalene om {noun} har kravet gitt merkbare forbedringer.",
    "Leverandøren skal stille de samme kravene til sine underleverandører.",
    "Oppfølgingen rapporteres til innkjøpsrådet én gang i året.",
];

const SENTENCES_PAGE: [&str; 8] = [
    "Innkjøpssamarbeidet består av åtte kommuner med Kongsberg som vertskommune.",
    "Innkjøpskoordinator hjelper kommunene med planlegging, konkurranser og oppfølging.",
    "Alle avtalene står på dette nettstedet, med leverandør, varighet og kontaktperson.",
    "Leverandører finner planlagte konkurranser under planlagte innkjøp.",
    "Vi tar gjerne imot innspill til hvordan nettstedet kan bli bedre.",
    "Kommunene i {kommune} og {kommune2} deltar i alle felles avtaler.",
    "Spørsmål om faktura sendes til kommunens regnskapsavdeling.",
    "Nettstedet oppdateres hver dag med status for avtalene.",
];

const HEADINGS_AGREEMENT: [&str; 7] = [
    "Hva avtalen dekker",
    "Slik bestiller du",
    "Priser og vilkår",
    "Miljø og etikk",
    "Levering",
    "Kontraktsoppfølging",
    "Kontakt og avvik",
];
const HEADINGS_PURCHASE: [&str; 6] =
    ["Bakgrunn", "Omfang", "Tidsplan", "Markedsdialog", "Krav og kriterier", "Slik gir du tilbud"];
const HEADINGS_COURSE: [&str; 5] = ["Program", "Innhold", "Praktisk informasjon", "Påmelding", "Hvem kurset er for"];
const HEADINGS_REQUIREMENT: [&str; 5] = ["Slik følger vi opp", "Dokumentasjon", "Bakgrunn", "Eksempler", "Sanksjoner"];
const HEADINGS_PAGE: [&str; 5] = ["Hva vi gjør", "Slik går du fram", "Ansvar", "Regelverk", "Spørsmål og svar"];

const BULLETS: [&str; 14] = [
    "bestilling i e-handelsløsningen eller på e-post",
    "levering innen tre virkedager til alle tjenestesteder",
    "faste priser på kjerneutvalget i hele perioden",
    "retur innen 30 dager uten gebyr",
    "kvartalsvis rapport om forbruk og miljø",
    "fast kontaktperson for hver kommune",
    "fakturering med EHF og bestillerens referanse",
    "samlet levering én fast dag i uka",
    "miljømerkede produkter der det finnes",
    "opplæring av nye bestillere ved behov",
    "kundesenter åpent hverdager kl. 08.00–16.00",
    "statusmøte med innkjøpskoordinator to ganger i året",
    "lærlinger i kontrakter over to år",
    "kontroll av lønns- og arbeidsvilkår hos underleverandører",
];

const AGENDA: [&str; 10] = [
    "Velkommen og presentasjonsrunde",
    "Regelverket i korte trekk",
    "Behovsavklaring og markedsdialog",
    "Krav, kriterier og dokumentasjon",
    "Kontraktsoppfølging i praksis",
    "Klima og miljø i anskaffelser",
    "Bestilling i e-handelsløsningen",
    "Erfaringer fra kommunene",
    "Gruppearbeid",
    "Oppsummering og spørsmål",
];

const COURSE_TOPICS: [(&str, &str); 10] = [
    ("grunnkurs i offentlige anskaffelser", "grunnkurs-anskaffelser"),
    ("kontraktsoppfølging", "kontraktsoppfolging"),
    ("e-handel for bestillere", "e-handel-for-bestillere"),
    ("tilbudsskriving for leverandører", "slik-gir-du-tilbud"),
    ("klimakrav i anskaffelser", "klimakrav"),
    ("universell utforming i anskaffelser", "universell-utforming"),
    ("leverandørseminar", "leverandorseminar"),
    ("innkjøpssamling", "innkjopssamling"),
    ("minikonkurranser på rammeavtaler", "minikonkurranser"),
    ("etiske krav og sosial dumping", "etiske-krav-kurs"),
];

const AUDIENCES: [&str; 6] = [
    "Innkjøpere",
    "Bestillere i kommunene",
    "Ledere med budsjettansvar",
    "Lokale leverandører",
    "Innkjøpsrådet",
    "Miljørådgivere i kommunene",
];

/// (omrade, titles, legal basis)
const AREAS: [(&str, [&str; 4], &str); 6] = [
    (
        "menneskerettigheter",
        [
            "Menneskerettigheter i leverandørkjeden",
            "Aktsomhetsvurderinger",
            "Sporbarhet i leverandørkjeden",
            "Barnearbeid og tvangsarbeid",
        ],
        "Anskaffelsesloven § 5 og åpenhetsloven",
    ),
    (
        "arbeidsforhold",
        ["Lønns- og arbeidsvilkår", "Lærlinger", "Sosial dumping", "Helse, miljø og sikkerhet"],
        "Forskrift om lønns- og arbeidsvilkår i offentlige kontrakter og anskaffelsesloven § 7",
    ),
    (
        "miljo",
        ["Klima- og miljøhensyn", "Fossilfri transport", "Miljømerkede produkter", "Emballasje og avfall"],
        "Anskaffelsesloven § 5 og anskaffelsesforskriften § 7-9",
    ),
    (
        "universell_utforming",
        ["Universell utforming", "Tilgjengelige digitale løsninger", "Tilgjengelige bygg", "Brukermedvirkning"],
        "Likestillings- og diskrimineringsloven § 17 og forskrift om universell utforming av IKT-løsninger",
    ),
    (
        "livslopskostnader",
        ["Livsløpskostnader", "Energibruk i drift", "Reparasjon og gjenbruk", "Totalkostnad over levetiden"],
        "Anskaffelsesloven § 5",
    ),
    (
        "antikorrupsjon",
        ["Antikorrupsjon og habilitet", "Gaver og fordeler", "Varsling", "Åpenhet om eierskap"],
        "Anskaffelsesloven § 4 og straffeloven §§ 387 til 389",
    ),
];

const CLAUSES: [&str; 6] = [
    "Leverandøren skal respektere grunnleggende menneskerettigheter i hele leverandørkjeden og på forespørsel dokumentere hvordan risiko følges opp.",
    "Ansatte hos leverandøren og underleverandører som utfører arbeid under kontrakten, skal ha lønns- og arbeidsvilkår i samsvar med gjeldende allmenngjøringsforskrifter eller tariffavtale.",
    "Leverandøren skal i avtaleperioden arbeide systematisk for å redusere miljøbelastningen fra leveransene, herunder transport, emballasje og avfall.",
    "Løsninger som leveres, skal være universelt utformet og oppfylle kravene i gjeldende forskrift.",
    "Leverandøren skal på forespørsel oppgi energibruk, forventet levetid og kostnader til drift og vedlikehold.",
    "Leverandøren skal ikke tilby, gi eller love ansatte eller folkevalgte gaver eller andre fordeler som kan påvirke deres tjenestehandlinger.",
];

const PAGE_TITLES: [&str; 12] = [
    "Om innkjøpssamarbeidet",
    "Innkjøpsrådet",
    "Bli leverandør",
    "E-handel",
    "Fakturering",
    "Kontakt oss",
    "Personvern",
    "Slik bestiller du",
    "Innkjøpsplan",
    "Årsrapport",
    "Veileder for små anskaffelser",
    "Ofte stilte spørsmål",
];

const DURATIONS: [&str; 6] = ["2+1+1 år", "2+2 år", "3+1 år", "4 år", "1+1+1+1 år", "engangskjøp"];

const DIALOGUE_TEXTS: [&str; 4] = [
    "Leverandørmøte om behovet og om hvordan konkurransen kan deles opp.",
    "Digitalt informasjonsmøte for interesserte leverandører, med mulighet for en-til-en-samtaler.",
    "Skriftlig høring av utkast til kravspesifikasjon.",
    "Befaring på utvalgte tjenestesteder, med påmelding på forhånd.",
];

// ---------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------

/// The slug rule of the format: lower-case, æ→ae, ø→o, å→a, other runs → `-`.
fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            c if c.is_ascii_alphanumeric() => {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(c);
                continue;
            }
            _ => {
                dash = true;
                continue;
            }
        };
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        out.push_str(mapped);
    }
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A YAML scalar: plain when safe, else double-quoted.
fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.ends_with(' ')
        && !matches!(text.to_ascii_lowercase().as_str(), "true" | "false" | "null" | "yes" | "no" | "on" | "off");
    if plain { text.to_string() } else { format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")) }
}

/// A block scalar's lines, indented.
fn block(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in text.trim_end().lines() {
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Wraps a paragraph at about 84 columns.
fn wrap(text: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if width > 0 && width + 1 + len > 84 {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += len;
    }
    out
}

fn kroner(amount: i64) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out + " kr"
}

/// A valid organisation number: MOD11 with weights 3 2 7 6 5 4 3 2.
fn orgnr(rng: &mut Rng) -> String {
    const WEIGHTS: [u64; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    loop {
        let mut digits = [0u64; 8];
        digits[0] = 8 + rng.below(2) as u64;
        for d in digits.iter_mut().skip(1) {
            *d = rng.below(10) as u64;
        }
        let sum: u64 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => continue,
            c => c,
        };
        return digits.iter().chain([&check]).map(|d| char::from(b'0' + *d as u8)).collect();
    }
}

struct Person {
    name: String,
    email: String,
    phone: String,
}

fn person(rng: &mut Rng, domain: &str) -> Person {
    let first = rng.pick(&FIRST_NAMES);
    let last = rng.pick(&LAST_NAMES);
    Person {
        name: format!("{first} {last}"),
        email: format!("{}.{}@{domain}", slugify(first), slugify(last)),
        phone: format!("+47 32 00 {:02} {:02}", rng.range(40, 49), rng.range(10, 99)),
    }
}

fn contact_yaml(out: &mut String, p: &Person, title: Option<&str>) {
    out.push_str("kontakt:\n");
    let _ = writeln!(out, "  navn: {}", scalar(&p.name));
    if let Some(title) = title {
        let _ = writeln!(out, "  tittel: {}", scalar(title));
    }
    let _ = writeln!(out, "  epost: {}", p.email);
    let _ = writeln!(out, "  telefon: \"{}\"", p.phone);
}

fn scope_yaml(out: &mut String, scope: &Option<Vec<usize>>, flow: bool) {
    match scope {
        None => out.push_str("kommuner: alle\n"),
        Some(list) if flow => {
            let ids: Vec<&str> = list.iter().map(|&k| MUNICIPALITIES[k].0).collect();
            let _ = writeln!(out, "kommuner: [{}]", ids.join(", "));
        }
        Some(list) => {
            out.push_str("kommuner:\n");
            for &k in list {
                let _ = writeln!(out, "  - {}", MUNICIPALITIES[k].0);
            }
        }
    }
}

/// `alle` for half, else a list of one to seven municipalities.
fn scope(rng: &mut Rng) -> Option<Vec<usize>> {
    if rng.chance(50) {
        None
    } else {
        let n = 1 + rng.below(MUNICIPALITIES.len() - 1);
        Some(rng.subset(MUNICIPALITIES.len(), n))
    }
}

// ---------------------------------------------------------------------------------
// The plan: every item's id, title and structured fields, before any text is written
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Agreement,
    Purchase,
    Course,
    Requirement,
    Page,
}

impl Kind {
    fn code(self) -> u64 {
        self as u64 + 1
    }
    fn dir(self) -> &'static str {
        match self {
            Kind::Agreement => "rammeavtaler",
            Kind::Purchase => "planlagte-innkjop",
            Kind::Course => "kurs",
            Kind::Requirement => "etiske-krav",
            Kind::Page => "sider",
        }
    }
    fn url(self, slug: &str) -> String {
        match self {
            Kind::Page => format!("/{slug}/"),
            k => format!("/{}/{slug}/", k.dir()),
        }
    }
}

struct Supplier {
    id: String,
    name: String,
    orgnr: String,
    website: String,
    contact: Person,
    address: String,
    local: bool,
}

struct Agreement {
    slug: String,
    title: String,
    topic: usize,
    from: Day,
    base_months: i64,
    /// Each option's length in months.
    options: Vec<i64>,
    exercised: usize,
    status: Option<&'static str>,
}

struct Item {
    slug: String,
    title: String,
    /// Index into TOPICS (agreements, purchases), COURSE_TOPICS, AREAS or PAGE_TITLES.
    topic: usize,
}

struct Plan {
    seed: u64,
    suppliers: Vec<Supplier>,
    agreements: Vec<Agreement>,
    purchases: Vec<Item>,
    courses: Vec<Item>,
    requirements: Vec<Item>,
    pages: Vec<Item>,
}

/// Base period and option lengths in years; all within four years.
const PERIODS: [(i64, &[i64]); 9] =
    [(2, &[1, 1]), (2, &[2]), (3, &[1]), (1, &[1, 1, 1]), (2, &[1]), (4, &[]), (3, &[]), (2, &[]), (1, &[1])];
/// Longer than four years: a warning.
const LONG_PERIODS: [(i64, &[i64]); 3] = [(3, &[1, 1]), (4, &[1]), (2, &[2, 1])];

impl Plan {
    fn new(seed: u64, counts: Counts) -> Plan {
        let mut rng = Rng::new(seed);
        let suppliers = (0..counts.suppliers)
            .map(|i| {
                let place = rng.pick(&SUPPLIER_PLACES);
                let trade = rng.pick(&SUPPLIER_TRADES);
                let base = slugify(&format!("{place} {trade}"));
                let (street, town, local) = rng.pick(&ADDRESSES);
                Supplier {
                    id: format!("{base}-{i:03}"),
                    name: format!("{place} {trade} {}", rng.pick(&SUPPLIER_FORMS)),
                    orgnr: orgnr(&mut rng),
                    website: format!("https://{base}.example.no"),
                    contact: person(&mut rng, &format!("{base}.example.no")),
                    address: format!("{street} {}, {town}", rng.range(1, 120)),
                    local,
                }
            })
            .collect();
        let agreements = (0..counts.agreements).map(|i| Plan::agreement(seed, i)).collect();
        let purchases = (0..counts.purchases)
            .map(|i| {
                let mut rng = Rng::for_item(seed, Kind::Purchase.code(), i, 0);
                let topic = rng.below(TOPICS.len());
                let noun = TOPICS[topic].noun;
                let title = match rng.below(4) {
                    0 => format!("Ny avtale om {noun}"),
                    1 => format!("{} {}", capitalise(noun), 2027 + rng.range(0, 2)),
                    2 => format!("Konkurranse om {noun}"),
                    _ => capitalise(noun),
                };
                Item { slug: format!("{}-{i:04}", TOPICS[topic].slug), title, topic }
            })
            .collect();
        let courses = (0..counts.courses)
            .map(|i| {
                let mut rng = Rng::for_item(seed, Kind::Course.code(), i, 0);
                let topic = rng.below(COURSE_TOPICS.len());
                let (noun, slug) = COURSE_TOPICS[topic];
                let title = match rng.below(3) {
                    0 => format!("{} – webinar", capitalise(noun)),
                    1 => format!("{} {}", capitalise(noun), 2026 + rng.range(0, 1)),
                    _ => capitalise(noun),
                };
                Item { slug: format!("{slug}-{i:04}"), title, topic }
            })
            .collect();
        let requirements = (0..counts.requirements)
            .map(|i| {
                let mut rng = Rng::for_item(seed, Kind::Requirement.code(), i, 0);
                let topic = i % AREAS.len();
                let title = rng.pick(&AREAS[topic].1);
                Item { slug: format!("{}-{i:04}", slugify(title)), title: title.to_string(), topic }
            })
            .collect();
        let pages = (0..counts.pages)
            .map(|i| {
                let topic = i % PAGE_TITLES.len();
                let title = PAGE_TITLES[topic];
                Item { slug: format!("{}-{i:04}", slugify(title)), title: title.to_string(), topic }
            })
            .collect();
        Plan { seed, suppliers, agreements, purchases, courses, requirements, pages }
    }

    fn agreement(seed: u64, i: usize) -> Agreement {
        let mut rng = Rng::for_item(seed, Kind::Agreement.code(), i, 0);
        let topic = rng.below(TOPICS.len());
        let (base, options) = if rng.below(100) == 0 { rng.pick(&LONG_PERIODS) } else { rng.pick(&PERIODS) };
        let base_months = base * 12;
        let options: Vec<i64> = options.iter().map(|y| y * 12).collect();
        let months_with = |e: usize| base_months + options[..e].iter().sum::<i64>();
        let today_month = today().month_index();
        // Expiring soon: the current end is before today + 6 months (2027-05-26).
        let expiring_limit = Day::ymd(2027, 5, 26).month_index();
        let roll = rng.below(100);
        let (from_month, exercised, status) = match roll {
            // kommende
            0..10 => (today_month + rng.range(1, 10), 0, None),
            // utløper snart: ends between end of November 2026 and end of April 2027; all
            // options exercised, except about one in ten
            10..25 => {
                let e = if rng.chance(10) && !options.is_empty() { rng.below(options.len()) } else { options.len() };
                let end_month = rng.range(today_month, expiring_limit - 1);
                (end_month - months_with(e) + 1, e, None)
            }
            // utløpt: ended by the end of October 2026
            25..45 => {
                let e = rng.below(options.len() + 1);
                let end_month = today_month - 1 - rng.range(0, 30);
                (end_month - months_with(e) + 1, e, None)
            }
            // aktiv (and the overrides, on active-looking dates)
            _ => {
                let e = rng.below(options.len() + 1);
                let lo = (expiring_limit - months_with(e) + 1).max(today_month - 47);
                let status = match roll {
                    45..50 => Some("oppsagt"),
                    50..55 => Some("avsluttet"),
                    _ => None,
                };
                (rng.range(lo, today_month), e, status)
            }
        };
        let from = Day::month_start(from_month);
        let latest = Day::month_start(from_month + months_with(options.len())).plus(-1);
        let noun = TOPICS[topic].noun;
        let title = match rng.below(5) {
            0 | 1 => format!("{} {}–{}", capitalise(noun), from.year(), latest.year()),
            2 => format!("{} – delavtale {}", capitalise(noun), 1 + rng.below(4)),
            _ => capitalise(noun),
        };
        Agreement {
            slug: format!("{}-{i:04}", TOPICS[topic].slug),
            title,
            topic,
            from,
            base_months,
            options,
            exercised,
            status,
        }
    }

    fn suppliers_yaml(&self) -> String {
        let mut out = String::from("# Leverandører. Syntetiske testdata: alle navn og numre er oppdiktet.\n");
        for (i, s) in self.suppliers.iter().enumerate() {
            let _ = writeln!(out, "- id: {}", s.id);
            let _ = writeln!(out, "  navn: {}", scalar(&s.name));
            if i % 2 == 0 {
                let _ = writeln!(out, "  orgnr: \"{}\"", s.orgnr);
            } else {
                let _ = writeln!(out, "  orgnr: {}", s.orgnr);
            }
            let _ = writeln!(out, "  nettside: \"{}\"", s.website);
            out.push_str("  kontakt:\n");
            let _ = writeln!(out, "    navn: {}", scalar(&s.contact.name));
            let _ = writeln!(out, "    epost: {}", s.contact.email);
            let _ = writeln!(out, "    telefon: \"{}\"", s.contact.phone);
            let _ = writeln!(out, "  adresse: {}", scalar(&s.address));
            let _ = writeln!(out, "  lokal: {}", s.local);
        }
        out
    }

    fn item(&self, kind: Kind, i: usize) -> (&str, &str) {
        match kind {
            Kind::Agreement => (&self.agreements[i].slug, &self.agreements[i].title),
            Kind::Purchase => (&self.purchases[i].slug, &self.purchases[i].title),
            Kind::Course => (&self.courses[i].slug, &self.courses[i].title),
            Kind::Requirement => (&self.requirements[i].slug, &self.requirements[i].title),
            Kind::Page => (&self.pages[i].slug, &self.pages[i].title),
        }
    }

    fn len(&self, kind: Kind) -> usize {
        match kind {
            Kind::Agreement => self.agreements.len(),
            Kind::Purchase => self.purchases.len(),
            Kind::Course => self.courses.len(),
            Kind::Requirement => self.requirements.len(),
            Kind::Page => self.pages.len(),
        }
    }

    /// A Markdown link to a random item of `kind`.
    fn link(&self, rng: &mut Rng, kind: Kind) -> String {
        let (slug, title) = self.item(kind, rng.below(self.len(kind)));
        format!("[{title}]({})", kind.url(slug))
    }

    fn write_item(&self, dir: &Path, kind: Kind, i: usize) -> io::Result<()> {
        let mut rng = Rng::for_item(self.seed, kind.code(), i, 1);
        let mut front = String::new();
        let noun = match kind {
            Kind::Agreement => {
                self.agreement_yaml(&mut front, &mut rng, i);
                TOPICS[self.agreements[i].topic].noun
            }
            Kind::Purchase => {
                self.purchase_yaml(&mut front, &mut rng, i);
                TOPICS[self.purchases[i].topic].noun
            }
            Kind::Course => {
                self.course_yaml(&mut front, &mut rng, i);
                COURSE_TOPICS[self.courses[i].topic].0
            }
            Kind::Requirement => {
                self.requirement_yaml(&mut front, &mut rng, i);
                TOPICS[rng.below(TOPICS.len())].noun
            }
            Kind::Page => {
                let _ = writeln!(front, "tittel: {}", scalar(&self.pages[i].title));
                if i < 5 {
                    let _ = writeln!(front, "meny: {}", i + 1);
                }
                "felles innkjøp"
            }
        };
        let body = self.body(&mut rng, kind, noun);
        let slug = &self.item(kind, i).0;
        // About 3 % are written as .yaml files, with the body in `tekst`.
        if rng.chance(3) {
            front.push_str("tekst: |\n");
            front.push_str(&block(&body, "  "));
            fs::write(dir.join(kind.dir()).join(format!("{slug}.yaml")), front)
        } else {
            fs::write(dir.join(kind.dir()).join(format!("{slug}.md")), format!("---\n{front}---\n{body}"))
        }
    }

    fn agreement_yaml(&self, out: &mut String, rng: &mut Rng, i: usize) {
        let a = &self.agreements[i];
        let topic = &TOPICS[a.topic];
        let _ = writeln!(out, "tittel: {}", scalar(&a.title));
        let summary = rng.pick(&SUMMARIES_AGREEMENT).replace("{noun}", topic.noun);
        let _ = writeln!(out, "sammendrag: {}", scalar(&summary));
        let _ = writeln!(out, "kategori: {}", CATEGORIES[topic.category].0);
        out.push_str("leverandorer:\n");
        let n = self.suppliers.len();
        let first = i % n;
        let _ = writeln!(out, "  - {}", self.suppliers[first].id);
        if rng.chance(15) {
            let count = 1 + rng.below(2);
            for k in rng.subset(n, count) {
                if k != first {
                    let _ = writeln!(out, "  - {}", self.suppliers[k].id);
                }
            }
        }
        let flow = rng.chance(50);
        scope_yaml(out, &scope(rng), flow);
        let _ = writeln!(out, "gyldig_fra: {}", a.from.iso());
        let start = a.from.month_index();
        let _ = writeln!(out, "gyldig_til: {}", Day::month_start(start + a.base_months).plus(-1).iso());
        if !a.options.is_empty() {
            out.push_str("opsjoner:\n");
            let mut months = a.base_months;
            for (k, len) in a.options.iter().enumerate() {
                months += len;
                let _ = writeln!(out, "  - til: {}", Day::month_start(start + months).plus(-1).iso());
                let _ = writeln!(out, "    utlost: {}", k < a.exercised);
            }
        }
        if let Some(status) = a.status {
            let _ = writeln!(out, "status: {status}");
        }
        let year = a.from.year() - 1;
        let _ = writeln!(out, "avtalenummer: \"KBR-{year}-{i:04}\"");
        if rng.chance(80) {
            let _ = writeln!(out, "doffin: \"{year}-{}\"", rng.range(100_000, 199_999));
        }
        let ehandel = rng.chance(60);
        let _ = writeln!(out, "ehandel: {ehandel}");
        let ordering = if ehandel {
            format!(
                "Bestill i **e-handelsløsningen** fra katalogen «{}».\nOrdrer før kl. {}.00 leveres neste virkedag.\n\n- {}\n- {}\n",
                capitalise(topic.noun),
                rng.range(10, 14),
                capitalise(rng.pick(&BULLETS)),
                capitalise(rng.pick(&BULLETS)),
            )
        } else {
            format!(
                "Bestill på e-post til leverandøren, og oppgi kommune, tjenestested og\nbestillerens referanse.\n\n- {}\n",
                capitalise(rng.pick(&BULLETS)),
            )
        };
        out.push_str("bestilling: |\n");
        out.push_str(&block(&ordering, "  "));
        if rng.chance(70) {
            out.push_str("etiske_krav:\n");
            let n = self.requirements.len();
            let count = 1 + rng.below(3);
            for k in rng.subset(n, count) {
                let _ = writeln!(out, "  - {}", self.requirements[k].slug);
            }
        }
        let p = person(rng, "kongsbergregionen.example.no");
        contact_yaml(out, &p, rng.chance(50).then_some("Innkjøpsrådgiver"));
    }

    fn purchase_yaml(&self, out: &mut String, rng: &mut Rng, i: usize) {
        let p = &self.purchases[i];
        let topic = &TOPICS[p.topic];
        let _ = writeln!(out, "tittel: {}", scalar(&p.title));
        let summary = rng.pick(&SUMMARIES_PURCHASE).replace("{noun}", topic.noun);
        let _ = writeln!(out, "sammendrag: {}", scalar(&summary));
        let _ = writeln!(out, "kategori: {}", CATEGORIES[topic.category].0);
        let flow = rng.chance(50);
        scope_yaml(out, &scope(rng), flow);
        let status = match rng.below(100) {
            0..30 => "planlagt",
            30..45 => "markedsdialog",
            45..65 => "kunngjort",
            65..75 => "evaluering",
            75..90 => "tildelt",
            _ => "avlyst",
        };
        let _ = writeln!(out, "status: {status}");
        let _ = writeln!(out, "kontraktstype: {}", topic.contract);
        let _ = writeln!(out, "prosedyre: {}", rng.pick(&PROCEDURES));
        out.push_str("cpv:\n");
        let mut codes = vec![topic.cpv];
        for _ in 0..rng.below(3) {
            let code = rng.pick(&CPV);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        for code in codes {
            match rng.below(4) {
                0 if !code.starts_with('0') => {
                    let _ = writeln!(out, "  - {code}");
                }
                1 => {
                    let _ = writeln!(out, "  - \"{code}-{}\"", rng.below(10));
                }
                _ => {
                    let _ = writeln!(out, "  - \"{code}\"");
                }
            }
        }
        if rng.chance(85) {
            let value = match (topic.contract, rng.below(3)) {
                (BYGG, 0) => rng.range(200, 1000) * 100_000,
                (_, 0) => rng.range(4, 25) * 50_000,
                (_, 1) => rng.range(26, 45) * 50_000,
                _ => rng.range(46, 600) * 50_000,
            };
            let _ = writeln!(out, "anslatt_verdi: {value}");
        }
        let _ = writeln!(out, "varighet: {}", scalar(rng.pick(&DURATIONS)));
        let future = matches!(status, "planlagt" | "markedsdialog");
        let announcement = if future { today().plus(rng.range(40, 540)) } else { today().plus(-rng.range(20, 360)) };
        let _ = writeln!(out, "kunngjoring: {}", fuzzy(rng, announcement));
        if rng.chance(70) {
            let start = Day::month_start(announcement.month_index() + rng.range(4, 10));
            let _ = writeln!(out, "kontraktstart: {}", fuzzy(rng, start));
        }
        if matches!(status, "kunngjort" | "evaluering" | "tildelt") {
            let deadline = match status {
                "kunngjort" => today().plus(rng.range(5, 60)),
                _ => today().plus(-rng.range(10, 120)),
            };
            let _ = writeln!(out, "tilbudsfrist: {}T{:02}:00", deadline.iso(), rng.range(10, 14));
        }
        if status == "markedsdialog" || rng.chance(25) {
            out.push_str("markedsdialog:\n");
            let date = if future { today().plus(rng.range(7, 60)) } else { announcement.plus(-rng.range(30, 90)) };
            let _ = writeln!(out, "  dato: {}", date.iso());
            let _ = writeln!(out, "  tekst: {}", scalar(rng.pick(&DIALOGUE_TEXTS)));
        }
        if rng.chance(40) {
            let _ = writeln!(out, "erstatter: {}", self.agreements[rng.below(self.agreements.len())].slug);
        }
        if status == "tildelt" && rng.chance(60) {
            let _ = writeln!(out, "resultat: {}", self.agreements[rng.below(self.agreements.len())].slug);
        }
        if matches!(status, "kunngjort" | "evaluering" | "tildelt") {
            let _ = writeln!(out, "doffin: \"{}-{}\"", announcement.year(), rng.range(100_000, 199_999));
        }
        let p = person(rng, "kongsbergregionen.example.no");
        contact_yaml(out, &p, None);
    }

    fn course_yaml(&self, out: &mut String, rng: &mut Rng, i: usize) {
        let c = &self.courses[i];
        let noun = COURSE_TOPICS[c.topic].0;
        let _ = writeln!(out, "tittel: {}", scalar(&c.title));
        let summary = format!(
            "Kurs om {noun} for innkjøpere og bestillere i kommunene, med eksempler fra samarbeidets egne avtaler."
        );
        let _ = writeln!(out, "sammendrag: {}", scalar(&summary));
        let mut day = today().plus(rng.range(-300, 400));
        while day.weekday() >= 5 {
            day = day.plus(1);
        }
        let shape = rng.below(100);
        let online = shape < 25;
        if online {
            let hour = rng.range(9, 14);
            let _ = writeln!(out, "start: {}T{hour:02}:00", day.iso());
            let _ = writeln!(out, "slutt: {}T{:02}:30", day.iso(), hour + 1);
        } else if shape < 40 {
            let _ = writeln!(out, "start: {}", day.iso());
            let _ = writeln!(out, "slutt: {}", day.plus(rng.range(1, 2)).iso());
        } else {
            let _ = writeln!(out, "start: {}T09:00", day.iso());
            if rng.chance(80) {
                let _ = writeln!(out, "slutt: {}T{:02}:30", day.iso(), rng.range(12, 15));
            }
        }
        if !online {
            let (name, address) = rng.pick(&VENUES);
            out.push_str("sted:\n");
            let _ = writeln!(out, "  navn: {}", scalar(name));
            let _ = writeln!(out, "  adresse: {}", scalar(address));
        }
        if online || rng.chance(20) {
            let _ = writeln!(out, "digitalt: \"https://teams.example.no/kbr/{}\"", c.slug);
        }
        out.push_str("malgruppe:\n");
        let count = 1 + rng.below(3);
        for k in rng.subset(AUDIENCES.len(), count) {
            let _ = writeln!(out, "  - {}", AUDIENCES[k]);
        }
        if rng.chance(90) {
            out.push_str("pamelding:\n");
            if rng.chance(60) {
                let _ = writeln!(out, "  url: \"https://innkjop.example.no/pamelding/{}\"", c.slug);
            } else {
                out.push_str("  epost: innkjop@kongsbergregionen.example.no\n");
            }
            let _ = writeln!(out, "  frist: {}", day.plus(-rng.range(2, 14)).iso());
        }
        let _ = writeln!(out, "plasser: {}", rng.range(2, 30) * 5);
        let price = if rng.chance(60) { 0 } else { rng.range(5, 40) * 100 };
        let _ = writeln!(out, "pris: {price}");
        out.push_str("arrangor: Innkjøpssamarbeidet i Kongsbergregionen\n");
    }

    fn requirement_yaml(&self, out: &mut String, rng: &mut Rng, i: usize) {
        let r = &self.requirements[i];
        let (area, _, basis) = AREAS[r.topic];
        let _ = writeln!(out, "tittel: {}", scalar(&r.title));
        let summary = format!(
            "{} stilles som krav i kontrakter med høy risiko, og følges opp gjennom hele avtaleperioden.",
            r.title
        );
        let _ = writeln!(out, "sammendrag: {}", scalar(&summary));
        let _ = writeln!(out, "omrade: {area}");
        let _ = writeln!(out, "hjemmel: {}", scalar(basis));
        let clause = format!(
            "{}\n\n{}\n",
            wrap(CLAUSES[r.topic]),
            wrap(&format!(
                "Leverandøren skal innen {} dager etter forespørsel dokumentere at kravet er oppfylt. {}",
                rng.range(2, 6) * 7,
                rng.pick(&SENTENCES_REQUIREMENT).replace("{noun}", "leveransene")
            ))
        );
        out.push_str("kontraktsklausul: |\n");
        out.push_str(&block(&clause, "  "));
    }

    /// A Markdown body of about 1.5 KB.
    fn body(&self, rng: &mut Rng, kind: Kind, noun: &str) -> String {
        let (headings, own): (&[&str], &[&str]) = match kind {
            Kind::Agreement => (&HEADINGS_AGREEMENT, &SENTENCES),
            Kind::Purchase => (&HEADINGS_PURCHASE, &SENTENCES_PURCHASE),
            Kind::Course => (&HEADINGS_COURSE, &SENTENCES_COURSE),
            Kind::Requirement => (&HEADINGS_REQUIREMENT, &SENTENCES_REQUIREMENT),
            Kind::Page => (&HEADINGS_PAGE, &SENTENCES_PAGE),
        };
        let supplier = &self.suppliers[rng.below(self.suppliers.len())].name;
        // Templates already used in this body, so no sentence repeats.
        let mut used: Vec<&str> = Vec::new();
        let mut sentence = |rng: &mut Rng| {
            let mut template = "";
            for _ in 0..20 {
                template = if rng.chance(50) { rng.pick(own) } else { rng.pick(&SENTENCES) };
                if !used.contains(&template) {
                    break;
                }
            }
            used.push(template);
            let k1 = rng.below(MUNICIPALITIES.len());
            let k2 = (k1 + 1 + rng.below(MUNICIPALITIES.len() - 1)) % MUNICIPALITIES.len();
            template
                .replace("{noun}", noun)
                .replace("{kommune}", MUNICIPALITIES[k1].1)
                .replace("{kommune2}", MUNICIPALITIES[k2].1)
                .replace("{leverandor}", supplier)
                .replace("{aar}", &rng.range(2019, 2026).to_string())
        };
        let heading_idx = rng.subset(headings.len(), 3);
        let mut out = String::new();
        let intro: Vec<String> = (0..3).map(|_| sentence(rng)).collect();
        out.push_str(&wrap(&intro.join(" ")));
        let _ = write!(out, "\n\n## {}\n\n", headings[heading_idx[0]]);
        let _ = writeln!(out, "{}\n", wrap(&sentence(rng)));
        let count = 3 + rng.below(3);
        for k in rng.subset(BULLETS.len(), count) {
            let _ = writeln!(out, "- {}", capitalise(BULLETS[k]));
        }
        let _ = write!(out, "\n## {}\n\n", headings[heading_idx[1]]);
        out.push_str(self.table(rng, kind, noun).trim_end());
        let tail = {
            let mut tail = format!("\n\n## {}\n\n", headings[heading_idx[2]]);
            let last = if rng.chance(50) { Kind::Course } else { Kind::Page };
            let links = format!(
                "Se også {} og {}. Les mer om {} og om {}.",
                self.link(rng, Kind::Agreement),
                self.link(rng, Kind::Purchase),
                self.link(rng, Kind::Requirement),
                self.link(rng, last),
            );
            tail.push_str(&wrap(&links));
            tail.push('\n');
            tail
        };
        let target = 1350 + rng.below(300);
        let mut middle: Vec<String> = Vec::new();
        while out.len() + middle.iter().map(|s| s.len() + 1).sum::<usize>() + tail.len() < target {
            middle.push(sentence(rng));
        }
        if !middle.is_empty() {
            out.push_str("\n\n");
            out.push_str(&wrap(&middle.join(" ")));
        }
        out.push_str(&tail);
        out
    }

    fn table(&self, rng: &mut Rng, kind: Kind, noun: &str) -> String {
        let mut out = String::new();
        let rows = 3 + rng.below(2);
        match kind {
            Kind::Course => {
                out.push_str("| Tid | Innhold |\n|---|---|\n");
                let mut minutes = 9 * 60;
                for k in rng.subset(AGENDA.len(), rows) {
                    let _ = writeln!(out, "| kl. {:02}.{:02} | {} |", minutes / 60, minutes % 60, AGENDA[k]);
                    minutes += 45 + 15 * rng.range(0, 3);
                }
            }
            Kind::Purchase => {
                out.push_str("| Milepæl | Tidspunkt |\n|---|---|\n");
                let mut day = today().plus(rng.range(-120, 120));
                for step in
                    ["Markedsdialog", "Kunngjøring", "Tilbudsfrist", "Tildeling", "Kontraktstart"].iter().take(rows + 1)
                {
                    let (y, m, _) = day.parts();
                    let month = innkjop::model::dates::FuzzyDate::Month(y as i32, m as u32).long();
                    let _ = writeln!(out, "| {step} | {month} |");
                    day = day.plus(rng.range(30, 90));
                }
            }
            Kind::Requirement => {
                out.push_str("| Krav | Dokumentasjon | Oppfølging |\n|---|---|---|\n");
                let docs = ["Egenerklæring", "Sertifikat", "Revisjonsrapport", "Miljømerke", "Lønnsslipper"];
                let follow = ["Årlig", "Ved oppstart", "Stikkprøver", "Ved mistanke", "Kvartalsvis"];
                for k in 0..rows {
                    let _ = writeln!(out, "| Krav {} | {} | {} |", k + 1, rng.pick(&docs), rng.pick(&follow));
                }
            }
            _ if rng.chance(50) => {
                out.push_str("| Kommune | Leveringsdag | Bestillingsfrist |\n|---|---|---|\n");
                let days = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag"];
                for k in rng.subset(MUNICIPALITIES.len(), rows) {
                    let _ = writeln!(
                        out,
                        "| {} | {} | kl. {}.00 dagen før |",
                        MUNICIPALITIES[k].1,
                        rng.pick(&days),
                        rng.range(10, 14)
                    );
                }
            }
            _ => {
                out.push_str("| Vare eller tjeneste | Enhet | Pris eks. mva. |\n|---|---|---|\n");
                let variants = ["standard", "miljømerket", "kjerneutvalg", "stor", "liten", "ekspress"];
                let units = ["stk.", "pakke à 10", "eske", "time", "måned"];
                for k in rng.subset(variants.len(), rows) {
                    let _ = writeln!(
                        out,
                        "| {}, {} | {} | {} |",
                        capitalise(noun),
                        variants[k],
                        rng.pick(&units),
                        kroner(rng.range(3, 2000) * 5)
                    );
                }
            }
        }
        out
    }
}

/// The site settings: the Kongsberg region, with a synthetic base URL and OCDS prefix.
fn settings() -> String {
    let mut out = String::from(
        "# Innstillinger for et syntetisk testnettsted.\n\
         tittel: Innkjøpssamarbeidet i Kongsbergregionen (testdata)\n\
         beskrivelse: Syntetisk innhold for ytelsestester av innkjop.\n\
         base_url: \"https://innkjop.example.no/\"\n\
         sprak: nb\n\
         vertskommune: kongsberg\n\
         kontakt:\n  navn: Ingrid Haugland\n  tittel: Innkjøpskoordinator\n  \
         epost: innkjop@kongsbergregionen.example.no\n  telefon: \"+47 32 00 40 10\"\n\
         utloper_snart_maneder: 6\n\
         tilgjengelighetserklaering: \"https://uustatus.no/nb/erklaringar/publisert/00000000-0000-4000-8000-000000000000\"\n\
         ocid_prefiks: \"ocds-synth\"\n\
         kommuner:\n",
    );
    for (id, name) in MUNICIPALITIES {
        let _ = writeln!(out, "  - id: {id}\n    navn: {name} kommune\n    nettside: \"https://www.{id}.kommune.no/\"");
    }
    out.push_str("kategorier:\n");
    for (id, name, description) in CATEGORIES {
        let _ = writeln!(out, "  - id: {id}\n    navn: {}\n    beskrivelse: {}", scalar(name), scalar(description));
    }
    out.push_str(
        "terskelverdier:\n\
         \x20 - navn: Nasjonal terskelverdi\n    type: nasjonal\n    belop: 1300000\n    gjelder_fra: 2024-01-01\n\
         \x20 - navn: EØS-terskelverdi for varekontrakter (kommuner)\n    type: eos\n    belop: 2300000\n    gjelder_fra: 2024-03-14\n    kontraktstype: varer\n\
         \x20 - navn: EØS-terskelverdi for tjenestekontrakter (kommuner)\n    type: eos\n    belop: 2300000\n    gjelder_fra: 2024-03-14\n    kontraktstype: tjenester\n\
         \x20 - navn: EØS-terskelverdi for bygge- og anleggskontrakter\n    type: eos\n    belop: 57800000\n    gjelder_fra: 2024-01-01\n    kontraktstype: bygg_og_anlegg\n",
    );
    out
}
