//! Fuzz the zip reader: arbitrary bytes never panic; errors name the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use rasd_ingest::{read_bytes, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    for lossy in [false, true] {
        let opts = ReadOptions { lossy, ..ReadOptions::default() };
        for item in read_bytes(data.to_vec(), "fuzz", Some(Format::Zip), &opts) {
            if let Err(e) = item {
                assert!(e.to_string().starts_with("fuzz"));
            }
        }
    }
});
