//! The command-line tool: [`article_cleaner::cli::run`] with the process's
//! files, standard streams, gzip and charsets.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use article_cleaner::cli::{run, Host};

struct Process;

impl Host for Process {
    fn read_file(&mut self, path: &str) -> Result<Vec<u8>, String> {
        std::fs::read(path).map_err(|e| reason(&e))
    }

    fn read_stdin(&mut self) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| reason(&e))?;
        Ok(bytes)
    }

    fn stdin_is_terminal(&self) -> bool {
        std::io::stdin().is_terminal()
    }

    fn gunzip(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn decode(&self, bytes: &[u8], label: &str) -> Option<String> {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
        Some(encoding.decode(bytes).0.into_owned())
    }

    fn stdout(&mut self, s: &str) -> bool {
        let mut out = std::io::stdout().lock();
        out.write_all(s.as_bytes())
            .and_then(|_| out.flush())
            .is_ok()
    }

    fn stderr(&mut self, s: &str) {
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
}

/// "No such file or directory (os error 2)" without the code.
fn reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args, &mut Process))
}
