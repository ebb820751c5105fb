//! JSONL record handling (`dechrome::jsonl`): the first input byte picks a
//! field path, the rest is one record line. Finding the field must never
//! panic, whatever the bytes (invalid UTF-8, broken or deeply nested JSON).
//! When the field is found, its value is cleaned and spliced back: every
//! byte outside the string literal must be unchanged, the new record must
//! parse, and the field must read back as the cleaned text. Strings are
//! decoded and encoded as serde_json does.
#![no_main]

use std::sync::OnceLock;

use dechrome::jsonl::{find_string_field, splice, FieldPath};
use dechrome::Cleaner;
use libfuzzer_sys::fuzz_target;

const PATHS: [&str; 3] = ["text", "content.body", "a.b.text"];

fn cleaner() -> &'static Cleaner {
    static C: OnceLock<Cleaner> = OnceLock::new();
    C.get_or_init(Cleaner::new)
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, line)) = data.split_first() else {
        return;
    };
    let path = FieldPath::parse(PATHS[sel as usize % PATHS.len()]).expect("valid path");
    let field = match find_string_field(line, &path) {
        Ok(f) => f,
        Err(e) => {
            // The message is printed by the CLI: it must format.
            let _ = e.to_string();
            return;
        }
    };
    let span = field.span.clone();
    assert!(
        span.start + 2 <= span.end && span.end <= line.len(),
        "{span:?}"
    );
    assert_eq!(line[span.start], b'"');
    assert_eq!(line[span.end - 1], b'"');

    // dechrome decodes the literal itself: as serde_json does.
    let decoded: String = serde_json::from_slice(&line[span.clone()]).expect("a valid literal");
    assert_eq!(field.value, decoded.as_str());

    let cleaned = cleaner().clean(field.value.as_bytes()).render();
    let cleaned = String::from_utf8(cleaned).expect("cleaning UTF-8 text gives UTF-8");
    let mut out = Vec::new();
    splice(line, span.clone(), &cleaned, &mut out);
    assert_eq!(
        &out[..span.start],
        &line[..span.start],
        "bytes before the field changed"
    );
    assert!(
        out.ends_with(&line[span.end..]),
        "bytes after the field changed"
    );
    let again = find_string_field(&out, &path).expect("the spliced record parses");
    assert_eq!(again.span.start, span.start);
    assert_eq!(again.value, cleaned.as_str());
    let encoded = serde_json::to_vec(&cleaned).expect("a string serialises");
    assert_eq!(&out[span.start..span.start + encoded.len()], &encoded[..]);

    // The value spliced back unchanged reads back the same.
    let mut same = Vec::new();
    splice(line, span, &field.value, &mut same);
    assert_eq!(
        find_string_field(&same, &path).expect("parses").value,
        field.value
    );
});
