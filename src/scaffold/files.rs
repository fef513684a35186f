//! The scaffolded files, kept as plain text files under `files/` so they read
//! (and are reviewed) as a user will see them. `__NAME__` markers are filled in.

pub const PORTAL: &str = include_str!("files/portal.toml");
pub const PARTICIPANT: &str = include_str!("files/participant.toml");
pub const DATASET: &str = include_str!("files/parques.toml");
pub const DATASET_CSV: &str = include_str!("files/parques.csv");
pub const STORY: &str = include_str!("files/story.md");
pub const ABOUT: &str = include_str!("files/acerca.md");
pub const GITIGNORE: &str = include_str!("files/gitignore");
pub const WORKFLOW: &str = include_str!("files/portal.yml");
