use crate::util::*;

#[test]
fn seed_gives_one_contract_record() {
    let seed = seed();
    let out = rasd(&["analyze", seed.to_str().unwrap()], None);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["rasd"], "1");
    assert_eq!(r["id"], "000_3e809c445546f9ff");
    assert_eq!(r["dateline"], "2025-11-26");
    let text = r["text"].as_str().unwrap();
    assert!(
        text.starts_with("قال الكرملين"),
        "header must be removed from text"
    );
    for key in [
        "sentences",
        "boilerplate",
        "entities",
        "times",
        "quotes",
        "events",
    ] {
        assert!(r[key].is_array(), "missing {key}");
    }
    let sentences = r["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 13);
    let first = &sentences[0];
    let s = cp_slice(
        text,
        first["start"].as_u64().unwrap(),
        first["end"].as_u64().unwrap(),
    );
    assert!(
        s.starts_with("قال الكرملين") && s.ends_with("في أوكرانيا."),
        "{s}"
    );
    let bp: Vec<(String, String)> = r["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let t = cp_slice(
                text,
                b["start"].as_u64().unwrap(),
                b["end"].as_u64().unwrap(),
            );
            (t, b["kind"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        bp,
        [
            ("مخاوف".into(), "heading".into()),
            ("إعلان".into(), "ad".into())
        ]
    );
}

#[test]
fn output_is_deterministic_and_ordered() {
    let dir = tempdir!();
    for (i, body) in ["أولا.", "ثانيا.", "ثالثا."].iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), body).unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let a = rasd(&["analyze", path, "-j", "2"], None);
    let b = rasd(&["analyze", path, "-j", "1"], None);
    assert_eq!(a.stdout, b.stdout);
    let ids: Vec<String> = records(&a)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["0", "1", "2"]);
}

#[test]
fn stdin_jsonl_and_output_file() {
    let dir = tempdir!();
    let out_path = dir.path().join("out.jsonl");
    let input = "{\"id\":\"a\",\"date\":\"2025-11-26\",\"title\":\"ع\",\"text\":\"قال أمس.\"}\n{\"id\":\"b\",\"content\":\"نص.\"}\n";
    let out = rasd(
        &["analyze", "-", "-o", out_path.to_str().unwrap()],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(out_path).unwrap();
    let recs: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["title"], "ع");
    assert_eq!(recs[0]["dateline"], "2025-11-26");
    assert_eq!(recs[1]["dateline"], serde_json::Value::Null);
}

#[test]
fn text_only_seed_snapshot() {
    let seed = seed();
    let out = rasd(&["analyze", "--text-only", seed.to_str().unwrap()], None);
    let mut rec = records(&out).remove(0);
    // the source is the absolute path of this checkout: not part of the golden output
    assert!(rec["source"]
        .as_str()
        .unwrap()
        .ends_with("examples/000_3e809c445546f9ff.txt"));
    rec["source"] = serde_json::Value::from("examples/000_3e809c445546f9ff.txt");
    insta::assert_json_snapshot!("seed_text_only", rec);
}

#[test]
fn plain_text_takes_date_flag() {
    let out = rasd(
        &["analyze", "-", "--date", "2025-01-31"],
        Some("نص بلا ترويسة.".as_bytes()),
    );
    assert_eq!(records(&out)[0]["dateline"], "2025-01-31");
}

#[test]
fn pipeline_registry_snapshot() {
    let out = rasd(&["pipeline", "--json"], None);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_json_snapshot!("pipeline_registry", v);
}

#[test]
fn help_teaches_with_examples() {
    let out = rasd(&["analyze", "--help"], None);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("Examples:") && help.contains("rasd analyze"),
        "{help}"
    );
    let out = rasd(&["--version"], None);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("rasd "));
}

#[test]
fn tokens_expose_clitic_free_stems() {
    let out = rasd(
        &["analyze", "--text-only", "--tokens", "-"],
        Some("قال للرئيس والولايات كذا.".as_bytes()),
    );
    let rec = records(&out).remove(0);
    let text = rec["text"].as_str().unwrap();
    let toks = rec["tokens"].as_array().unwrap();
    let surf: Vec<String> = toks
        .iter()
        .map(|t| {
            cp_slice(
                text,
                t["start"].as_u64().unwrap(),
                t["end"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(surf, ["قال", "للرئيس", "والولايات", "كذا", "."]);
    let stem = &toks[2]["stem"];
    assert_eq!(
        cp_slice(
            text,
            stem["start"].as_u64().unwrap(),
            stem["end"].as_u64().unwrap()
        ),
        "ولايات"
    );
    assert!(toks[0].get("stem").is_none());
}
