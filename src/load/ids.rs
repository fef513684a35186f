//! Ids: a participant, dataset, story or page takes its id from its folder or
//! file name, made a URL segment by [`slugify`] (lower-case ASCII letters and
//! digits joined by hyphens); a dataset's id is `participant/slug`, its
//! descriptor `slug.toml`. The loader, `abierto new` and `abierto import` all
//! follow the rule through this module.

use crate::messages::Message;
use crate::msg;
use crate::slug::slugify;
use std::path::Path;

/// The id a file's name gives: its stem, slugified.
pub fn file_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    slugify(&stem)
}

/// A story's id: `<participant>/<file id>`, or the file id alone for a network story.
pub fn story_id(participant: Option<&str>, path: &Path) -> String {
    match participant {
        Some(participant) => format!("{participant}/{}", file_id(path)),
        None => file_id(path),
    }
}

/// A dataset's id, from its participant's id and its descriptor's slug.
pub fn dataset_id(participant: &str, slug: &str) -> String {
    format!("{participant}/{slug}")
}

/// The file name of the descriptor of the dataset `slug`.
pub fn descriptor_file_name(slug: &str) -> String {
    format!("{slug}.toml")
}

/// Why a written id is not one.
#[derive(Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// It has no letter or digit to make an id of.
    NoLetters,
    /// It stands for this id but is written otherwise (upper case, accents, spaces).
    WriteAs(String),
}

/// Checks that `text` is written as an id.
pub fn check_id(text: &str) -> Result<(), IdProblem> {
    let slug = slugify(text);
    if slug.is_empty() {
        Err(IdProblem::NoLetters)
    } else if slug != text {
        Err(IdProblem::WriteAs(slug))
    } else {
        Ok(())
    }
}

/// A dataset id as written (`participant/slug`, both parts already ids), or
/// the help that says how to write it.
pub fn written_dataset_id(text: &str) -> Result<String, Message> {
    let example = || msg!("load-dataset-id-example");
    let Some((participant, slug)) = text.trim().split_once('/') else {
        return Err(example());
    };
    match (check_id(participant), check_id(slug)) {
        (Ok(()), Ok(())) => Ok(dataset_id(participant, slug)),
        (Err(IdProblem::NoLetters), _) | (_, Err(IdProblem::NoLetters)) => Err(example()),
        _ => Err(msg!(
            "load-write-as",
            id = dataset_id(&slugify(participant), &slugify(slug))
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked_as_written() {
        assert_eq!(check_id("san-pedro"), Ok(()));
        assert_eq!(
            check_id("San Pedro"),
            Err(IdProblem::WriteAs("san-pedro".to_string()))
        );
        assert_eq!(check_id("¡¡"), Err(IdProblem::NoLetters));
        assert_eq!(check_id(""), Err(IdProblem::NoLetters));
        assert_eq!(
            written_dataset_id(" xalapa/semaforos "),
            Ok("xalapa/semaforos".to_string())
        );
        assert_eq!(
            written_dataset_id("Xalapa/Semáforos"),
            Err(msg!("load-write-as", id = "xalapa/semaforos"))
        );
        assert!(written_dataset_id("semaforos").is_err());
        assert!(written_dataset_id("xalapa/").is_err());
    }
}
