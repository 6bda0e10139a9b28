//! A progress line for builds that take more than a second, on a terminal only: which steps
//! are done, rewritten in place, and cleared when the build ends.

use innkjop::Step;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// The steps in the order the line names them, with their Norwegian names.
const STEPS: [(Step, &str); 5] = [
    (Step::Checked, "innhold sjekket"),
    (Step::Pages, "sider"),
    (Step::Exports, "feeds og data"),
    (Step::SearchIndex, "søkeindeks"),
    (Step::Written, "skrevet"),
];

/// The progress line while it is shown; [`Line::finish`] clears it.
pub struct Line {
    done: Arc<AtomicU8>,
    stop: Option<mpsc::Sender<()>>,
    painter: Option<std::thread::JoinHandle<()>>,
}

impl Line {
    /// Starts the line, unless `quiet` or standard error is no terminal.
    pub fn start(quiet: bool) -> Line {
        let done = Arc::new(AtomicU8::new(0));
        if quiet || !std::io::stderr().is_terminal() {
            return Line { done, stop: None, painter: None };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let seen = done.clone();
        let painter = std::thread::spawn(move || {
            // Quick builds show no line at all.
            if stopped.recv_timeout(Duration::from_secs(1)).is_ok() {
                return;
            }
            loop {
                let bits = seen.load(Ordering::Relaxed);
                let parts: Vec<String> = STEPS
                    .iter()
                    .enumerate()
                    .map(|(i, (_, name))| if bits & (1 << i) != 0 { format!("{name} ✓") } else { format!("{name} …") })
                    .collect();
                eprint!("\r\x1b[2KBygger: {}", parts.join(" · "));
                let _ = std::io::stderr().flush();
                if stopped.recv_timeout(Duration::from_millis(250)).is_ok() {
                    break;
                }
            }
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
        });
        Line { done, stop: Some(stop), painter: Some(painter) }
    }

    /// Marks a step as done.
    pub fn step(&self, step: Step) {
        if let Some(i) = STEPS.iter().position(|(s, _)| *s == step) {
            self.done.fetch_or(1 << i, Ordering::Relaxed);
        }
    }

    /// Clears the line, before the build's own messages are printed.
    pub fn finish(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(painter) = self.painter.take() {
            let _ = painter.join();
        }
    }
}
