//! `innkjop check`.

use crate::cli::SiteArgs;
use std::process::ExitCode;

pub fn run(args: SiteArgs) -> ExitCode {
    let options = innkjop::Options {
        today: args.today.unwrap_or_else(innkjop::today_in_oslo),
        content: args.content,
        theme: Default::default(),
        output: Default::default(),
        base_url: None,
    };
    let report = innkjop::check(&options);
    super::print_report(&report, &options.content);
    if report.has_errors() { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
