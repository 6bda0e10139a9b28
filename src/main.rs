//! The `innkjop` binary: parse the command line, run one command, choose the exit code.

mod allocator;
mod cli;
mod cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
    small_search_chunks();
    let cli = match cli::parse() {
        cli::Parsed::Run(cli) => cli,
        cli::Parsed::Show { text, to_stdout, code } => {
            if to_stdout {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            return ExitCode::from(code);
        }
    };
    match cli.command {
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::Schema(args) => cmd::schema::run(args),
        cli::Command::Forklar(args) => cmd::explain::run(args),
    }
}

/// Sets the search index's chunk size (see `innkjop::search::CHUNK_SIZE`) unless
/// the environment already names one.
#[allow(unsafe_code)]
fn small_search_chunks() {
    use innkjop::search::{CHUNK_SIZE, CHUNK_SIZE_VARIABLE};
    if std::env::var_os(CHUNK_SIZE_VARIABLE).is_none() {
        // SAFETY: the first thing `main` does; no other thread reads the environment yet.
        unsafe { std::env::set_var(CHUNK_SIZE_VARIABLE, CHUNK_SIZE) };
    }
}
