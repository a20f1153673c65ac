//! The `waveopt` command line: a thin shell over the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    waveopt::cli::run()
}
