//! What differs between operating systems, in one place: positional reads,
//! a file's identity and modification time, and the atomic exchange of two
//! folders that lets the writer swap a finished portal in.
//!
//! | | Linux | macOS | Windows and others |
//! |---|---|---|---|
//! | [`read_exact_at`] | `pread` | `pread` | `seek_read`, looped |
//! | [`identity`] | device, inode | device, inode | none: copies are compared by size and time |
//! | [`exchange`] | the `renameat2(RENAME_EXCHANGE)` system call | `renamex_np(RENAME_SWAP)` | unsupported: the writer falls back to two renames |
//! | [`CASE_INSENSITIVE_FILES`] | no | yes (by default) | yes (Windows) |
//! | [`in_use_by_another_program`] | never | never | sharing and lock violations |
//! | [`colours_on_stderr`] | a terminal whose `TERM` is not `dumb` | the same | a console that accepts ANSI sequences once asked |

use std::fs::{File, Metadata};
use std::io;
use std::path::Path;

/// Whether the file system usually ignores case (`Datos.csv` opens `datos.csv`):
/// names found there are checked against the folder's listing.
pub const CASE_INSENSITIVE_FILES: bool = cfg!(any(windows, target_os = "macos"));

/// Whether messages on standard error may be coloured: a terminal, `NO_COLOR`
/// not set (<https://no-color.org>), a terminal that shows colours (on Windows,
/// a console that accepts ANSI sequences once asked to: Windows 10 and later).
pub fn colours_on_stderr() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
        && !anstyle_query::no_color()
        && anstyle_query::term_supports_color()
        && anstyle_query::windows::enable_ansi_colors().unwrap_or(true)
}

/// Whether an error says another program holds the file open (Windows refuses
/// to read or replace a file Excel has open: `ERROR_SHARING_VIOLATION`,
/// `ERROR_LOCK_VIOLATION`).
pub fn in_use_by_another_program(error: &io::Error) -> bool {
    cfg!(windows) && matches!(error.raw_os_error(), Some(32 | 33))
}

/// Fills `buf` from `file` at `offset`, without a shared cursor: several
/// threads may read one open file at once.
#[cfg(unix)]
pub fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Fills `buf` from `file` at `offset` (Windows: each `seek_read` names its offset).
#[cfg(windows)]
pub fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The device and inode of a file, where the system has them.
#[cfg(unix)]
pub fn identity(metadata: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.dev(), metadata.ino()))
}

/// Windows has no stable device and inode through the standard library.
#[cfg(not(unix))]
pub fn identity(_: &Metadata) -> Option<(u64, u64)> {
    None
}

/// Modification time in nanoseconds since the Unix epoch.
#[cfg(unix)]
pub fn mtime_ns(metadata: &Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(metadata.mtime()) * 1_000_000_000 + i128::from(metadata.mtime_nsec())
}

/// Modification time in nanoseconds since the Unix epoch (0 when unknown).
#[cfg(not(unix))]
pub fn mtime_ns(metadata: &Metadata) -> i128 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}

/// The two paths as C strings, for the exchange system calls.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn c_paths(a: &Path, b: &Path) -> io::Result<(std::ffi::CString, std::ffi::CString)> {
    use std::os::unix::ffi::OsStrExt;
    Ok((
        std::ffi::CString::new(a.as_os_str().as_bytes())?,
        std::ffi::CString::new(b.as_os_str().as_bytes())?,
    ))
}

/// Exchanges two folders in one atomic step: a reader, or a crash, sees
/// each at one path or the other, never neither.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    let (a, b) = c_paths(a, b)?;
    // The system call itself: musl's C library (the static release binaries)
    // has no renameat2 wrapper.
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Exchanges two folders in one atomic step (APFS `renamex_np` with `RENAME_SWAP`).
#[cfg(target_os = "macos")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    let (a, b) = c_paths(a, b)?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// No atomic exchange of folders (Windows): the writer moves the old portal
/// aside, puts the new one in its place, and a build interrupted between the
/// two renames has the old portal put back by the next build.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    /// Excel holds a workbook open with no sharing: reading it fails with a
    /// sharing violation, said as another program's doing (runs on Windows,
    /// and under wine in `tests/platforms/run.sh`).
    #[cfg(windows)]
    #[test]
    fn a_file_another_program_holds_open_is_told_apart() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("libro.xlsx");
        std::fs::write(&path, "datos").unwrap();
        let _excel = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(0)
            .open(&path)
            .unwrap();
        let error = std::fs::read(&path).unwrap_err();
        assert!(super::in_use_by_another_program(&error), "{error:?}");
    }

    #[test]
    fn only_windows_says_a_file_is_held_by_another_program() {
        let sharing_violation = std::io::Error::from_raw_os_error(32);
        assert_eq!(
            super::in_use_by_another_program(&sharing_violation),
            cfg!(windows)
        );
        assert!(!super::in_use_by_another_program(
            &std::io::ErrorKind::NotFound.into()
        ));
    }
}
