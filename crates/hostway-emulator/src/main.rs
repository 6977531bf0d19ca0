//! `hostway-emulator --listen 127.0.0.1:PORT [--fixture FILE] [--dist DIR] ...`

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let args = hostway_emulator::Args::parse();
    match hostway_emulator::run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hostway-emulator: error: {err}");
            ExitCode::from(2)
        }
    }
}
