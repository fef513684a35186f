//! Nothing is lost: a failed build leaves the previous portal as it was, a
//! folder abierto did not write is refused, and nothing beside the output
//! folder is touched.

mod common;

use abierto::build::{BuildOptions, BuildReport, build};
use abierto::render::RenderOptions;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(root).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn build_forced(site: &Path, out: &Path, force: bool) -> abierto::build::BuildReport {
    build(&BuildOptions {
        site: site.to_path_buf(),
        output: Some(out.to_path_buf()),
        base_url: None,
        render: RenderOptions::default(),
        force,
        progress: abierto::progress::Progress::hidden(),
        portals: Default::default(),
    })
}

/// Builds the valid site, then `edited` (which must fail): the failed
/// build's report, once it is shown to have left the previous portal and
/// its folder as they were.
fn failing_after_a_good_build(edit: impl FnOnce(TempSite) -> TempSite) -> BuildReport {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let before = snapshot(parent.path());

    let site = edit(site);
    let report = build_into(site.path(), &out, None);
    assert!(report.errors() > 0);
    assert!(!report.written);
    assert_eq!(
        snapshot(parent.path()),
        before,
        "the previous portal changed"
    );
    report
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    failing_after_a_good_build(|site| {
        site.file(
            "participants/prueba/semaforos.toml",
            "title = \"roto\"\nformato = 1\n",
        )
    });
}

#[test]
fn rebuilding_replaces_the_output_and_keeps_only_the_previous_portal_beside_it_hidden_from_git() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    std::fs::write(parent.path().join("notas.txt"), "mías").unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let site = site.file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("Semáforos", "Semáforos 2"),
    );
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let html = std::fs::read_to_string(out.join("datos/prueba/semaforos/index.html")).unwrap();
    assert!(html.contains("Semáforos 2"));
    let beside: Vec<String> = std::fs::read_dir(parent.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    let mut beside = beside;
    beside.sort();
    assert_eq!(beside, [".public.abierto-previous", "notas.txt", "public"]);
    assert_eq!(
        std::fs::read_to_string(parent.path().join("notas.txt")).unwrap(),
        "mías"
    );
    let kept = parent.path().join(".public.abierto-previous");
    let page = std::fs::read_to_string(kept.join("datos/prueba/semaforos/index.html")).unwrap();
    assert!(
        page.contains("Semáforos") && !page.contains("Semáforos 2"),
        "the kept portal is not the one the rebuild replaced"
    );
    // A site's repository that holds its output folder sees the portal, not the kept one.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(parent.path())
            .output()
    };
    if git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        let status = git(&["status", "--porcelain", "--untracked-files=all"]).unwrap();
        let status = String::from_utf8_lossy(&status.stdout);
        assert!(status.contains("?? notas.txt") && status.contains("?? public/index.html"));
        assert!(
            !status.contains("abierto-previous"),
            "git sees the kept previous portal:\n{status}"
        );
    }
}

/// A portal's files as a fresh build would write them: without the manifest
/// (whose stamps differ) and the `.gitignore` a kept previous portal holds.
fn portal_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(root);
    files.retain(|name, _| name != ".abierto-manifest" && name != ".gitignore");
    files
}

/// The site with its dataset retitled (its data files stay the same files).
fn retitled(site: TempSite, title: &str) -> TempSite {
    site.file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("Semáforos", title),
    )
}

/// A site built twice into `public` (titles 1, then 2) in a folder of its
/// own: the site, that folder, the output, the kept previous portal, and the
/// first build's output folder (its inode).
#[cfg(unix)]
fn built_twice() -> (TempSite, tempfile::TempDir, PathBuf, PathBuf, u64) {
    let site = retitled(TempSite::valid(), "Semáforos 1");
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    let kept = parent.path().join(".public.abierto-previous");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let first = inode(&out);
    let site = retitled(site, "Semáforos 2");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    (site, parent, out, kept, first)
}

/// Builds `site` into `out`, checking the build updated the kept portal
/// (whose folder was `first`, the output before the last swap).
#[cfg(unix)]
fn built_into_the_kept_portal(site: &TempSite, out: &Path, first: u64) -> BuildReport {
    let report = build_into(site.path(), out, None);
    assert_eq!(report.errors(), 0);
    assert_eq!(inode(out), first, "the kept portal was not the one updated");
    report
}

#[cfg(unix)]
#[test]
fn a_third_build_updates_the_kept_portal_writing_only_what_changed() {
    let (site, _parent, out, kept, first) = built_twice();
    let (second, second_files) = (inode(&out), portal_files(&out));
    assert_eq!(inode(&kept), first, "the replaced portal was not kept");
    // Someone still holds a published page.
    let held = tempfile::tempdir().unwrap();
    std::fs::hard_link(out.join("index.html"), held.path().join("index.html")).unwrap();
    let held_home = std::fs::read(out.join("index.html")).unwrap();

    let site = retitled(site, "Semáforos 3");
    let report = built_into_the_kept_portal(&site, &out, first);
    assert_eq!(inode(&kept), second, "the replaced portal was not kept");
    let fresh = tempfile::tempdir().unwrap();
    assert_eq!(
        build_into(site.path(), &fresh.path().join("p"), None).errors(),
        0
    );
    let expected = portal_files(&fresh.path().join("p"));
    assert_eq!(
        portal_files(&out),
        expected,
        "the updated portal is not what a fresh build writes"
    );
    assert_eq!(
        portal_files(&kept),
        second_files,
        "the kept portal is not the replaced one"
    );
    let changed = expected
        .iter()
        .filter(|(name, bytes)| second_files.get(*name) != Some(*bytes))
        .count();
    assert!(changed > 0 && changed < expected.len());
    let wrote = report.wrote.unwrap();
    assert_eq!(
        (wrote.written, wrote.reused),
        (changed, expected.len() - changed)
    );
    assert_eq!(
        std::fs::read(held.path().join("index.html")).unwrap(),
        held_home,
        "a published page was changed in place"
    );
}

#[cfg(unix)]
#[test]
fn a_kept_portal_that_cannot_be_updated_is_replaced_by_a_whole_new_one() {
    let (site, parent, out, kept, _) = built_twice();
    // Where the next portal's home page goes, the kept portal has a folder.
    std::fs::remove_file(kept.join("index.html")).unwrap();
    std::fs::create_dir_all(kept.join("index.html/dentro")).unwrap();

    let site = retitled(site, "Semáforos 3");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let fresh = tempfile::tempdir().unwrap();
    assert_eq!(
        build_into(site.path(), &fresh.path().join("p"), None).errors(),
        0
    );
    assert_eq!(portal_files(&out), portal_files(&fresh.path().join("p")));
    assert!(!parent.path().join(".public.abierto-staging").exists());
    assert!(kept.join(".abierto-manifest").is_file() && !kept.join(".abierto-updating").exists());
}

#[test]
fn a_folder_holding_files_abierto_did_not_write_is_refused_unless_forced() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("mis-documentos");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("tesis.docx"), "importante").unwrap();

    let report = build_forced(site.path(), &out, false);
    let error = only_error(&report.diagnostics);
    assert!(
        error
            .message_text(abierto::model::Language::En)
            .contains("tesis.docx"),
        "{}",
        error.message_text(abierto::model::Language::En)
    );
    assert!(
        error
            .help_text(abierto::model::Language::En)
            .as_deref()
            .unwrap()
            .contains("--force")
    );
    assert_eq!(
        std::fs::read_to_string(out.join("tesis.docx")).unwrap(),
        "importante"
    );

    let report = build_forced(site.path(), &out, true);
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert!(out.join("index.html").is_file());
}

#[test]
fn a_file_added_to_a_built_portal_is_not_deleted_silently() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    std::fs::write(out.join("CNAME"), "datos.example.org").unwrap();
    let report = build_into(site.path(), &out, None);
    assert!(
        only_error(&report.diagnostics)
            .message_text(abierto::model::Language::En)
            .contains("CNAME")
    );
    assert!(out.join("CNAME").is_file());
}

#[test]
fn the_output_can_never_be_the_site_or_hold_it_even_when_forced() {
    // The site sits in a folder of this test's own (never the system's
    // temporary folder), so a regressed guard replaces only that folder.
    let valid = TempSite::valid();
    let holder = tempfile::tempdir().unwrap();
    let site = holder.path().join("sitio");
    for entry in walkdir::WalkDir::new(valid.path()).into_iter().flatten() {
        let target = site.join(entry.path().strip_prefix(valid.path()).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    std::fs::write(holder.path().join("beside.txt"), "no se toca").unwrap();
    let mut outputs = vec![
        site.clone(),
        holder.path().to_path_buf(),
        site.join("static/public"),
        site.join("static/../../sitio"),
    ];
    // A link to the site is the site.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&site, holder.path().join("enlace")).unwrap();
        outputs.push(holder.path().join("enlace"));
    }
    let before = snapshot(holder.path());
    for out in outputs {
        let report = build_forced(&site, &out, true);
        assert!(report.errors() > 0, "{} accepted as output", out.display());
        assert!(!report.written);
    }
    assert_eq!(
        snapshot(holder.path()),
        before,
        "the site or what is beside it changed"
    );
}

#[test]
fn the_command_exits_non_zero_on_errors_and_prints_file_and_line() {
    let site = TempSite::valid().file(
        "participants/prueba/semaforos.toml",
        "title = \"x\"\ntitel = 1\n",
    );
    let out = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_abierto"))
        .args(["build", site.path().to_str().unwrap(), "-o"])
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("participants/prueba/semaforos.toml:2:1: clave desconocida `titel`"),
        "{stderr}"
    );
    assert!(stderr.contains("¿quisiste decir `title`?"), "{stderr}");
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_rebuild_keeps_unchanged_files_and_never_changes_the_previous_portal_in_place() {
    let site = TempSite::valid()
        .file("participants/prueba/aforos.toml", "title = \"Aforos\"\ndescription = \"Conteos de vehículos.\"\ncategories = [\"movilidad\"]\n\n[[resources]]\ntitle = \"Aforos (CSV)\"\npath = \"datos/aforos.csv\"\n")
        .file("participants/prueba/datos/aforos.csv", "punto,vehiculos\n1,120\n");
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let semaforos = out.join("descargas/prueba/semaforos/semaforos.csv");
    let aforos = out.join("descargas/prueba/aforos/aforos.csv");
    let aforos_page = out.join("datos/prueba/aforos/index.html");
    // Someone still holds the published files (a web server sending them, a deploy in progress).
    let held = tempfile::tempdir().unwrap();
    std::fs::hard_link(&semaforos, held.path().join("semaforos.csv")).unwrap();
    std::fs::hard_link(out.join("index.html"), held.path().join("index.html")).unwrap();
    let old_home = std::fs::read(out.join("index.html")).unwrap();
    let (aforos_inode, page_inode) = (inode(&aforos), inode(&aforos_page));

    let site = site
        .file(
            "participants/prueba/datos/semaforos.csv",
            "id,calle\n1,Juárez\n2,Hidalgo\n3,Morelos\n",
        )
        .file(
            "participants/prueba/semaforos.toml",
            DATASET.replace("Semáforos", "Semáforos 2"),
        );
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);

    assert!(
        std::fs::read_to_string(&semaforos)
            .unwrap()
            .contains("Morelos")
    );
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Semáforos 2")
    );
    assert_eq!(
        std::fs::read_to_string(held.path().join("semaforos.csv")).unwrap(),
        "id,calle\n1,Juárez\n2,Hidalgo\n",
        "the previous portal's download was changed in place"
    );
    assert_eq!(
        std::fs::read(held.path().join("index.html")).unwrap(),
        old_home,
        "the previous portal's page was changed in place"
    );
    assert_eq!(
        inode(&aforos),
        aforos_inode,
        "an unchanged download was copied again"
    );
    assert_eq!(
        inode(&aforos_page),
        page_inode,
        "an unchanged page was written again"
    );
    assert_eq!(
        std::fs::read_to_string(&aforos).unwrap(),
        "punto,vehiculos\n1,120\n"
    );
}

#[test]
fn a_published_file_changed_by_hand_is_written_again() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let before = snapshot(&out);
    let download = out.join("descargas/prueba/semaforos/semaforos.csv");
    let page = out.join("datos/index.html");
    // Same size, other bytes; then a longer download.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Semáforos"));
    std::fs::write(&page, html.replacen("Semáforos", "Semaforos_", 1)).unwrap();
    std::fs::write(&download, "id,calle\n1,Juárez\n2,Hidalgo\n9,Falsa\n").unwrap();

    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let after = snapshot(&out);
    let manifest = ".abierto-manifest";
    let without = |mut s: BTreeMap<String, Vec<u8>>| {
        s.remove(manifest);
        s
    };
    assert_eq!(
        without(after),
        without(before),
        "the portal is what the site says"
    );
}

#[cfg(unix)]
#[test]
fn a_rebuild_that_changes_nothing_leaves_the_portal_folder_as_it_is() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let (folder, before) = (inode(&out), snapshot(&out));

    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    assert_eq!(inode(&out), folder, "an identical portal was swapped in");
    assert_eq!(snapshot(&out), before);
    let beside: Vec<_> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside, ["public"], "nothing is left beside the portal");

    // A change is still published, whole.
    let site = site.file(
        "participants/prueba/semaforos.toml",
        DATASET.replace("Semáforos", "Semáforos 2"),
    );
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    assert_ne!(inode(&out), folder, "the changed portal was not swapped in");
    assert!(
        std::fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Semáforos 2")
    );
}

#[test]
fn a_folder_beside_the_output_that_abierto_did_not_write_is_left_and_named() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    let beside = parent.path().join(".public.abierto-staging");
    std::fs::create_dir_all(&beside).unwrap();
    std::fs::write(beside.join("notas.txt"), "mías").unwrap();

    let report = build_into(site.path(), &out, None);
    let error = only_error(&report.diagnostics);
    let folder = beside.display().to_string();
    assert_eq!(
        error.message_text(abierto::model::Language::En),
        format!(
            "cannot write the portal here: {folder} was not written by abierto; move it away and build again"
        )
    );
    assert_eq!(
        error.message_text(abierto::model::Language::Es),
        format!(
            "no se puede escribir el portal aquí: abierto no escribió {folder}; muévela a otro lugar y vuelve a construir"
        )
    );
    assert!(!report.written);
    assert_eq!(
        std::fs::read_to_string(beside.join("notas.txt")).unwrap(),
        "mías"
    );
}

/// A portal whose manifest an earlier abierto wrote (format 2: no digests,
/// `-` for every page) is still abierto's, and its unchanged pages are still
/// found unchanged, by their bytes: nothing is written again.
#[cfg(unix)]
#[test]
fn a_portal_written_before_digests_is_still_reused() {
    let site = TempSite::valid();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let manifest = out.join(".abierto-manifest");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let older: String = text
        .lines()
        .map(|line| match line {
            "# abierto-manifest 3: size mtime_ns holds path" => {
                "# abierto-manifest 2: size mtime_ns source path".to_string()
            }
            _ => {
                let mut parts: Vec<&str> = line.splitn(4, ' ').collect();
                if parts.len() == 4 && parts[2].starts_with("sha:") {
                    parts[2] = "-";
                }
                parts.join(" ")
            }
        })
        .map(|line| line + "\n")
        .collect();
    assert_ne!(older, text, "the test did not make an older manifest");
    std::fs::write(&manifest, older).unwrap();
    let folder = inode(&out);

    let report = build_into(site.path(), &out, None);
    assert_eq!(report.errors(), 0);
    let wrote = report.wrote.unwrap();
    assert_eq!((wrote.written, wrote.removed), (0, 0));
    assert_eq!(inode(&out), folder, "an unchanged portal was swapped");
}

/// `--force` replaces a folder that holds a file abierto did not write: that
/// folder is deleted, not kept as the previous portal, so no later build
/// brings the foreign file back into the portal (and then refuses it).
#[test]
fn a_forced_build_keeps_nothing_of_the_folder_it_replaced() {
    let site = retitled(TempSite::valid(), "Semáforos 1");
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    std::fs::write(out.join("CNAME"), "datos.example.org").unwrap();
    let site = retitled(site, "Semáforos 2");
    assert_eq!(build_forced(site.path(), &out, true).errors(), 0);
    assert!(!out.join("CNAME").exists());
    assert!(!parent.path().join(".public.abierto-previous").exists());
    for title in ["Semáforos 3", "Semáforos 4", "Semáforos 5"] {
        let site = retitled(TempSite::valid(), title);
        let report = build_into(site.path(), &out, None);
        assert_eq!(report.errors(), 0, "{title}: {:#?}", report.diagnostics);
        assert!(!out.join("CNAME").exists(), "{title}");
    }
}

#[test]
fn a_site_file_that_would_overwrite_a_page_fails_the_build_naming_both() {
    // `static/` is copied as is: this file would take the catalog's place.
    let report = failing_after_a_good_build(|site| {
        site.file("static/datos/index.html", "<p>otro catálogo</p>")
    });
    let error = only_error(&report.diagnostics);
    assert_eq!(error.file, "static/datos/index.html");
    let text = error.message_text(abierto::model::Language::Es);
    assert!(text.contains("`datos/index.html`"), "{text}");
    assert!(text.contains("página"), "{text}");
}

#[test]
fn the_summary_counts_the_files_written_kept_and_removed() {
    use abierto::output::writer::WriteSummary;
    let site = TempSite::valid().file(
        "participants/prueba/otro.toml",
        DATASET.replace("Semáforos", "Otros semáforos"),
    );
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    let first = build_into(site.path(), &out, None);
    assert_eq!(first.errors(), 0, "{:#?}", first.diagnostics);
    let before = portal_files(&out);
    let all = before.len();
    let summary = |written, reused, removed| {
        Some(WriteSummary {
            written,
            reused,
            removed,
        })
    };
    assert_eq!(first.wrote, summary(all, 0, 0));

    let again = build_into(site.path(), &out, None);
    assert_eq!(again.wrote, summary(0, all, 0), "an unchanged rebuild");

    std::fs::remove_file(site.path().join("participants/prueba/otro.toml")).unwrap();
    let third = build_into(site.path(), &out, None);
    assert_eq!(third.errors(), 0);
    let after = portal_files(&out);
    let removed = before.keys().filter(|f| !after.contains_key(*f)).count();
    let written = after
        .iter()
        .filter(|(f, bytes)| before.get(*f) != Some(*bytes))
        .count();
    assert!(removed > 0 && written > 0, "{removed} {written}");
    assert_eq!(
        third.wrote,
        summary(written, after.len() - written, removed),
        "a dataset removed"
    );
}

/// The folders below `root`, by their relative names.
fn folders(root: &Path) -> Vec<String> {
    walkdir::WalkDir::new(root)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(root).unwrap().display().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn a_kept_portal_updated_into_the_new_one_loses_the_files_and_folders_of_a_removed_dataset() {
    let other = "participants/prueba/otro.toml";
    let site = TempSite::valid().file(other, DATASET.replace("Semáforos", "Otros 1"));
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("public");
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    let first = inode(&out);
    let site = site.file(other, DATASET.replace("Semáforos", "Otros 2"));
    assert_eq!(build_into(site.path(), &out, None).errors(), 0);
    assert!(out.join("datos/prueba/otro/index.html").is_file());

    // The third build updates the first portal, which has the dataset's pages.
    std::fs::remove_file(site.path().join(other)).unwrap();
    built_into_the_kept_portal(&site, &out, first);
    let fresh = tempfile::tempdir().unwrap().keep();
    assert_eq!(build_into(site.path(), &fresh.join("p"), None).errors(), 0);
    assert!(!out.join("datos/prueba/otro").exists());
    assert_eq!(portal_files(&out), portal_files(&fresh.join("p")));
    assert_eq!(folders(&out), folders(&fresh.join("p")));
    std::fs::remove_dir_all(fresh).unwrap();
}
