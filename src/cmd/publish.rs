//! `innkjop publisering github|gitlab|server`: a publishing recipe for an existing site.

use crate::cli::PublishArgs;
use innkjop::publish::{self, Recipe};
use std::process::ExitCode;

pub fn run(args: PublishArgs) -> ExitCode {
    let Some(recipe) = Recipe::named(&args.recipe) else {
        eprintln!("feil: kjenner ikke `{}`\n    = hjelp: velg github, gitlab eller server", args.recipe);
        return ExitCode::FAILURE;
    };
    match publish::write(&args.mappe, recipe) {
        Ok(files) => {
            for file in &files {
                eprintln!("Skrev {}", args.mappe.join(file).display());
            }
            eprintln!("{}", next_steps(recipe));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("feil: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What the coordinator does next, in short; the publishing guide has every step.
pub fn next_steps(recipe: Recipe) -> String {
    let step = match recipe {
        Recipe::Github => {
            "Publiser: last opp mappen til et GitHub-repository, og velg «GitHub Actions» under\n     \
             Settings → Pages. Nettstedet bygges ved hver endring og hver morgen kl. 05."
        }
        Recipe::Gitlab => {
            "Publiser: last opp mappen til et GitLab-prosjekt, og lag en tidsplan under\n     \
             Build → Pipeline schedules: 0 5 * * *, tidssone Europe/Oslo."
        }
        Recipe::Server => {
            "Publiser: legg filene i drift/ på serveren slik de selv beskriver: systemd-tjenesten\n     \
             og -timeren (bygger kl. 05 hver morgen) og nginx-oppsettet."
        }
    };
    format!("{step}\n     Steg for steg: {}", publish::GUIDE)
}
