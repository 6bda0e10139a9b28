//! `innkjop new`.

use crate::cli::NewArgs;
use std::process::ExitCode;

pub fn run(args: NewArgs) -> ExitCode {
    match innkjop::new_item::create(&args.content, &args.kind, &args.title, innkjop::today_in_oslo()) {
        Ok(path) => {
            println!("Laget {}. Fyll inn nøklene og kjør `innkjop check`.", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("feil: {e}");
            ExitCode::FAILURE
        }
    }
}
