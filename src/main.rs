//! The `innkjop` binary: parse the command line, run one command, choose the exit code.

mod allocator;
mod cli;
mod cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
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
        cli::Command::Init(args) => cmd::init::run(args),
        cli::Command::Publisering(args) => cmd::publish::run(args),
        cli::Command::Tema(args) => cmd::theme::run(args),
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::Schema(args) => cmd::schema::run(args),
        cli::Command::Forklar(args) => cmd::explain::run(args),
    }
}
