//! `innkjop check`: the coordinator's to-do list. Errors first, then warnings, then what
//! needs attention; `--format json` for machines; `--strict` makes warnings fail.

use crate::cli::{CheckArgs, CheckFormat};
use std::process::ExitCode;

pub fn run(args: CheckArgs) -> ExitCode {
    let options = innkjop::Options {
        today: Some(args.site.today.unwrap_or_else(innkjop::today_in_oslo)),
        content: args.site.content,
        theme: Default::default(),
        output: Default::default(),
        base_url: None,
    };
    let report = innkjop::check(&options);
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = report.diagnostics.len() - errors;
    match args.format {
        CheckFormat::Json => {
            let json = serde_json::json!({
                "errors": report.diagnostics.iter().filter(|d| d.is_error()).collect::<Vec<_>>(),
                "warnings": report.diagnostics.iter().filter(|d| !d.is_error()).collect::<Vec<_>>(),
                "attention": report.attention,
                "summary": { "errors": errors, "warnings": warnings, "attention": report.attention.len() },
            });
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_default());
        }
        CheckFormat::Tekst => {
            super::print_report(&report, &options.content);
            if !report.attention.is_empty() {
                eprintln!("\nTrenger oppfølging ({}):", report.attention.len());
                for (n, a) in report.attention.iter().enumerate() {
                    eprintln!("{}. {}: {}", n + 1, a.title, a.message);
                    eprintln!("   --> {}", options.content.join(&a.path).display());
                    eprintln!("    = hjelp: {}", a.hint);
                }
            }
        }
    }
    if errors > 0 || (args.strict && warnings > 0) { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
