//! Precision/recall of sentence-level PROTEST and ASSAULT detection on the
//! OEDA Arabic event gold at several confidence thresholds (tuning rows and
//! held-out rows, index % 5 == 0, separately) — the text layer and the event
//! annotator only.
//!
//! `cargo run --release -p rasd-events --example gsr_sweep` (reads
//! `$RASD_SHARED` or `../shared`; skips when absent).
use rasd_doc::{Annotator, Doc};
use rasd_events::eval::{read_gsr, Counts, Label};

fn main() {
    let dir = rasd_events::eval::shared_dir(None).join("data/events/arabic_event_gsr");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found (set RASD_SHARED)", dir.display());
        return;
    }
    let ann = rasd_events::EventAnnotator::standard().with_min_confidence(0.0);
    for cat in ["protest", "assault"] {
        let rows = read_gsr(&dir.join(format!("{cat}_gsr.dev.csv"))).expect("readable GSR file");
        let mut scored = Vec::new();
        for r in rows.iter().filter(|r| r.label != Label::Ambiguous) {
            let mut d = Doc::new("gsr", r.text.clone());
            rasd_text::analyze(&mut d);
            ann.annotate(&mut d)
                .expect("the event annotator does not fail");
            let best = d
                .events
                .iter()
                .filter(|e| e.kind == r.category)
                .filter(|e| {
                    !matches!(
                        e.aux.as_deref(),
                        Some("negation" | "hypothetical" | "future")
                    )
                })
                .map(|e| e.confidence)
                .fold(0f32, f32::max);
            scored.push((r.held_out(), r.label == Label::Yes, best));
        }
        for th in [0.5, 0.6, 0.7, 0.8, 0.9, 0.95] {
            let (mut tune, mut held) = (Counts::default(), Counts::default());
            for &(ho, gold, c) in &scored {
                if ho {
                    held.add(gold, c >= th)
                } else {
                    tune.add(gold, c >= th)
                }
            }
            println!(
                "{cat} threshold {th}: tuning P {:.3} R {:.3} F1 {:.3} | held-out P {:.3} R {:.3} F1 {:.3}",
                tune.precision(),
                tune.recall(),
                tune.f1(),
                held.precision(),
                held.recall(),
                held.f1()
            );
        }
    }
}
