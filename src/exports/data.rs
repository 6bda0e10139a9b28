//! Open data: JSON and CSV of every content kind under `/data/`, with the columns of
//! `columns.rs`. The one module that calls the `csv` crate.
//!
//! CSV is written for Excel with a Norwegian locale: UTF-8 with a byte order mark (else
//! Excel guesses a legacy code page), `;` between fields (Excel's list separator where `,`
//! is the decimal separator), CRLF line ends, and a `'` before any cell that Excel would
//! read as a formula.

use super::columns::{self, Dataset};
use crate::model::*;
use crate::rules::period::AgreementStatus;
use crate::site::Site;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    Bool(bool),
    List(Vec<String>),
    Null,
}

/// Every data file: (path relative to the output folder, bytes).
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for set in columns::ALL {
        let rows = rows(site, &set);
        out.push((format!("data/{}.json", set.id), json(&set, &rows).into_bytes()));
        out.push((format!("data/{}.csv", set.id), csv(&set, &rows)));
    }
    out
}

/// The rows of one data set, each with one cell per column.
pub fn rows(site: &Site, set: &Dataset) -> Vec<Vec<Cell>> {
    let base = &site.model.settings.base_url;
    let m = &site.model;
    match set.id {
        "rammeavtaler" => m.agreements.iter().enumerate().map(|(i, a)| agreement(site, i, a)).collect(),
        "planlagte-innkjop" => m.purchases.iter().enumerate().map(|(i, p)| purchase(site, i, p)).collect(),
        "kurs" => m.courses.iter().map(|c| course(base, c)).collect(),
        "etiske-krav" => m.requirements.iter().map(|r| requirement(site, r)).collect(),
        "leverandorer" => m.suppliers.iter().map(|s| supplier(site, s)).collect(),
        "kommuner" => m.settings.municipalities.iter().map(|k| municipality(site, k)).collect(),
        _ => Vec::new(),
    }
}

/// A JSON array with one object per row, keys in column order.
pub fn json(set: &Dataset, rows: &[Vec<Cell>]) -> String {
    let objects: Vec<Row> = rows.iter().map(|cells| Row { set, cells }).collect();
    let mut text = serde_json::to_string_pretty(&objects).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// CSV for Excel with a Norwegian locale: BOM, `;`, CRLF, lists joined with `;`.
pub fn csv(set: &Dataset, rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<&str> = set.columns.iter().map(|c| c.name).collect();
    let mut ok = writer.write_record(&header).is_ok();
    for row in rows {
        let record: Vec<String> = row.iter().map(csv_text).map(|t| safe_cell(&t)).collect();
        ok &= writer.write_record(&record).is_ok();
    }
    // Writing to memory fails only on a bug in the writer; the file is then left empty.
    match (ok, writer.into_inner()) {
        (true, Ok(bytes)) => bytes,
        _ => b"\xEF\xBB\xBF".to_vec(),
    }
}

/// A cell Excel would run as a formula (`=`, `+`, `-`, `@`, a tab or a CR first) gets a
/// leading `'`, so it shows as text (OWASP's advice against CSV injection).
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::List(items) => items.join(";"),
        Cell::Null => String::new(),
    }
}

struct Row<'a> {
    set: &'a Dataset,
    cells: &'a [Cell],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.cells.len()))?;
        for (column, cell) in self.set.columns.iter().zip(self.cells) {
            match cell {
                Cell::Text(t) => map.serialize_entry(column.name, t)?,
                Cell::Int(n) => map.serialize_entry(column.name, n)?,
                Cell::Bool(b) => map.serialize_entry(column.name, b)?,
                Cell::List(items) => map.serialize_entry(column.name, items)?,
                Cell::Null => map.serialize_entry(column.name, &())?,
            }
        }
        map.end()
    }
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_string())
}

/// An address, when it may be a link; one that may not be is left out of the data.
fn address(value: &Option<Address>) -> Cell {
    value.as_ref().and_then(Address::href).map(|a| Cell::Text(a.to_string())).unwrap_or(Cell::Null)
}

fn opt(value: &Option<String>) -> Cell {
    value.as_ref().map(|v| Cell::Text(v.clone())).unwrap_or(Cell::Null)
}

fn date(value: chrono::NaiveDate) -> Cell {
    Cell::Text(dates::iso_date(value))
}

fn list<'a>(items: impl IntoIterator<Item = &'a String>) -> Cell {
    Cell::List(items.into_iter().cloned().collect())
}

fn url(base: &str, dir: &str, slug: &str) -> Cell {
    Cell::Text(format!("{base}{dir}/{slug}/"))
}

fn scope(site: &Site, scope: &Scope) -> [Cell; 2] {
    match scope {
        Scope::All => [list(site.model.settings.municipalities.iter().map(|m| &m.id)), Cell::Bool(true)],
        Scope::Only(ids) => [list(ids), Cell::Bool(false)],
    }
}

fn agreement(site: &Site, i: usize, a: &Agreement) -> Vec<Cell> {
    let base = &site.model.settings.base_url;
    let names: Vec<String> =
        a.suppliers.iter().map(|id| site.supplier(id).map(|s| s.name.clone()).unwrap_or_else(|| id.clone())).collect();
    let options: Vec<String> = a
        .options
        .iter()
        .map(|o| format!("{}:{}", dates::iso_date(o.until), if o.exercised { "utlost" } else { "ikke_utlost" }))
        .collect();
    let [municipalities, all] = scope(site, &a.municipalities);
    let status = site.agreement_status.get(i).copied().unwrap_or(AgreementStatus::Active).key();
    vec![
        text(&a.origin.slug),
        text(&a.title),
        opt(&a.summary),
        text(&a.category),
        list(&a.suppliers),
        Cell::List(names),
        municipalities,
        all,
        date(a.valid_from),
        date(a.valid_to),
        Cell::List(options),
        date(a.current_end()),
        date(a.latest_end()),
        Cell::Bool(a.has_open_option()),
        text(status),
        a.termination.map(|t| text(AgreementStatus::of_ending(t.ending).key())).unwrap_or(Cell::Null),
        a.termination.and_then(|t| t.from).map(date).unwrap_or(Cell::Null),
        opt(&a.number),
        opt(&a.doffin),
        a.ecommerce.map(Cell::Bool).unwrap_or(Cell::Null),
        a.call_off.map(|c| text(c.key())).unwrap_or(Cell::Null),
        match a.call_off {
            Some(crate::model::CallOff::DirectBelow(limit)) => Cell::Int(limit),
            _ => Cell::Null,
        },
        a.catalogue.as_ref().and_then(|c| c.href()).map(text).unwrap_or(Cell::Null),
        Cell::List(a.joining.iter().map(|j| format!("{}:{}", j.municipality, dates::iso_date(j.from))).collect()),
        a.made_by.as_ref().map(|m| text(&m.name)).unwrap_or(Cell::Null),
        a.made_by.as_ref().and_then(|m| m.website.as_ref()).and_then(|w| w.href()).map(text).unwrap_or(Cell::Null),
        a.estimated_value.map(Cell::Int).unwrap_or(Cell::Null),
        a.max_value.map(Cell::Int).unwrap_or(Cell::Null),
        opt(&a.max_quantity),
        list(&a.requirements),
        url(base, "rammeavtaler", &a.origin.slug),
    ]
}

fn purchase(site: &Site, i: usize, p: &PlannedPurchase) -> Vec<Cell> {
    let base = &site.model.settings.base_url;
    let [municipalities, all] = scope(site, &p.municipalities);
    let class = site.purchase_class.get(i).map(|c| c.key()).unwrap_or("ukjent");
    let mut cells = vec![
        text(&p.origin.slug),
        text(&p.title),
        opt(&p.summary),
        text(&p.category),
        municipalities,
        all,
        text(p.status.key()),
        p.contract_type.map(|t| text(t.key())).unwrap_or(Cell::Null),
        p.procedure.map(|x| text(x.label())).unwrap_or(Cell::Null),
        Cell::List(p.cpv.iter().map(|c| c.code.clone()).collect()),
        p.estimated_value.map(Cell::Int).unwrap_or(Cell::Null),
        text(class),
        opt(&p.duration),
        p.announcement.map(|a| Cell::Text(a.iso())).unwrap_or(Cell::Null),
        p.announcement.map(|a| date(a.first_day())).unwrap_or(Cell::Null),
        p.contract_start.map(|a| Cell::Text(a.iso())).unwrap_or(Cell::Null),
        p.deadline.map(|d| Cell::Text(d.iso())).unwrap_or(Cell::Null),
        p.dialogue.as_ref().and_then(|d| d.date).map(date).unwrap_or(Cell::Null),
        opt(&p.replaces),
        opt(&p.result),
        opt(&p.doffin),
    ];
    for (_, kind) in MilestoneKind::ALL {
        cells.push(p.milestone(kind).map(|m| Cell::Text(m.iso())).unwrap_or(Cell::Null));
    }
    cells.push(Cell::List(p.lots.iter().map(|l| l.title.clone()).collect()));
    cells.push(p.tendering_tool.as_ref().and_then(|t| t.href()).map(text).unwrap_or(Cell::Null));
    cells.push(url(base, "planlagte-innkjop", &p.origin.slug));
    cells
}

fn course(base: &str, c: &Course) -> Vec<Cell> {
    let venue = c.venue.as_ref();
    let registration = c.registration.as_ref();
    vec![
        text(&c.origin.slug),
        text(&c.title),
        opt(&c.summary),
        Cell::Text(c.start.iso()),
        c.end.map(|e| Cell::Text(e.iso())).unwrap_or(Cell::Null),
        venue.map(|v| opt(&v.name)).unwrap_or(Cell::Null),
        venue.map(|v| opt(&v.address)).unwrap_or(Cell::Null),
        address(&c.online),
        list(&c.audience),
        registration.map(|r| address(&r.url)).unwrap_or(Cell::Null),
        registration.map(|r| opt(&r.email)).unwrap_or(Cell::Null),
        registration.and_then(|r| r.deadline).map(|d| Cell::Text(d.iso())).unwrap_or(Cell::Null),
        c.seats.map(|s| Cell::Int(u64::from(s))).unwrap_or(Cell::Null),
        c.price.map(Cell::Int).unwrap_or(Cell::Null),
        opt(&c.organiser),
        url(base, "kurs", &c.origin.slug),
    ]
}

fn agreement_ids(site: &Site, indexes: Option<&Vec<usize>>) -> Cell {
    Cell::List(
        indexes
            .map(|ix| ix.iter().filter_map(|&i| site.model.agreements.get(i)).map(|a| a.origin.slug.clone()).collect())
            .unwrap_or_default(),
    )
}

fn requirement(site: &Site, r: &Requirement) -> Vec<Cell> {
    let area = Area::ALL.iter().find(|(_, a)| *a == r.area).map(|(k, _)| *k).unwrap_or_default();
    vec![
        text(&r.origin.slug),
        text(&r.title),
        opt(&r.summary),
        text(area),
        opt(&r.legal_basis),
        opt(&r.clause),
        agreement_ids(site, site.agreements_by_requirement.get(&r.origin.slug)),
        url(&site.model.settings.base_url, "etiske-krav", &r.origin.slug),
    ]
}

fn supplier(site: &Site, s: &Supplier) -> Vec<Cell> {
    let contact = s.contact.as_ref();
    vec![
        text(&s.id),
        text(&s.name),
        text(&s.orgnr),
        address(&s.website),
        opt(&s.address),
        Cell::Bool(s.local),
        contact.map(|c| opt(&c.name)).unwrap_or(Cell::Null),
        contact.map(|c| opt(&c.email)).unwrap_or(Cell::Null),
        contact.map(|c| opt(&c.phone)).unwrap_or(Cell::Null),
        agreement_ids(site, site.agreements_by_supplier.get(&s.id)),
        url(&site.model.settings.base_url, "leverandorer", &s.id),
    ]
}

fn municipality(site: &Site, m: &Municipality) -> Vec<Cell> {
    let agreements = site.model.agreements.iter().filter(|a| a.municipalities.includes(&m.id));
    let purchases = site.model.purchases.iter().filter(|p| p.municipalities.includes(&m.id));
    vec![
        text(&m.id),
        text(&m.name),
        address(&m.website),
        Cell::Bool(site.model.settings.host == m.id),
        list(agreements.map(|a| &a.origin.slug)),
        list(purchases.map(|p| &p.origin.slug)),
        url(&site.model.settings.base_url, "kommuner", &m.id),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_get_a_quote() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+47 32 00 40 10"), "'+47 32 00 40 10");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("Kontor=rekvisita"), "Kontor=rekvisita");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn csv_has_bom_semicolons_and_crlf() {
        let rows = vec![vec![
            text("a"),
            text("Tittel; med semikolon"),
            Cell::Null,
            text("k"),
            Cell::List(vec!["x".into(), "y".into()]),
        ]];
        let set = Dataset { columns: &columns::AGREEMENTS.columns[..5], ..columns::AGREEMENTS };
        let bytes = csv(&set, &rows);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert_eq!(
            text,
            "\u{feff}id;tittel;sammendrag;kategori;leverandorer\r\na;\"Tittel; med semikolon\";;k;\"x;y\"\r\n"
        );
    }

    #[test]
    fn json_keeps_the_column_order_and_types() {
        let set = Dataset { columns: &columns::COURSES.columns[12..14], ..columns::COURSES };
        let out = json(&set, &[vec![Cell::Int(40), Cell::Null]]);
        assert_eq!(out, "[\n  {\n    \"plasser\": 40,\n    \"pris\": null\n  }\n]\n");
    }
}
