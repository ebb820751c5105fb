//! The run's temporary files (`.dechrome-*.tmp`, beside the files they
//! replace), removed when SIGINT, SIGTERM or SIGHUP stops the run.
//!
//! Every temporary file is made, renamed into place, copied into place and
//! removed while holding one lock, which the signal handler takes before it
//! removes the files still listed: a stopped run leaves no temporary file,
//! and no file half-copied. (SIGKILL cannot be caught: then each file is
//! still either old or new, and a temporary file may remain.)

use std::fs::File;
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files that exist now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the thread that, on the first SIGINT, SIGTERM or SIGHUP, removes
/// every temporary file and then ends the process by that signal (as it
/// would have ended without the handler: a shell sees 130 after Ctrl-C).
pub fn remove_on_signal() -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    // Held until the end: no file is made, renamed or copied
                    // after this.
                    let live = live();
                    for p in live.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(sig);
                    std::process::exit(128 + sig);
                }
            })?;
    }
    Ok(())
}

/// A temporary file, listed for the signal handler while it exists.
pub struct Temp {
    /// `None` only once renamed into place.
    file: Option<tempfile::NamedTempFile>,
}

impl Temp {
    /// A new temporary file in `dir`, made by `builder`.
    pub fn new_in(builder: &tempfile::Builder<'_, '_>, dir: &Path) -> io::Result<Temp> {
        let mut live = live();
        let file = builder.tempfile_in(dir)?;
        live.push(file.path().to_path_buf());
        Ok(Temp { file: Some(file) })
    }

    pub fn as_file(&self) -> &File {
        self.named().as_file()
    }

    fn named(&self) -> &tempfile::NamedTempFile {
        self.file
            .as_ref()
            .expect("a temporary file not yet renamed")
    }

    fn named_mut(&mut self) -> &mut tempfile::NamedTempFile {
        self.file
            .as_mut()
            .expect("a temporary file not yet renamed")
    }

    /// Renames the file to `path`. On failure the file is given back, still
    /// listed.
    pub fn persist(mut self, path: &Path) -> Result<(), (io::Error, Temp)> {
        let mut live = live();
        let file = self.file.take().expect("a temporary file not yet renamed");
        let tmp_path = file.path().to_path_buf();
        match file.persist(path) {
            Ok(_) => {
                live.retain(|p| *p != tmp_path);
                Ok(())
            }
            Err(e) => {
                self.file = Some(e.file);
                Err((e.error, self))
            }
        }
    }

    /// Copies the whole file into `path`, cut first; the temporary file is
    /// removed after. A signal during the copy waits for its end.
    pub fn copy_into(mut self, path: &Path) -> io::Result<()> {
        let copied = {
            let _live = live();
            let from = self.named_mut().as_file_mut();
            from.seek(io::SeekFrom::Start(0))
                .and_then(|_| File::create(path))
                .and_then(|mut to| io::copy(from, &mut to))
        };
        copied.map(|_| ())
    }
}

impl Write for Temp {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.named_mut().write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.named_mut().write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.named_mut().flush()
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = live();
            let tmp_path = file.path().to_path_buf();
            // Removes the file.
            drop(file);
            live.retain(|p| *p != tmp_path);
        }
    }
}
