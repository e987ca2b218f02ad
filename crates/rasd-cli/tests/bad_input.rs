use crate::util::*;

#[test]
fn invalid_utf8_names_file_and_offset_and_batch_goes_on() {
    let dir = tempdir!();
    let bad = dir.path().join("a_bad.txt");
    std::fs::write(&bad, b"date 2025-11-26 \xd9\x82\xff\xfe").unwrap();
    std::fs::write(dir.path().join("b_good.txt"), "نص سليم.").unwrap();
    let out = rasd(&["analyze", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("a_bad.txt: invalid UTF-8 at byte 18"), "{err}");
    assert_eq!(records(&out).len(), 1);
    let out = rasd(&["analyze", "--lossy", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn malformed_json_line_is_located() {
    let dir = tempdir!();
    let p = dir.path().join("x.jsonl");
    std::fs::write(
        &p,
        "{\"id\":\"1\",\"text\":\"أ.\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\",\"text\":\"ب.\"}\n",
    )
    .unwrap();
    let out = rasd(&["analyze", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("x.jsonl:2: malformed JSON"),
        "{}",
        stderr(&out)
    );
    let ids: Vec<_> = records(&out).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["1", "3"]);
}

#[test]
fn binary_empty_missing_and_huge_inputs() {
    let dir = tempdir!();
    let bin = dir.path().join("junk.bin");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "ا".repeat(50 << 20)).unwrap();
    let missing = dir.path().join("missing.txt");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "نص.").unwrap();
    let args = [&bin, &empty, &huge, &missing, &good].map(|p| p.to_str().unwrap().to_string());
    let mut argv = vec!["analyze"];
    argv.extend(args.iter().map(String::as_str));
    let out = rasd(&argv, None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("junk.bin: binary data (NUL byte at byte 0)"),
        "{err}"
    );
    assert!(err.contains("empty.txt: empty document"), "{err}");
    assert!(
        err.contains("huge.txt: document of 104857600 bytes exceeds the limit"),
        "{err}"
    );
    assert!(err.contains("missing.txt: No such file"), "{err}");
    assert_eq!(records(&out).len(), 1, "the good file is still processed");
}

#[test]
fn broken_zip_is_reported() {
    let dir = tempdir!();
    let z = dir.path().join("bad.zip");
    std::fs::write(&z, b"PK\x03\x04 this is not a zip").unwrap();
    let out = rasd(&["analyze", z.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.zip: broken zip archive"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(rasd(&["analyze"], None).status.code(), Some(2));
    assert_eq!(
        rasd(&["analyze", "x", "--date", "2025-13-01"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(rasd(&["frobnicate"], None).status.code(), Some(2));
}
