//! The `innkjop` binary: parse the command line, run one command, choose the exit code.

mod allocator;
mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::Cli::parse().command {
        cli::Command::Build(args) => cmd::build::run(args),
        cli::Command::Check(args) => cmd::check::run(args),
        cli::Command::Serve(args) => cmd::serve::run(args),
        cli::Command::New(args) => cmd::new::run(args),
        cli::Command::Schema(args) => cmd::schema::run(args),
    }
}
