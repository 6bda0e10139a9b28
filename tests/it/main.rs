//! The integration tests: one binary, a module per feature.

mod architecture;
mod broken_sites;
mod cli;
mod exports;
mod format_v2;
mod forms;
mod hardening;
mod init;
mod output_safety;
mod properties;
mod sample_site;
mod serve;
#[path = "../../benches/support/serve_child.rs"]
mod serve_child;
mod session;
mod site_users;
mod snapshots;
mod support;
mod trust;
mod v1_site;
