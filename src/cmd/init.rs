//! `innkjop init`: a new site. What is not given as a flag is asked for on a terminal; a
//! script without a terminal gets a message naming the flags.

use crate::cli::InitArgs;
use innkjop::init::{self, NewSite, split_names};
use innkjop::publish::Recipe;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

pub fn run(args: InitArgs) -> ExitCode {
    match new_site(&args) {
        Ok(site) => create(&args, &site),
        Err(message) => {
            eprintln!("feil: {message}");
            ExitCode::FAILURE
        }
    }
}

fn create(args: &InitArgs, site: &NewSite) -> ExitCode {
    match init::create(&args.dir, site, innkjop::today_in_oslo()) {
        Ok(files) => {
            eprintln!("Laget et nytt nettsted i {}/ ({} filer).", args.dir.display(), files.len());
            let here = if args.dir == std::path::Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", args.dir.display())
            };
            eprintln!("\nSlik går du videre:");
            eprintln!("  1. {here}innkjop serve --open");
            eprintln!("     viser nettstedet i nettleseren og oppdaterer det hver gang du lagrer.");
            eprintln!("  2. Rett innstillingene i content/nettsted.yaml (se etter ENDRE), og endre eller slett");
            eprintln!("     eksempelfilene (de heter eksempel-…).");
            eprintln!("  3. innkjop check");
            eprintln!("     sjekker alt og sier hva som må rettes.");
            if let Some(recipe) = site.recipe {
                eprintln!("  4. {}", super::publish::next_steps(recipe));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("feil: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The site to make, from the flags and, on a terminal, the answers.
fn new_site(args: &InitArgs) -> Result<NewSite, String> {
    let terminal = std::io::stdin().is_terminal();
    let ask = |question: &str, default: Option<&str>| -> Option<String> {
        if !terminal {
            return None;
        }
        match default {
            Some(d) => eprint!("{question} [{d}]: "),
            None => eprint!("{question}: "),
        }
        let _ = std::io::stderr().flush();
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).ok()?;
        let line = line.trim().to_string();
        if line.is_empty() { default.map(str::to_string) } else { Some(line) }
    };
    let recipe = || -> Result<Option<Recipe>, String> {
        let given =
            args.publisering.clone().or_else(|| ask("Publisering: github, gitlab, server eller ingen", Some("github")));
        match given {
            None => Ok(Some(Recipe::Github)),
            Some(name) if name.trim().eq_ignore_ascii_case("ingen") => Ok(None),
            Some(name) => Recipe::named(&name)
                .map(Some)
                .ok_or(format!("kjenner ikke publiseringen `{name}`; velg github, gitlab, server eller ingen")),
        }
    };
    if args.eksempel {
        let recipe = recipe()?;
        return Ok(NewSite { name: String::new(), municipalities: Vec::new(), host: None, recipe, sample: true });
    }
    let missing = "uten en terminal å spørre på må alt gis som valg: \
                   innkjop init MAPPE --navn \"Innkjøpssamarbeidet i …\" --kommuner \"Gol, Hol, Nes\"";
    let name = args
        .navn
        .clone()
        .or_else(|| ask("Navnet på samarbeidet (for eksempel Innkjøpssamarbeidet i Hallingdal)", None));
    let name = name.ok_or(missing)?;
    let list = args.kommuner.clone().or_else(|| ask("Kommunene, skilt med komma", None)).ok_or(missing)?;
    let municipalities = split_names(&list);
    let host = match &args.vertskommune {
        Some(h) => Some(h.clone()),
        None => municipalities.first().and_then(|first| ask("Vertskommunen", Some(first))),
    };
    Ok(NewSite { name, municipalities, host, recipe: recipe()?, sample: false })
}
