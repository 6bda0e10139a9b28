//! The command line, as the coordinator sees it in `--help`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Lager nettstedet for innkjøpssamarbeidet fra mappen content/.
///
/// Vanlig bruk: `innkjop check` for å finne feil, `innkjop build` for å lage
/// nettstedet i public/, og `innkjop new rammeavtale "Kontorrekvisita"` for en ny fil.
#[derive(Debug, Parser)]
#[command(name = "innkjop", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Bygg nettstedet fra content/ til public/. Ved feil blir forrige versjon stående urørt.
    Build(BuildArgs),
    /// Sjekk innholdet og vis alle feil og advarsler, uten å bygge.
    Check(CheckArgs),
    /// Forhåndsvis nettstedet i nettleseren mens du redigerer: bygger på nytt og
    /// oppdaterer siden hver gang du lagrer en fil.
    Serve(ServeArgs),
    /// Lag en ny innholdsfil med alle nøklene (de valgfrie kommentert ut).
    ///
    /// Typer: rammeavtale, planlagt-innkjop, kurs, etisk-krav, side.
    /// Eksempel: innkjop new rammeavtale "Kontorrekvisita"
    New(NewArgs),
    /// Skriv JSON Schema for innholdsfilene til content/.skjema/, så en editor med
    /// YAML-utvidelse kan foreslå nøkler og vise feil mens du skriver.
    Schema(SchemaArgs),
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Mappen med innholdet.
    #[arg(long, default_value = "content", value_name = "MAPPE")]
    pub content: PathBuf,
    /// Dagen statusene regnes fra (ÅÅÅÅ-MM-DD); standard er i dag, norsk tid.
    #[arg(long, value_name = "DATO", value_parser = parse_day)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Mappen med temaet (maler, CSS og skript).
    #[arg(long, default_value = "themes/default", value_name = "MAPPE")]
    pub theme: PathBuf,
    /// Mappen nettstedet skrives til. Den erstattes helt ved hver bygging.
    #[arg(long, default_value = "public", value_name = "MAPPE")]
    pub output: PathBuf,
    /// Adressen nettstedet publiseres på; overstyrer base_url i nettsted.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Utdataformat: `tekst` for mennesker, `json` for maskiner.
    #[arg(long, value_enum, default_value = "tekst", value_name = "FORMAT")]
    pub format: CheckFormat,
    /// La advarsler også gi feilkode (for automatiske kontroller).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CheckFormat {
    Tekst,
    Json,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Mappen med temaet (maler, CSS og skript).
    #[arg(long, default_value = "themes/default", value_name = "MAPPE")]
    pub theme: PathBuf,
    /// Porten serveren lytter på.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Adressen serveren lytter på. Standard er bare denne maskinen (127.0.0.1);
    /// en annen adresse gjør forhåndsvisningen synlig for andre på nettet.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADRESSE")]
    pub bind: std::net::IpAddr,
    /// Åpne nettleseren når serveren er klar.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Mappen med innholdet; skjemaene skrives til .skjema/ i den.
    #[arg(long, default_value = "content", value_name = "MAPPE")]
    pub content: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Typen: rammeavtale, planlagt-innkjop, kurs, etisk-krav eller side.
    pub kind: String,
    /// Tittelen; filnavnet lages fra den.
    pub title: String,
    /// Mappen med innholdet.
    #[arg(long, default_value = "content", value_name = "MAPPE")]
    pub content: PathBuf,
}

fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` er ikke en dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2026-03-01"))
}
