//! Domain rules: organisation numbers, CPV codes, agreement periods and status, thresholds.

pub mod address;
pub mod cpv;
pub mod orgnr;
pub mod period;
pub mod slug;
pub mod thresholds;
