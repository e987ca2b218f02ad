//! Dumps the events coded on each OEDA GSR sentence as JSON lines (row index,
//! label, category, events) for error analysis — text layer and events only.
//!
//! `cargo run --release -p rasd-events --example gsr_dump > gsr.jsonl`
use rasd_doc::{Annotator, Doc};
use rasd_events::eval::{read_gsr, Label};

fn main() {
    let dir = rasd_events::eval::shared_dir(None).join("data/events/arabic_event_gsr");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found (set RASD_SHARED)", dir.display());
        return;
    }
    let ann = rasd_events::EventAnnotator::standard().with_min_confidence(0.0);
    for cat in ["protest", "assault"] {
        let rows = read_gsr(&dir.join(format!("{cat}_gsr.dev.csv"))).expect("readable GSR file");
        for r in rows.iter().filter(|r| r.label != Label::Ambiguous) {
            let mut d = Doc::new("gsr", r.text.clone());
            rasd_text::analyze(&mut d);
            ann.annotate(&mut d)
                .expect("the event annotator does not fail");
            let events: Vec<_> = d
                .events
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "type": e.kind, "aux": e.aux, "conf": e.confidence,
                        "trigger": d.slice(e.trigger), "start": d.text[..e.trigger.start as usize].chars().count(),
                        "actor": e.actor_codes, "recipient": e.recipient_codes,
                    })
                })
                .collect();
            let line = serde_json::json!({
                "index": r.index, "label": format!("{:?}", r.label), "category": r.category,
                "text": r.text, "events": events,
            });
            println!("{line}");
        }
    }
}
