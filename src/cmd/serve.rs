//! `innkjop serve`.

use crate::cli::ServeArgs;
use innkjop::serve::ServeEvent;
use std::net::SocketAddr;
use std::process::ExitCode;

pub fn run(args: ServeArgs) -> ExitCode {
    let options = innkjop::Options {
        today: args.site.today,
        content: args.site.content,
        theme: args.theme,
        output: Default::default(),
        base_url: None,
    }
    .with_site_theme();
    if !args.bind.is_loopback() {
        eprintln!(
            "advarsel: serveren lytter på {}, så andre på nettet kan se forhåndsvisningen. Bruk 127.0.0.1 for bare denne maskinen.",
            args.bind
        );
    }
    let content = options.content.clone();
    let open = args.open;
    let report = move |event: ServeEvent| match event {
        ServeEvent::Listening(addr) => {
            eprintln!("Forhåndsvisning på http://{addr}/ (stopp med Ctrl+C). Siden oppdateres når du lagrer.");
            eprintln!("Skjemaer for å endre innholdet: http://{addr}/admin/");
            if open {
                open_browser(addr);
            }
        }
        ServeEvent::Built { pages, took, warnings } => {
            if !warnings.is_empty() {
                eprint!("{}", innkjop::diagnostics::render(&warnings, &content));
            }
            eprintln!("Bygget {pages} sider på {} ms.", took.as_millis());
        }
        ServeEvent::Failed { diagnostics } => {
            eprint!("{}", innkjop::diagnostics::render(&diagnostics, &content));
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "{}. Forrige versjon vises fortsatt.",
                innkjop::diagnostics::summary(errors, diagnostics.len() - errors)
            );
        }
        ServeEvent::Changed(paths) => {
            let names: Vec<String> =
                paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().to_string()).collect();
            eprintln!("Endret: {}", names.join(", "));
        }
        ServeEvent::LateWarnings(warnings) => eprint!("{}", innkjop::diagnostics::render(&warnings, &content)),
        ServeEvent::SearchReady { took } => eprintln!("Søket er oppdatert ({} ms).", took.as_millis()),
        ServeEvent::Updated { took } => {
            eprintln!("Eksportene og søket er oppdatert også; alt var ferdig på {} ms.", took.as_millis())
        }
        ServeEvent::WatchError(message) => eprintln!("advarsel: {message}"),
    };
    match innkjop::serve::run(options, SocketAddr::new(args.bind, args.port), report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let why = e
                .downcast_ref::<std::io::Error>()
                .map(innkjop::diagnostics::io_words)
                .unwrap_or("filovervåkingen kunne ikke startes");
            eprintln!("feil: serveren kunne ikke starte: {why}");
            eprintln!("    = hjelp: er porten {} i bruk? Velg en annen med --port", args.port);
            ExitCode::FAILURE
        }
    }
}

/// Opens the preview in the default browser, on Linux, macOS and Windows alike.
fn open_browser(addr: SocketAddr) {
    let url = format!("http://{addr}/");
    if opener::open_browser(&url).is_err() {
        eprintln!("Kunne ikke åpne nettleseren; åpne {url} selv.");
    }
}
