//! `innkjop tema MAPPE`: the built-in theme written out as a starting point for one's own.

use crate::cli::ThemeArgs;
use std::process::ExitCode;

pub fn run(args: ThemeArgs) -> ExitCode {
    match innkjop::init::write_theme(&args.dir) {
        Ok(files) => {
            eprintln!("Skrev temaet ({} filer) til {}/.", files.len(), args.dir.display());
            eprintln!(
                "Bruk det med `innkjop serve --theme {0}`, eller skriv `tema: ../{0}` i content/nettsted.yaml \
                 (stien er relativ til content/).",
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("feil: {e}");
            ExitCode::FAILURE
        }
    }
}
