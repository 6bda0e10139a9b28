//! Writes a synthetic content folder for benchmarks:
//! `cargo run --release --example synth -- <content-dir> <items> [seed]`.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "bruk: synth <content-mappe> <antall> [frø]";
    let (Some(dir), Some(items)) = (args.first(), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let Ok(items) = items.parse::<usize>() else {
        eprintln!("`{items}` er ikke et antall\n{usage}");
        return ExitCode::from(2);
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("frøet må være et heltall\n{usage}");
            return ExitCode::from(2);
        }
    };
    let dir = PathBuf::from(dir);
    if dir.exists() {
        match std::fs::read_dir(&dir).map(|mut entries| entries.next().is_some()) {
            Ok(false) => {}
            Ok(true) => {
                eprintln!("{} er ikke tom; velg en ny eller tom mappe", dir.display());
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("kan ikke lese {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let started = Instant::now();
    match synth::write_site(&dir, items, seed) {
        Ok(c) => {
            println!(
                "skrev {} elementer til {} (frø {seed}) på {:.2?}",
                c.agreements + c.purchases + c.courses + c.requirements + c.pages,
                dir.display(),
                started.elapsed()
            );
            println!("rammeavtaler:     {}", c.agreements);
            println!("planlagte innkjøp: {}", c.purchases);
            println!("kurs:             {}", c.courses);
            println!("etiske krav:      {}", c.requirements);
            println!("sider:            {}", c.pages);
            println!("leverandører:     {}", c.suppliers);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kunne ikke skrive {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
