//! Content: reading the coordinator's files and turning them into the validated model.

pub mod chars;
pub mod dates;
pub mod load;
pub mod model;
pub mod raw;
pub mod slug;
pub mod validate;
pub mod yaml;
