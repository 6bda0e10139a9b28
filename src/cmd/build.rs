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
    }
    .with_site_theme();
    let cwd = std::env::current_dir().unwrap_or_default();
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let line = super::progress::Line::start(args.stille);
    let report = innkjop::build_with_progress(&options, &cwd, home.as_deref(), &|step| line.step(step));
    line.finish();
    super::print_report(&report, &options.content);
    if report.has_errors() {
        eprintln!("Byggingen ble stoppet; {} er ikke endret.", options.output.display());
        return ExitCode::FAILURE;
    }
    if args.stille {
        return ExitCode::SUCCESS;
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
    // The pages address their files from the site's root, so a page opened from the disk
    // shows without its styles: point to the preview and to a web server instead.
    eprintln!("Se nettstedet med `innkjop serve`, eller legg mappen på en webserver ({}).", innkjop::publish::GUIDE);
    ExitCode::SUCCESS
}
