//! What more than one feature uses: ids, the reads' start, failed reads, server words,
//! the one-value slot.

pub mod ids;
pub mod load_failure;
pub mod reads;
pub mod server_words;
pub mod slot;
