//! `innkjop forklar`: what a diagnostic's code means and how it is fixed.

use crate::cli::ExplainArgs;
use innkjop::diagnostics::codes;
use std::process::ExitCode;

pub fn run(args: ExplainArgs) -> ExitCode {
    let Some(id) = args.code else {
        for code in codes::ALL {
            println!("{}  {}", code.id, code.title);
        }
        println!("\nSkriv `innkjop forklar KODE` for hva en kode betyr og hvordan feilen rettes.");
        return ExitCode::SUCCESS;
    };
    match codes::find(&id) {
        Some(code) => {
            let kind = if code.is_error() { "feil" } else { "advarsel" };
            println!("{} ({kind}): {}\n\nSlik retter du det: {}", code.id, code.title, code.fix);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "feil: kjenner ikke koden `{id}`\n    = hjelp: kodene er E001 til W100; `innkjop forklar` viser alle"
            );
            ExitCode::FAILURE
        }
    }
}
