//! Content: reading the coordinator's files and turning them into the validated model.

pub mod chars;
pub mod load;
pub mod raw;
pub mod validate;
pub mod yaml;
