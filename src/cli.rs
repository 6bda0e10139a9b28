//! The command line, as the coordinator sees it: help, usage and every mistake in Norwegian.
//! clap parses; its English (headings, "Usage", its error texts and tips) never reaches the
//! terminal: the help has our own template and headings, and each kind of error is said here.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

/// The help of every command: our headings, no English.
const HELP: &str = "{about-with-newline}\nBruk: {usage}\n\n{all-args}{after-help}";

/// Lager nettstedet for innkjøpssamarbeidet fra mappen content/.
///
/// Vanlig bruk: `innkjop check` for å finne feil, `innkjop build` for å lage
/// nettstedet i public/, og `innkjop new rammeavtale "Kontorrekvisita"` for en ny fil.
#[derive(Debug, Parser)]
#[command(
    name = "innkjop",
    version,
    about,
    long_about,
    help_template = HELP,
    override_usage = "innkjop <KOMMANDO> [VALG]",
    subcommand_help_heading = "Kommandoer",
    subcommand_value_name = "KOMMANDO",
    next_help_heading = "Valg",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Vis denne hjelpen.
    #[arg(short = 'h', long = "help", action = ArgAction::Help)]
    #[allow(dead_code)] // clap acts on it
    help: Option<bool>,
    /// Vis versjonen.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    #[allow(dead_code)] // clap acts on it
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lag et nytt nettsted for et innkjøpssamarbeid i en ny, tom mappe: innstillinger,
    /// kategorier, terskelverdier, ett eksempel av hver type, de faste sidene og en
    /// oppskrift for publisering. Uten valg spør den om det den trenger.
    ///
    /// Eksempel: innkjop init hallingdal --navn "Innkjøpssamarbeidet i Hallingdal" --kommuner "Gol, Hol, Nes"
    #[command(help_template = HELP, override_usage = "innkjop init [MAPPE] [VALG]", next_help_heading = "Valg", disable_help_flag = true)]
    Init(InitArgs),
    /// Bygg nettstedet fra content/ til public/. Ved feil blir forrige versjon stående urørt.
    #[command(help_template = HELP, override_usage = "innkjop build [VALG]", next_help_heading = "Valg", disable_help_flag = true)]
    Build(BuildArgs),
    /// Sjekk innholdet og vis alle feil og advarsler, uten å bygge.
    #[command(help_template = HELP, override_usage = "innkjop check [VALG]", next_help_heading = "Valg", disable_help_flag = true)]
    Check(CheckArgs),
    /// Forhåndsvis nettstedet i nettleseren mens du redigerer: bygger på nytt og
    /// oppdaterer siden hver gang du lagrer en fil.
    #[command(help_template = HELP, override_usage = "innkjop serve [VALG]", next_help_heading = "Valg", disable_help_flag = true)]
    Serve(ServeArgs),
    /// Lag en ny innholdsfil med alle nøklene (de valgfrie kommentert ut).
    ///
    /// Typer: rammeavtale, planlagt-innkjop, kurs, etisk-krav, side, mote.
    /// Eksempel: innkjop new rammeavtale "Kontorrekvisita"
    #[command(
        help_template = HELP,
        override_usage = "innkjop new <TYPE> <TITTEL> [VALG]",
        next_help_heading = "Valg",
        disable_help_flag = true
    )]
    New(NewArgs),
    /// Skriv JSON Schema for innholdsfilene til content/.skjema/, så en editor med
    /// YAML-utvidelse kan foreslå nøkler og vise feil mens du skriver.
    #[command(help_template = HELP, override_usage = "innkjop schema [VALG]", next_help_heading = "Valg", disable_help_flag = true)]
    Schema(SchemaArgs),
    /// Skriv oppskriften for publisering inn i et nettsted som finnes: github (GitHub Pages),
    /// gitlab (GitLab Pages) eller server (egen Linux-server med systemd og nginx).
    /// Bygger hver morgen kl. 05 norsk tid; se docs/publisering.md.
    #[command(
        help_template = HELP,
        override_usage = "innkjop publisering <github|gitlab|server> [VALG]",
        next_help_heading = "Valg",
        disable_help_flag = true
    )]
    Publisering(PublishArgs),
    /// Skriv ut temaet som er bygd inn i programmet (maler, CSS og skript) til en ny mappe,
    /// som utgangspunkt for et eget tema. Bruk det med --theme MAPPE eller `tema:` i nettsted.yaml.
    #[command(help_template = HELP, override_usage = "innkjop tema <MAPPE>", next_help_heading = "Valg", disable_help_flag = true)]
    Tema(ThemeArgs),
    /// Forklar en feilkode (for eksempel E021): hva den betyr og hvordan feilen rettes.
    /// Uten kode: alle kodene.
    #[command(help_template = HELP, override_usage = "innkjop forklar [KODE]", next_help_heading = "Valg", disable_help_flag = true)]
    Forklar(ExplainArgs),
}

/// `-h`/`--help` for a subcommand, in Norwegian.
#[derive(Debug, Args)]
pub struct HelpFlag {
    /// Vis denne hjelpen.
    #[arg(short = 'h', long = "help", action = ArgAction::Help)]
    #[allow(dead_code)] // clap acts on it
    help: Option<bool>,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Mappen med innholdet (standard: content).
    #[arg(long, default_value = "content", value_name = "MAPPE", hide_default_value = true)]
    pub content: PathBuf,
    /// Dagen statusene regnes fra (ÅÅÅÅ-MM-DD); standard er i dag, norsk tid.
    #[arg(long, value_name = "DATO", value_parser = parse_day)]
    pub today: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Et eget tema: mappe med templates/ og static/ (standard: `tema` i nettsted.yaml,
    /// ellers temaet som er bygd inn i programmet).
    #[arg(long, value_name = "MAPPE")]
    pub theme: Option<PathBuf>,
    /// Mappen nettstedet skrives til; den erstattes helt ved hver bygging (standard: public).
    #[arg(long, default_value = "public", value_name = "MAPPE", hide_default_value = true)]
    pub output: PathBuf,
    /// Adressen nettstedet publiseres på; overstyrer base_url i nettsted.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Bare feil og advarsler, ingen fremdrift eller oppsummering (for skript).
    #[arg(long)]
    pub stille: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Mappen nettstedet lages i; den må være ny eller tom (standard: mappen du står i).
    #[arg(value_name = "MAPPE", default_value = ".", hide_default_value = true, help_heading = "Argumenter")]
    pub dir: PathBuf,
    /// Navnet på samarbeidet, for eksempel "Innkjøpssamarbeidet i Hallingdal".
    #[arg(long, value_name = "NAVN")]
    pub navn: Option<String>,
    /// Kommunene i samarbeidet, skilt med komma: "Gol, Hol, Nes".
    #[arg(long, value_name = "LISTE")]
    pub kommuner: Option<String>,
    /// Vertskommunen (standard: den første i --kommuner).
    #[arg(long, value_name = "KOMMUNE")]
    pub vertskommune: Option<String>,
    /// Oppskrift for publisering: github, gitlab, server eller ingen (standard: github).
    #[arg(long, value_name = "HVOR")]
    pub publisering: Option<String>,
    /// Lag eksempelnettstedet (Kongsbergregionen, oppdiktede data) i stedet for et tomt.
    #[arg(long)]
    pub eksempel: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Hvor nettstedet publiseres: github, gitlab eller server.
    #[arg(value_name = "HVOR", help_heading = "Argumenter")]
    pub recipe: String,
    /// Mappen med nettstedet, den content/ ligger i (standard: mappen du står i).
    #[arg(long, default_value = ".", value_name = "MAPPE", hide_default_value = true)]
    pub mappe: PathBuf,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct ThemeArgs {
    /// Mappen temaet skrives til; den må være ny eller tom.
    #[arg(value_name = "MAPPE", help_heading = "Argumenter")]
    pub dir: PathBuf,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Utdataformat: `tekst` for mennesker (standard), `json` for maskiner.
    #[arg(
        long,
        value_enum,
        default_value = "tekst",
        value_name = "FORMAT",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub format: CheckFormat,
    /// La advarsler også gi feilkode (for automatiske kontroller).
    #[arg(long)]
    pub strict: bool,
    #[command(flatten)]
    help: HelpFlag,
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
    /// Et eget tema: mappe med templates/ og static/ (standard: `tema` i nettsted.yaml,
    /// ellers temaet som er bygd inn i programmet).
    #[arg(long, value_name = "MAPPE")]
    pub theme: Option<PathBuf>,
    /// Porten serveren lytter på (standard: 1111).
    #[arg(long, default_value_t = 1111, value_name = "PORT", hide_default_value = true)]
    pub port: u16,
    /// Adressen serveren lytter på. Standard er bare denne maskinen (127.0.0.1);
    /// en annen adresse gjør forhåndsvisningen synlig for andre på nettet.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADRESSE", hide_default_value = true)]
    pub bind: std::net::IpAddr,
    /// Åpne nettleseren når serveren er klar.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Mappen med innholdet; skjemaene skrives til .skjema/ i den (standard: content).
    #[arg(long, default_value = "content", value_name = "MAPPE", hide_default_value = true)]
    pub content: PathBuf,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Typen: rammeavtale, planlagt-innkjop, kurs, etisk-krav, side eller mote.
    #[arg(value_name = "TYPE", help_heading = "Argumenter")]
    pub kind: String,
    /// Tittelen; filnavnet lages fra den.
    #[arg(value_name = "TITTEL", help_heading = "Argumenter")]
    pub title: String,
    /// Mappen med innholdet (standard: content).
    #[arg(long, default_value = "content", value_name = "MAPPE", hide_default_value = true)]
    pub content: PathBuf,
    #[command(flatten)]
    help: HelpFlag,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Koden, for eksempel E021 eller W060.
    #[arg(value_name = "KODE", help_heading = "Argumenter")]
    pub code: Option<String>,
    #[command(flatten)]
    help: HelpFlag,
}

/// What parsing the command line gave: the command, or a text to show and the exit code
/// (0 for `--help` and `--version`).
pub enum Parsed {
    Run(Cli),
    Show { text: String, to_stdout: bool, code: u8 },
}

/// Parses the command line; every mistake is said in Norwegian.
pub fn parse() -> Parsed {
    parse_from(std::env::args_os())
}

/// [`parse`] for the given arguments (the first is the program's name).
pub fn parse_from<I, T>(args: I) -> Parsed
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let mut command = Cli::command();
    let result = command.try_get_matches_from_mut(args).and_then(|m| Cli::from_arg_matches(&m));
    match result {
        Ok(cli) => Parsed::Run(cli),
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                Parsed::Show { text: error.render().to_string(), to_stdout: true, code: 0 }
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                let help = command.render_help().to_string();
                Parsed::Show { text: format!("Velg en kommando.\n\n{help}"), to_stdout: false, code: 2 }
            }
            _ => Parsed::Show { text: norwegian(&error), to_stdout: false, code: 2 },
        },
    }
}

/// A mistake on the command line, in Norwegian, with what to do.
fn norwegian(error: &clap::Error) -> String {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let (message, hint) = match error.kind() {
        ErrorKind::UnknownArgument => {
            let hint = match text(ContextKind::SuggestedArg) {
                Some(s) => format!("mente du `{s}`? `innkjop --help` viser alle valgene"),
                None => "`innkjop <KOMMANDO> --help` viser valgene kommandoen har".to_string(),
            };
            (format!("ukjent valg `{arg}`"), hint)
        }
        ErrorKind::InvalidSubcommand => {
            let given = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let hint = match text(ContextKind::SuggestedSubcommand) {
                Some(s) => format!("mente du `{s}`?"),
                None => "kommandoene er init, build, check, serve, new, schema, publisering, tema og forklar; `innkjop --help` forklarer dem"
                    .to_string(),
            };
            (format!("ukjent kommando `{given}`"), hint)
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let valid = list(ContextKind::ValidValue);
            let hint = if valid.is_empty() {
                "`innkjop <KOMMANDO> --help` viser hva som kan stå der".to_string()
            } else {
                format!("gyldige verdier: {valid}")
            };
            if value.is_empty() {
                (format!("`{arg}` mangler en verdi"), hint)
            } else {
                (format!("`{value}` er ikke en gyldig verdi for `{arg}`"), hint)
            }
        }
        ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            // Our own value parsers explain in Norwegian; the standard ones (a port, an
            // address) are explained here.
            let why = std::error::Error::source(error)
                .map(|s| s.to_string())
                .filter(|s| s.starts_with('`'))
                .unwrap_or_else(|| match arg.as_str() {
                    a if a.starts_with("--port") => "en port er et tall fra 1 til 65535".to_string(),
                    a if a.starts_with("--bind") => {
                        "skriv en IP-adresse, for eksempel 127.0.0.1 (bare denne maskinen)".to_string()
                    }
                    _ => "`innkjop <KOMMANDO> --help` viser hva som kan stå der".to_string(),
                });
            (format!("`{value}` er ikke en gyldig verdi for `{arg}`"), why)
        }
        ErrorKind::MissingRequiredArgument => {
            (format!("mangler {arg}"), "for eksempel: innkjop new rammeavtale \"Kontorrekvisita\"".to_string())
        }
        ErrorKind::ArgumentConflict => {
            (format!("`{arg}` kan ikke brukes sammen med de andre valgene"), "fjern ett av dem".to_string())
        }
        ErrorKind::NoEquals => (format!("`{arg}` trenger en verdi med ="), format!("skriv {arg}=VERDI")),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => (
            format!("feil antall verdier for `{arg}`"),
            "sett en tittel med mellomrom i anførselstegn: \"Nye møbler\"".to_string(),
        ),
        _ => ("kommandolinjen kan ikke leses".to_string(), "`innkjop --help` viser kommandoene og valgene".to_string()),
    };
    format!("feil: {message}\n    = hjelp: {hint}\n")
}

fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` er ikke en dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2026-03-01"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of English a library might print; none may reach the coordinator.
    const ENGLISH: [&str; 16] = [
        "Usage",
        "usage",
        "Options",
        "Arguments",
        "Commands",
        "error:",
        "Print",
        "[default",
        "possible",
        "tip:",
        "unexpected",
        "unrecognized",
        "invalid",
        "required",
        "found",
        "the ",
    ];

    fn shown(args: &[&str]) -> (String, u8) {
        match parse_from(std::iter::once("innkjop").chain(args.iter().copied())) {
            Parsed::Run(_) => (String::new(), 0),
            Parsed::Show { text, code, .. } => (text, code),
        }
    }

    #[test]
    fn help_and_every_mistake_are_norwegian() {
        let cases: [&[&str]; 16] = [
            &["--help"],
            &["build", "--help"],
            &["check", "-h"],
            &["new", "--help"],
            &["serve", "--help"],
            &["forklar", "--help"],
            &[],
            &["bygg"],
            &["help"],
            &["build", "--outptu", "x"],
            &["check", "--format", "xml"],
            &["check", "--today", "i går"],
            &["serve", "--port", "99999"],
            &["serve", "--bind", "overalt"],
            &["new", "rammeavtale"],
            &["build", "--output"],
        ];
        for args in cases {
            let (text, _) = shown(args);
            assert!(!text.is_empty(), "{args:?}");
            for word in ENGLISH {
                assert!(!text.contains(word), "{args:?} shows `{word}`:\n{text}");
            }
        }
        assert_eq!(shown(&["--help"]).1, 0);
        let (text, code) = shown(&["bygg"]);
        assert_eq!(code, 2);
        assert!(text.contains("ukjent kommando `bygg`"), "{text}");
        assert!(shown(&["build", "--outptu", "x"]).0.contains("mente du `--output`?"));
        assert!(shown(&["check", "--format", "xml"]).0.contains("gyldige verdier: tekst, json"));
    }
}
