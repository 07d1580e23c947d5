use super::*;

fn tx(text: &str, r: Option<(i16, i8, i8)>) -> Vec<(String, String, Option<String>)> {
    let doc = Document::new(text);
    let r = r.and_then(|(y, m, d)| Date::new(y, m, d).ok());
    extract(&doc, r)
        .into_iter()
        .map(|t| {
            let kind = format!("{:?}", t.kind).to_lowercase();
            (text[t.start..t.end].to_string(), kind, t.value)
        })
        .collect()
}

#[test]
fn sample_forms() {
    let r = Some((2025, 2, 18));
    let got = tx(
        "The talks held from 12 to 14 February ended. He will come tomorrow.",
        r,
    );
    assert_eq!(got[0].2.as_deref(), Some("2025-02-12/2025-02-14"));
    assert_eq!(got[1].2.as_deref(), Some("2025-02-19"));
}
