//! What writing a portal did, or why it could not: the writer's answer to
//! `build`, which reports it.

use crate::messages::Message;
use crate::msg;
use std::path::PathBuf;

/// What writing a portal did: files written anew, files kept from the
/// previous portal (unchanged, hard-linked), files of it no longer there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub written: usize,
    pub reused: usize,
    pub removed: usize,
}

/// Why the portal could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The system refused (its own words, e.g. permission denied).
    Io(std::io::Error),
    /// A staging or previous folder beside the output that abierto did not write.
    NotOurs(PathBuf),
}

impl From<std::io::Error> for WriteError {
    fn from(error: std::io::Error) -> WriteError {
        WriteError::Io(error)
    }
}

impl WriteError {
    /// What went wrong, for the error `build` reports.
    pub fn message(&self) -> Message {
        match self {
            WriteError::Io(error) if crate::platform::in_use_by_another_program(error) => {
                msg!("output-in-use")
            }
            WriteError::Io(error) => msg!("output-write-failed", error = error.to_string()),
            WriteError::NotOurs(folder) => {
                msg!("output-not-ours", folder = folder.display().to_string())
            }
        }
    }
}
