//! Starts `innkjop serve` as a child process and learns its address from what it prints;
//! shared by the benchmark and the integration tests (included with `#[path]`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `bin serve --port 0 <args>` in `dir`; returns the child and its `host:port`.
pub fn start(bin: &str, dir: &Path, args: &[&str], wait: Duration) -> (Child, String) {
    let mut child = Command::new(bin)
        .current_dir(dir)
        .args(["serve", "--port", "0"])
        .args(args)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("start serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or_default().to_string());
            }
        }
    });
    let addr = rx.recv_timeout(wait).expect("the server says where it listens");
    (child, addr)
}
