//! Integration tests of the `rasd` binary: one test binary, topic modules.

#[macro_use]
mod util;

mod analyze;
mod bad_input;
mod corpus;
mod layout;
