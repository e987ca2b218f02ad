use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh temporary directory for one test.
macro_rules! tempdir {
    () => {
        tempfile::tempdir().expect("help: cannot create a temporary directory")
    };
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled seed article.
pub fn seed() -> PathBuf {
    root().join("examples/000_3e809c445546f9ff.txt")
}

/// Runs `rasd ARGS`, optionally with stdin.
pub fn rasd(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasd"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("help: cannot run the rasd binary");
    {
        let mut pipe = child.stdin.take().expect("stdin");
        if let Some(input) = stdin {
            pipe.write_all(input).expect("write stdin");
        }
    }
    child.wait_with_output().expect("rasd output")
}

/// The JSON lines of stdout.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("help: every stdout line must be one JSON record"))
        .collect()
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The code-point slice `[start, end)` of `text`.
pub fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}
