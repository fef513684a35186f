//! Rules: what every build enforces and shows, whatever the command.
//! Personal data found in a table blocks publishing; each dataset's freshness
//! and metadata completeness are shown on its pages. `check` reports the same
//! states as findings (see [`crate::check`]); this layer sits below `render`
//! and reads only the loaded site and its analysis.

pub mod completeness;
pub mod freshness;
pub mod personal_data;
