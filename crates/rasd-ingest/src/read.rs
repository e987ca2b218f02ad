use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rasd_doc::Doc;

use crate::json::{doc_from_json, record};
use crate::{content_id, decode, parse_text, Error, Format, ReadOptions, Result};

/// One input: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// Expands command-line paths: `-` is stdin, directories are walked
/// recursively in sorted order (hidden entries skipped), files stay as given.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<Result<Input>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(Ok(Input::File(e.into_path()))),
                    Ok(_) => {}
                    Err(e) => out.push(Err(Error::Io {
                        path: e.path().unwrap_or(p).to_path_buf(),
                        source: e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("directory loop")),
                    })),
                }
            }
        } else {
            out.push(Ok(Input::File(p.clone())));
        }
    }
    out
}

/// The documents of one input, in order; bad documents become errors in place.
pub fn read_input(input: &Input, opts: &ReadOptions) -> Box<dyn Iterator<Item = Result<Doc>>> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            let path = PathBuf::from("<stdin>");
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
                return one(Err(Error::Io { path, source: e }));
            }
            let format = opts.format.unwrap_or_else(|| sniff(&buf));
            from_bytes(buf, &path, None, format, opts)
        }
        Input::File(path) => {
            let format = opts.format.unwrap_or_else(|| Format::from_path(path));
            match format {
                Format::Jsonl => match File::open(path) {
                    Ok(f) => jsonl(BufReader::new(f), path.clone(), opts.clone()),
                    Err(e) => one(Err(Error::Io {
                        path: path.clone(),
                        source: e,
                    })),
                },
                Format::Zip => zip_archive(path, opts),
                _ => match std::fs::read(path) {
                    Ok(bytes) => from_bytes(bytes, path, Some(path), format, opts),
                    Err(e) => one(Err(Error::Io {
                        path: path.clone(),
                        source: e,
                    })),
                },
            }
        }
    }
}

fn one(r: Result<Doc>) -> Box<dyn Iterator<Item = Result<Doc>>> {
    Box::new(std::iter::once(r))
}

fn sniff(bytes: &[u8]) -> Format {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'[') => Format::Json,
        Some(b'P') if bytes.starts_with(b"PK\x03\x04") => Format::Zip,
        _ => Format::Text,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn check(doc: Doc, origin: &Path, opts: &ReadOptions) -> Result<Doc> {
    if doc.text.len() > opts.max_doc_bytes {
        return Err(Error::TooLarge {
            path: origin.to_path_buf(),
            bytes: doc.text.len(),
            limit: opts.max_doc_bytes,
        });
    }
    // A JSON record with an empty body but a title or URL (photo stories,
    // cartoons, video pages) is still a document: it is kept with its
    // metadata, so the output has one line per input record and loses nothing.
    let bare = doc.title.is_none() && doc.source.as_deref().is_none_or(|s| !s.contains("://"));
    if doc.text.trim().is_empty() && bare {
        return Err(Error::Empty {
            path: origin.to_path_buf(),
        });
    }
    Ok(doc)
}

/// The documents of an in-memory input named `name` (used in errors and as
/// the id of a text document), in `format` or, when `None`, the format its
/// content looks like. For servers, fuzzers and tests.
pub fn read_bytes(
    bytes: Vec<u8>,
    name: &str,
    format: Option<Format>,
    opts: &ReadOptions,
) -> Box<dyn Iterator<Item = Result<Doc>>> {
    let format = format.unwrap_or_else(|| sniff(&bytes));
    let path = PathBuf::from(name);
    from_bytes(bytes, &path, Some(&path), format, opts)
}

/// Documents of an in-memory input; `file` is set for a real file (its stem is the text's id).
fn from_bytes(
    bytes: Vec<u8>,
    path: &Path,
    file: Option<&Path>,
    format: Format,
    opts: &ReadOptions,
) -> Box<dyn Iterator<Item = Result<Doc>>> {
    match format {
        Format::Zip => match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
            Ok(z) => zip_members(z, path.to_path_buf(), opts.clone()),
            Err(e) => one(Err(Error::Zip {
                path: path.to_path_buf(),
                message: e.to_string(),
            })),
        },
        Format::Jsonl => jsonl(
            std::io::Cursor::new(bytes),
            path.to_path_buf(),
            opts.clone(),
        ),
        Format::Json => {
            let text = match decode(bytes, path, opts.lossy) {
                Ok(t) => t,
                Err(e) => return one(Err(e)),
            };
            json_array(&text, path, opts)
        }
        Format::Text => {
            if bytes.len() > opts.max_doc_bytes {
                return one(Err(Error::TooLarge {
                    path: path.to_path_buf(),
                    bytes: bytes.len(),
                    limit: opts.max_doc_bytes,
                }));
            }
            let text = match decode(bytes, path, opts.lossy) {
                Ok(t) => t,
                Err(e) => return one(Err(e)),
            };
            let id = file.map(file_stem).unwrap_or_else(|| content_id(&text));
            let mut doc = parse_text(&id, &text, opts.default_date);
            doc.source = Some(path.display().to_string());
            one(check(doc, path, opts))
        }
    }
}

fn json_array(
    text: &str,
    path: &Path,
    opts: &ReadOptions,
) -> Box<dyn Iterator<Item = Result<Doc>>> {
    let values: Vec<serde_json::Value> = match serde_json::from_str(text) {
        Ok(serde_json::Value::Array(v)) => v,
        Ok(v @ serde_json::Value::Object(_)) => vec![v],
        Ok(_) => {
            return one(Err(Error::Json {
                path: path.to_path_buf(),
                line: 1,
                message: "expected an array of objects".into(),
            }))
        }
        Err(e) => {
            return one(Err(Error::Json {
                path: path.to_path_buf(),
                line: e.line(),
                message: e.to_string(),
            }))
        }
    };
    let path = path.to_path_buf();
    let opts = opts.clone();
    Box::new(values.into_iter().enumerate().map(move |(i, v)| {
        let n = i + 1;
        let origin = PathBuf::from(format!("{}#{n}", path.display()));
        let rec = record(v, &path, n)?;
        let doc = doc_from_json(rec, &path, n, opts.default_date)?;
        check(doc, &origin, &opts)
    }))
}

fn jsonl<R: BufRead + 'static>(
    reader: R,
    path: PathBuf,
    opts: ReadOptions,
) -> Box<dyn Iterator<Item = Result<Doc>>> {
    let mut reader = reader;
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    Box::new(std::iter::from_fn(move || loop {
        buf.clear();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                return Some(Err(Error::Io {
                    path: path.clone(),
                    source: e,
                }))
            }
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let origin = PathBuf::from(format!("{}:{line_no}", path.display()));
        if buf.len() > opts.max_doc_bytes.saturating_mul(2) {
            return Some(Err(Error::TooLarge {
                path: origin,
                bytes: buf.len(),
                limit: opts.max_doc_bytes,
            }));
        }
        let text = match decode(std::mem::take(&mut buf), &origin, opts.lossy) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        let r = serde_json::from_str::<serde_json::Value>(&text)
            .map_err(|e| Error::Json {
                path: path.clone(),
                line: line_no,
                message: e.to_string(),
            })
            .and_then(|v| record(v, &path, line_no))
            .and_then(|rec| doc_from_json(rec, &path, line_no, opts.default_date))
            .and_then(|d| check(d, &origin, &opts));
        return Some(r);
    }))
}

fn zip_archive(path: &Path, opts: &ReadOptions) -> Box<dyn Iterator<Item = Result<Doc>>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return one(Err(Error::Io {
                path: path.to_path_buf(),
                source: e,
            }))
        }
    };
    match zip::ZipArchive::new(BufReader::new(file)) {
        Ok(z) => zip_members(z, path.to_path_buf(), opts.clone()),
        Err(e) => one(Err(Error::Zip {
            path: path.to_path_buf(),
            message: e.to_string(),
        })),
    }
}

fn zip_members<R: Read + std::io::Seek + 'static>(
    mut z: zip::ZipArchive<R>,
    path: PathBuf,
    opts: ReadOptions,
) -> Box<dyn Iterator<Item = Result<Doc>>> {
    let mut names: Vec<String> = z.file_names().map(str::to_string).collect();
    names.sort();
    let mut out: Vec<Box<dyn Iterator<Item = Result<Doc>>>> = Vec::new();
    for name in names {
        if name.ends_with('/') || name.starts_with("__MACOSX") {
            continue;
        }
        let member = PathBuf::from(format!("{}!{name}", path.display()));
        let mut bytes = Vec::new();
        let read = z.by_name(&name).map_err(|e| e.to_string()).and_then(|f| {
            let limit = opts.max_doc_bytes as u64 * 64;
            f.take(limit)
                .read_to_end(&mut bytes)
                .map_err(|e| e.to_string())
        });
        if let Err(message) = read {
            out.push(one(Err(Error::Zip {
                path: member,
                message,
            })));
            continue;
        }
        let format = Format::from_path(Path::new(&name));
        if format == Format::Zip {
            out.push(one(Err(Error::Zip {
                path: member,
                message: "nested archives are not read".into(),
            })));
            continue;
        }
        out.push(from_bytes(
            bytes,
            &member,
            Some(Path::new(&name)),
            format,
            &opts,
        ));
    }
    Box::new(out.into_iter().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::io::Write;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// No reader panics on arbitrary bytes, and every item is a document or a located error.
        #[test]
        fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), fmt in 0usize..5) {
            let format = [None, Some(Format::Text), Some(Format::Jsonl), Some(Format::Json), Some(Format::Zip)][fmt];
            for item in read_bytes(bytes.clone(), "fuzz.bin", format, &ReadOptions { lossy: fmt % 2 == 0, ..ReadOptions::default() }) {
                if let Err(e) = item {
                    prop_assert!(e.to_string().starts_with("fuzz.bin"), "error must name the input: {e}");
                }
            }
        }

        #[test]
        fn jsonl_lines_never_panic(lines in prop::collection::vec("[{}\\[\\]\":,a-z0-9 ا-ي]{0,40}", 0..6)) {
            let bytes = lines.join("\n").into_bytes();
            let n = read_bytes(bytes, "x.jsonl", Some(Format::Jsonl), &ReadOptions::default()).count();
            prop_assert!(n <= 6);
        }
    }

    fn ids(input: &Input, opts: &ReadOptions) -> Vec<std::result::Result<String, String>> {
        read_input(input, opts)
            .map(|r| r.map(|d| d.id).map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn jsonl_keeps_going_after_a_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, "{\"id\":\"x\",\"text\":\"نص\",\"date\":\"2025-01-02\"}\n{broken\n\n{\"id\":7,\"content\":\"ب\"}\n{\"id\":\"e\",\"text\":\"  \"}\n{\"id\":\"t\",\"title\":\"عنوان\",\"content\":\" \"}\n{\"id\":\"u\",\"url\":\"http://x/1\",\"text\":\"\"}\n").unwrap();
        let got = ids(&Input::File(p.clone()), &ReadOptions::default());
        assert_eq!(got[0], Ok("x".into()));
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .contains("a.jsonl:2: malformed JSON"),
            "{got:?}"
        );
        assert_eq!(got[2], Ok("7".into()));
        assert!(got[3].as_ref().unwrap_err().contains("empty document"));
        assert_eq!(
            got[4],
            Ok("t".into()),
            "a titled record with an empty body is kept"
        );
        assert_eq!(
            got[5],
            Ok("u".into()),
            "a record with a URL and an empty body is kept"
        );
    }

    #[test]
    fn zip_of_json_arrays() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("d.zip");
        let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("b.json", o).unwrap();
        z.write_all(br#"[{"source":"x","url":"http://u/1","date_extracted":"2015-07-21 10:00:00","title":"t","author":"a","content":"\u0646\u0635"}]"#).unwrap();
        z.start_file("a.json", o).unwrap();
        z.write_all(b"[1,").unwrap();
        z.finish().unwrap();
        let docs: Vec<_> = read_input(&Input::File(p), &ReadOptions::default()).collect();
        assert!(docs[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("d.zip!a.json"));
        let d = docs[1].as_ref().unwrap();
        assert_eq!(d.text, "نص");
        assert_eq!(d.source.as_deref(), Some("http://u/1"));
        assert_eq!(d.dateline.unwrap().to_string(), "2015-07-21");
    }

    #[test]
    fn broken_zip_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.zip");
        std::fs::write(&p, b"PK\x03\x04garbage").unwrap();
        let got = ids(&Input::File(p), &ReadOptions::default());
        assert!(got[0].as_ref().unwrap_err().contains("broken zip"));
    }

    #[test]
    fn directories_walk_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "ب").unwrap();
        std::fs::write(dir.path().join("a.txt"), "date 2025-01-01 أ").unwrap();
        let inputs: Vec<Input> = expand_inputs(&[dir.path().to_path_buf()])
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        let got: Vec<String> = inputs
            .iter()
            .flat_map(|i| ids(i, &ReadOptions::default()))
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(got, ["a", "b"]);
    }
}
