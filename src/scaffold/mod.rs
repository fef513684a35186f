//! Scaffolding (`abierto new …`): writes new sites, participants, stories and
//! dataset descriptors that build as they are, with comments saying what an
//! official must complete. It never overwrites a file: when one of the files
//! it would write exists, it writes none and says which.

mod dataset;
mod files;

use crate::clock::today;
pub use dataset::new_dataset;

use crate::load::ids::{self, IdProblem};
use crate::load::{PAGES_DIR, PARTICIPANT_FILE, PARTICIPANTS_DIR, PORTAL_FILE, STORIES_DIR};
use crate::messages::Message;
use crate::model::Date;
use crate::model::Language;
use crate::msg;
use crate::slug::slugify;
use crate::toml_text;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a `new` command wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Message,
    pub help: Message,
}

impl Refusal {
    pub fn new(message: Message, help: Message) -> Refusal {
        Refusal { message, help }
    }
}

impl Refusal {
    pub fn message_text(&self, language: Language) -> String {
        self.message.text(language)
    }

    pub fn help_text(&self, language: Language) -> String {
        self.help.text(language)
    }

    /// The refusal as the terminal shows it, in `language`.
    pub fn text(&self, language: Language) -> String {
        crate::msg!(
            "refusal",
            message = self.message.clone(),
            help = self.help.clone()
        )
        .text(language)
    }
}

/// Files to create, written all or none.
#[derive(Default)]
pub struct NewFiles {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl NewFiles {
    pub fn add(&mut self, path: PathBuf, content: impl Into<Vec<u8>>) {
        self.files.push((path, content.into()));
    }

    /// Writes every file, or none when one of them exists already. Returns the paths written.
    pub fn write(self) -> Result<Vec<PathBuf>, Refusal> {
        let existing: Vec<String> = self
            .files
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| path.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Refusal::new(
                msg!(
                    "scaffold-exists",
                    paths = existing.join(", "),
                    count = existing.len()
                ),
                msg!("scaffold-exists-help"),
            ));
        }
        let mut written = Vec::new();
        for (path, content) in self.files {
            let result = (|| {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                // `create_new` refuses a file that appeared since the check above.
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)?;
                file.write_all(&content)
            })();
            if let Err(error) = result {
                return Err(Refusal::new(
                    msg!(
                        "scaffold-cannot-write",
                        path = path.display().to_string(),
                        error = error.to_string()
                    ),
                    if written.is_empty() {
                        msg!("scaffold-cannot-write-help")
                    } else {
                        let paths: Vec<String> = written
                            .iter()
                            .map(|p: &PathBuf| p.display().to_string())
                            .collect();
                        msg!("scaffold-written-before", paths = paths.join(", "))
                    },
                ));
            }
            written.push(path);
        }
        Ok(written)
    }
}

/// The participant and dataset the new site starts with.
const FIRST_PARTICIPANT: &str = "mi-municipio";
const FIRST_DATASET: &str = "parques";

/// `abierto new site DIR`: a site that builds and deploys as it is.
pub fn new_site(dir: &Path) -> Result<Vec<PathBuf>, Refusal> {
    if dir.join(PORTAL_FILE).exists() {
        return Err(Refusal::new(
            msg!("scaffold-site-exists", folder = dir.display().to_string()),
            msg!("scaffold-site-exists-help"),
        ));
    }
    if let Some(refusal) = not_empty(dir) {
        return Err(refusal);
    }
    let today = today_or_refuse()?;
    let participant = dir.join(PARTICIPANTS_DIR).join(FIRST_PARTICIPANT);
    let dataset_id = ids::dataset_id(FIRST_PARTICIPANT, FIRST_DATASET);
    let fill = |text: &str| {
        text.replace("__ID__", FIRST_PARTICIPANT)
            .replace("__PARTICIPANT__", FIRST_PARTICIPANT)
            .replace("__NAME__", "H. Ayuntamiento de Mi Municipio")
            .replace("__SHORT_NAME__", "Mi Municipio")
            .replace("__TODAY__", &toml_text::date(today))
    };
    let mut files = NewFiles::default();
    files.add(dir.join(PORTAL_FILE), files::PORTAL);
    files.add(participant.join(PARTICIPANT_FILE), fill(files::PARTICIPANT));
    files.add(
        participant.join(ids::descriptor_file_name(FIRST_DATASET)),
        fill(files::DATASET),
    );
    files.add(participant.join("datos/parques.csv"), files::DATASET_CSV);
    files.add(
        participant.join(STORIES_DIR).join("bienvenida.md"),
        story_text(
            "Bienvenida al portal de datos abiertos",
            today,
            "H. Ayuntamiento de Mi Municipio",
            Some(&dataset_id),
        ),
    );
    files.add(dir.join(PAGES_DIR).join("acerca.md"), files::ABOUT);
    files.add(dir.join(".gitignore"), files::GITIGNORE);
    files.add(
        dir.join(".github/workflows/portal.yml"),
        files::WORKFLOW
            .replace("__VERSION__", env!("CARGO_PKG_VERSION"))
            .replace("__ACTION__", action_repository()),
    );
    files.write()
}

/// Why a new site cannot go into `dir`: it exists and holds files already
/// (a new site never mixes with other files). A fresh clone of an empty
/// repository (nothing but `.git`) is empty.
fn not_empty(dir: &Path) -> Option<Refusal> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| Some(entry.ok()?.file_name().to_string_lossy().to_string()))
        .filter(|name| name != ".git")
        .collect();
    names.sort();
    let first = names.first()?;
    Some(Refusal::new(
        msg!(
            "scaffold-not-empty",
            folder = dir.display().to_string(),
            first = first,
            more = names.len() - 1
        ),
        msg!("scaffold-not-empty-help"),
    ))
}

/// `owner/name` of abierto's GitHub repository, whose action the scaffolded
/// workflow uses: `Cargo.toml`'s `repository` is its one record.
fn action_repository() -> &'static str {
    let url = env!("CARGO_PKG_REPOSITORY");
    url.strip_prefix("https://github.com/")
        .unwrap_or(url)
        .trim_end_matches('/')
}

/// `abierto new participant ID`: `participants/ID/participant.toml`.
pub fn new_participant(site: &Path, id: &str) -> Result<Vec<PathBuf>, Refusal> {
    require_site(site)?;
    match ids::check_id(id) {
        Ok(()) => {}
        Err(IdProblem::NoLetters) => {
            return Err(Refusal::new(
                msg!("scaffold-id-no-letters", id = id),
                msg!("scaffold-id-no-letters-help"),
            ));
        }
        Err(IdProblem::WriteAs(slug)) => {
            return Err(Refusal::new(
                msg!("scaffold-id-invalid", id = id),
                msg!("scaffold-id-invalid-help", slug = slug),
            ));
        }
    }
    let today = today_or_refuse()?;
    let name = title_from_name(id);
    let text = files::PARTICIPANT
        .replace("__ID__", id)
        .replace("__NAME__", &escape_basic(&name))
        .replace("__SHORT_NAME__", &escape_basic(&name))
        .replace("__TODAY__", &toml_text::date(today));
    let mut files = NewFiles::default();
    files.add(
        site.join(PARTICIPANTS_DIR).join(id).join(PARTICIPANT_FILE),
        text,
    );
    files.write()
}

/// `abierto new story PARTICIPANT TITLE`: a dated story, its file named after its title.
pub fn new_story(site: &Path, participant: &str, title: &str) -> Result<Vec<PathBuf>, Refusal> {
    require_site(site)?;
    let folder = require_participant(site, participant)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Refusal::new(
            msg!("scaffold-title-no-letters"),
            msg!("scaffold-title-no-letters-help"),
        ));
    }
    let today = today_or_refuse()?;
    let author = participant_name(&folder).unwrap_or_else(|| participant.to_string());
    let mut files = NewFiles::default();
    files.add(
        folder.join(STORIES_DIR).join(format!("{slug}.md")),
        story_text(title, today, &author, None),
    );
    files.write()
}

fn story_text(title: &str, today: Date, author: &str, dataset: Option<&str>) -> String {
    let (datasets, link) = match dataset {
        Some(id) => (
            toml_text::string(id),
            format!("[el conjunto de datos](dataset:{id})"),
        ),
        None => (
            String::new(),
            "`[los semáforos](dataset:participante/semaforos)`".to_string(),
        ),
    };
    files::STORY
        .replace("__TITLE__", &toml_text::string(title))
        .replace("__TODAY__", &toml_text::date(today))
        .replace("__AUTHOR__", &toml_text::string(author))
        .replace("__DATASETS__", &datasets)
        .replace("__DATASET_LINK__", &link)
}

pub(crate) fn today_or_refuse() -> Result<Date, Refusal> {
    today().ok_or_else(|| Refusal::new(msg!("scaffold-no-clock"), msg!("scaffold-no-clock-help")))
}

pub fn require_site(site: &Path) -> Result<(), Refusal> {
    if site.join(PORTAL_FILE).is_file() {
        Ok(())
    } else {
        Err(Refusal::new(
            msg!("scaffold-not-a-site", folder = site.display().to_string()),
            msg!("scaffold-not-a-site-help"),
        ))
    }
}

/// The folder of an existing participant.
pub(crate) fn require_participant(site: &Path, id: &str) -> Result<PathBuf, Refusal> {
    let folder = site.join(PARTICIPANTS_DIR).join(id);
    if folder.join(PARTICIPANT_FILE).is_file() {
        return Ok(folder);
    }
    let known: Vec<String> = std::fs::read_dir(site.join(PARTICIPANTS_DIR))
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().join(PARTICIPANT_FILE).is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    let help = if known.is_empty() {
        msg!("scaffold-no-participant-help", id = id)
    } else {
        msg!(
            "scaffold-no-participant-known",
            known = known.join(", "),
            id = id
        )
    };
    Err(Refusal::new(msg!("scaffold-no-participant", id = id), help))
}

/// The participant's `name`, read leniently (the file may still be a draft).
fn participant_name(folder: &Path) -> Option<String> {
    let text = std::fs::read_to_string(folder.join(PARTICIPANT_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    table.get("name")?.as_str().map(str::to_string)
}

/// `"semaforos_2014"` → `"Semaforos 2014"`: a readable title from a file or folder name.
pub fn title_from_name(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c == '-' || c == '_' || c == '.' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// Text for inside a `"…"` of a template.
fn escape_basic(text: &str) -> String {
    let quoted = toml_text::string(text);
    quoted[1..quoted.len() - 1].to_string()
}
