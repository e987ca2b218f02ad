//! The shared news corpus goes through `rasd analyze` without an error.
use crate::util::*;

#[test]
fn every_saudinewsnet_article_is_analysed() {
    let Some(dir) = rasd_doc::test_support::shared_path("data/news/saudinewsnet/dataset") else {
        return;
    };
    let dir_s = dir.to_str().unwrap();
    let out = rasd(&["analyze", "--quiet", dir_s], None);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
    // one line per record of every zip
    let mut expected = 0usize;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "zip") {
            let mut z = zip::ZipArchive::new(std::fs::File::open(&p).unwrap()).unwrap();
            for i in 0..z.len() {
                let f = z.by_index(i).unwrap();
                if f.name().ends_with(".json") {
                    let v: Vec<serde_json::Value> = serde_json::from_reader(f).unwrap();
                    expected += v.len();
                }
            }
        }
    }
    assert_eq!(lines, expected);
}
