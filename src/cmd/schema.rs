//! `innkjop schema`.

use crate::cli::SchemaArgs;
use std::process::ExitCode;

pub fn run(args: SchemaArgs) -> ExitCode {
    let dir = args.content.join(innkjop::schema::DIR);
    match innkjop::schema::write(&dir) {
        Ok(files) => {
            println!("Skrev {} skjemaer til {}.", files.len(), dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "feil: kunne ikke skrive skjemaene til {}: {}",
                dir.display(),
                innkjop::diagnostics::io_words(&e)
            );
            if dir.exists() && !dir.is_dir() {
                eprintln!(
                    "    = hjelp: {} er en fil, ikke en mappe; gi filen et annet navn eller slett den",
                    dir.display()
                );
            }
            ExitCode::FAILURE
        }
    }
}
