//! `innkjop build`.

use crate::cli::BuildArgs;
use std::process::ExitCode;

pub fn run(args: BuildArgs) -> ExitCode {
    let options = innkjop::Options {
        today: Some(args.site.today.unwrap_or_else(innkjop::today_in_oslo)),
        content: args.site.content,
        theme: args.theme,
        output: args.output,
        base_url: args.base_url,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let report = innkjop::build(&options, &cwd, home.as_deref());
    super::print_report(&report, &options.content);
    if report.has_errors() {
        eprintln!("Byggingen ble stoppet; {} er ikke endret.", options.output.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "Bygget {} sider i {}/ (statuser regnet fra {}).",
        report.pages,
        options.output.display(),
        options.today.unwrap_or_default()
    );
    let (built, reused) = report.search_parts;
    if reused > 0 {
        eprintln!("Søkeindeksen: {built} av {} deler laget på nytt, resten var uendret.", built + reused);
    }
    eprintln!("Åpne {}/index.html, eller legg mappen på en webserver.", options.output.display());
    ExitCode::SUCCESS
}
