//! Prints the tagger's raw labels for a text file (a debugging aid).
use brief::analysis::actors::tagger;
use brief::segment::Document;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let doc = Document::new(&text);
    let labels = tagger::tag(&doc);
    let mut line = String::new();
    for (i, l) in labels.iter().enumerate() {
        let w = doc.tok(i);
        if *l == tagger::O {
            line.push_str(w);
        } else {
            let t = tagger::type_of(*l).name();
            line.push_str(&format!(
                "[{w}/{}{t}]",
                if tagger::is_inside(*l) { "I-" } else { "" }
            ));
        }
        line.push(' ');
    }
    println!("{line}");
}
