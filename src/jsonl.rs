//! JSON Lines records: find one string field and replace its value, keeping
//! every other byte of the record.
//!
//! # Overview
//!
//! Corpora for search indexing and language-model training come as JSONL
//! shards: one JSON object per line, the page text in one field (`text` in
//! datatrove, Dolma and CCNet) beside metadata that later stages depend on.
//! Re-serialising a record would reorder keys, reformat numbers (`1.0` →
//! `1`, `1e3` → `1000.0`) and re-escape strings, so this module does not:
//! [`find_string_field`] parses the line only to validate it and to locate
//! the field's string literal, and [`splice`] writes the line back with just
//! that literal replaced.
//!
//! A field is named by a dotted [`FieldPath`]: `text`, or `content.body` for
//! the `body` member of the object in `content`. When an object has the same
//! key twice, the last one counts, as in most JSON readers.
//!
//! # Example
//!
//! ```
//! use dechrome::jsonl::{find_string_field, splice, FieldPath};
//!
//! let path = FieldPath::parse("doc.text").unwrap();
//! let line = br#"{"id": 7, "doc": {"text": "Hello\nworld", "n": 1.50}, "tags": []}"#;
//! let field = find_string_field(line, &path).unwrap();
//! assert_eq!(field.value, "Hello\nworld");
//!
//! let mut out = Vec::new();
//! splice(line, field.span.clone(), "world", &mut out);
//! assert_eq!(out, br#"{"id": 7, "doc": {"text": "world", "n": 1.50}, "tags": []}"#);
//! ```

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A dotted path to a field: `text`, `content.body`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPath {
    keys: Vec<String>,
}

/// A [`FieldPath`] that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid field path {0:?}: expected names separated by dots, such as text or content.body")]
pub struct FieldPathError(String);

impl FieldPath {
    /// Parses `a.b.c`; every part must be non-empty.
    pub fn parse(s: &str) -> Result<FieldPath, FieldPathError> {
        let keys: Vec<String> = s.split('.').map(str::to_string).collect();
        if keys.iter().any(String::is_empty) {
            return Err(FieldPathError(s.to_string()));
        }
        Ok(FieldPath { keys })
    }

    /// The path to the member `key` of the record itself, taken as it is
    /// (a dot in it is part of the name).
    pub fn member(key: &str) -> FieldPath {
        FieldPath {
            keys: vec![key.to_string()],
        }
    }

    /// The keys, outermost first.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.keys.join("."))
    }
}

/// Why a record's text field could not be found.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The line is not UTF-8 (JSON text must be).
    #[error("invalid UTF-8 at byte {0}")]
    InvalidUtf8(usize),
    /// The line is not one JSON value.
    #[error("invalid JSON at column {column}: {message}")]
    InvalidJson {
        /// 1-based column (in bytes) where the parser stopped.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The record, or an object on the path, is not an object.
    #[error("{at} is not an object")]
    NotAnObject {
        /// `record` or the dotted path of the value.
        at: String,
    },
    /// The field is absent.
    #[error("no field {0}")]
    Missing(String),
    /// The field is there but is not a string.
    #[error("field {path} is {found}, not a string")]
    NotAString {
        /// The dotted path.
        path: String,
        /// The JSON type found: `null`, `a number`, ...
        found: &'static str,
    },
}

/// A string field found in a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringField<'a> {
    /// The byte range of the string literal in the line, quotes included.
    pub span: Range<usize>,
    /// The decoded value (borrowed when the literal has no escapes).
    pub value: Cow<'a, str>,
}

/// Finds the string at `path` in the JSON object `line` (without its line
/// terminator; surrounding whitespace is allowed). The whole line is
/// validated: a record with a syntax error anywhere is an error.
pub fn find_string_field<'a>(
    line: &'a [u8],
    path: &FieldPath,
) -> Result<StringField<'a>, RecordError> {
    let text = std::str::from_utf8(line).map_err(|e| RecordError::InvalidUtf8(e.valid_up_to()))?;
    let mut start = 0;
    let mut object = text;
    for (depth, key) in path.keys.iter().enumerate() {
        let at = || {
            if depth == 0 {
                "record".to_string()
            } else {
                path.keys[..depth].join(".")
            }
        };
        let raw = member(object, key, start, at)?;
        let Some(raw) = raw else {
            return Err(RecordError::Missing(path.keys[..=depth].join(".")));
        };
        // `raw` borrows from `object`, itself a slice of `text`: its offset
        // in the line is plain pointer arithmetic.
        start = raw.as_ptr() as usize - text.as_ptr() as usize;
        object = raw;
    }
    let raw = object;
    if !raw.starts_with('"') {
        return Err(RecordError::NotAString {
            path: path.to_string(),
            found: json_type(raw),
        });
    }
    let inner = &raw[1..raw.len() - 1];
    let value: Cow<'a, str> = match memchr::memchr(b'\\', inner.as_bytes()) {
        None => Cow::Borrowed(inner),
        Some(first) => match unescape(inner, first) {
            Some(s) => Cow::Owned(s),
            // A lone surrogate: serde_json says where.
            None => {
                let s: String = serde_json::from_str(raw).map_err(|e| json_error(e, start))?;
                Cow::Owned(s)
            }
        },
    };
    Ok(StringField {
        span: start..start + raw.len(),
        value,
    })
}

/// Writes `line` to `out` with the bytes in `span` replaced by `value`
/// encoded as a JSON string literal.
pub fn splice(line: &[u8], span: Range<usize>, value: &str, out: &mut Vec<u8>) {
    out.reserve(line.len() + value.len() / 8);
    out.extend_from_slice(&line[..span.start]);
    write_json_string(value, out);
    out.extend_from_slice(&line[span.end..]);
}

/// Decodes the body of a valid JSON string literal (`inner`, without its
/// quotes; its first `\` at byte `first`); `None` at a lone surrogate
/// (`\ud800` without its pair), which serde_json reports. Page text is
/// full of `\n`: this copies the runs between escapes whole, where
/// serde_json reads byte by byte.
fn unescape(inner: &str, first: usize) -> Option<String> {
    let bytes = inner.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let mut next = Some(first);
    while let Some(i) = next {
        out.extend_from_slice(&bytes[at..i]);
        // A valid literal has a character after each backslash.
        let escaped = *bytes.get(i + 1)?;
        if escaped == b'u' {
            let (c, len) = unicode_escape(&bytes[i..])?;
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            at = i + len;
            next = memchr::memchr(b'\\', &bytes[at..]).map(|j| at + j);
            continue;
        }
        out.push(match escaped {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            _ => return None,
        });
        at = i + 2;
        next = memchr::memchr(b'\\', &bytes[at..]).map(|j| at + j);
    }
    out.extend_from_slice(&bytes[at..]);
    // ASCII bytes put in place of ASCII escapes, between whole runs of a
    // `str`: still UTF-8.
    String::from_utf8(out).ok()
}

/// The character of the `\uXXXX` escape (a surrogate pair: two) at the
/// start of `at`, and how many bytes it takes; `None` for a lone surrogate.
fn unicode_escape(at: &[u8]) -> Option<(char, usize)> {
    let hex = |from: usize| -> Option<u32> {
        let digits = std::str::from_utf8(at.get(from..from + 4)?).ok()?;
        u32::from_str_radix(digits, 16).ok()
    };
    let high = hex(2)?;
    if !(0xd800..0xe000).contains(&high) {
        return char::from_u32(high).map(|c| (c, 6));
    }
    if high >= 0xdc00 || at.get(6..8) != Some(b"\\u") {
        return None;
    }
    let low = hex(8)?;
    if !(0xdc00..0xe000).contains(&low) {
        return None;
    }
    char::from_u32(0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)).map(|c| (c, 12))
}

/// Appends `s` as a JSON string literal: `"`, `\` and control characters
/// escaped, everything else (non-ASCII included) as UTF-8. The same bytes
/// as serde_json writes (`\n`, `\t`, `\r`, `\b`, `\f`, `\"`, `\\`, the other
/// controls as `\u00XX` in lower case), runs of plain bytes copied whole.
pub fn write_json_string(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut at, mut i) = (0, 0);
    while i < bytes.len() {
        // Eight bytes at a time while none needs an escape.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\t' => b't',
            b'\r' => b'r',
            0x08 => b'b',
            0x0c => b'f',
            0x00..=0x1f => 0,
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[at..i]);
        if short == 0 {
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        } else {
            out.extend_from_slice(&[b'\\', short]);
        }
        i += 1;
        at = i;
    }
    out.extend_from_slice(&bytes[at..]);
    out.push(b'"');
}

/// Whether one of the eight bytes in `w` is a control character (below
/// 0x20), `"` or `\` (the classic has-zero-byte tests, exact for bytes
/// below 0x80; a byte at or above 0x80 may give a false positive, which
/// only sends the chunk to the byte-by-byte path).
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    // A byte below 0x20 borrows into its high bit when 0x20 is taken from
    // it (counted only where that bit was clear).
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
    control || has_zero(w ^ (ONES * u64::from(b'"'))) || has_zero(w ^ (ONES * u64::from(b'\\')))
}

/// Writes the `--annotate` object for a cleaned page: kept and dropped line
/// counts, drops per category, and the byte span (in the page text), the
/// category and the rule of every dropped line, so that a pipeline can audit
/// or undo each decision:
///
/// `{"kept":12,"dropped":7,"categories":{"navigation":2,...},"spans":[[0,13,"banner","phrase:breaking news"],...]}`
pub fn write_annotation(cleaned: &crate::Cleaned<'_>, out: &mut Vec<u8>) {
    use std::io::Write;
    let dropped = cleaned.len() - cleaned.kept();
    let _ = write!(
        out,
        "{{\"kept\":{},\"dropped\":{},\"categories\":{{",
        cleaned.kept(),
        dropped
    );
    for (i, (cat, n)) in crate::Category::ALL
        .iter()
        .zip(cleaned.dropped_by_category())
        .enumerate()
    {
        let _ = write!(
            out,
            "{}\"{}\":{}",
            if i > 0 { "," } else { "" },
            cat.name(),
            n
        );
    }
    out.extend_from_slice(b"},\"spans\":[");
    let mut first = true;
    for (line, (_, d)) in cleaned.lines().zip(cleaned.decisions()) {
        if let Some(cat) = d.verdict.category() {
            let _ = write!(
                out,
                "{}[{},{},\"{}\",",
                if first { "" } else { "," },
                line.start,
                line.end,
                cat.name()
            );
            write_json_string(&d.rule.to_string(), out);
            out.push(b']');
            first = false;
        }
    }
    out.extend_from_slice(b"]}");
}

/// Adds member `"key": value` (`value` is JSON text) at the end of the
/// record's top-level object, keeping every other byte; `record` may end
/// with its line terminator. False (and `out` untouched) when the record does
/// not end with `}`.
pub fn append_member(record: &[u8], key: &str, value: &[u8], out: &mut Vec<u8>) -> bool {
    let body_end = record.len()
        - record
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    if body_end == 0 || record[body_end - 1] != b'}' {
        return false;
    }
    let close = body_end - 1;
    let inner_end = close
        - record[..close]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
    let empty = inner_end > 0 && record[inner_end - 1] == b'{';
    out.extend_from_slice(&record[..inner_end]);
    if !empty {
        out.push(b',');
    }
    write_json_string(key, out);
    out.push(b':');
    out.extend_from_slice(value);
    out.extend_from_slice(&record[inner_end..]);
    true
}

/// The raw text of member `key` of the object `object` (which starts at
/// byte `offset` of the line), validating all of `object`.
fn member<'a>(
    object: &'a str,
    key: &str,
    offset: usize,
    at: impl Fn() -> String,
) -> Result<Option<&'a str>, RecordError> {
    let mut de = serde_json::Deserializer::from_str(object);
    let found = match (MemberSeed { key }).deserialize(&mut de) {
        Ok(found) => found,
        Err(e) if e.to_string().starts_with(NOT_AN_OBJECT) => {
            // Valid JSON of another type, or broken JSON that does not
            // start as an object: say which.
            return match serde_json::from_str::<IgnoredAny>(object) {
                Ok(_) => Err(RecordError::NotAnObject { at: at() }),
                Err(e) => Err(json_error(e, offset)),
            };
        }
        Err(e) => return Err(json_error(e, offset)),
    };
    de.end().map_err(|e| json_error(e, offset))?;
    Ok(found.map(RawValue::get))
}

const NOT_AN_OBJECT: &str = "dechrome: not an object";

/// Visits an object, keeping the raw value of one key and skipping (but
/// validating) the others.
struct MemberSeed<'k> {
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for MemberSeed<'_> {
    type Value = Option<&'de RawValue>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MemberSeed<'_> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(k) = map.next_key::<Cow<'de, str>>()? {
            if k == self.key {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }

    // Anything but an object: consume it (so syntax errors after it are
    // still found) and say so.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom(NOT_AN_OBJECT))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom(NOT_AN_OBJECT))
    }
}

/// A serde_json error, its column made relative to the whole line.
fn json_error(e: serde_json::Error, offset: usize) -> RecordError {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is given
    // separately here.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let column = if e.line() <= 1 {
        offset + e.column()
    } else {
        // A raw newline inside a record is invalid JSON anyway; the column
        // is then relative to that line of the value.
        e.column()
    };
    RecordError::InvalidJson { column, message }
}

/// The JSON type of a raw (valid) value, for messages.
fn json_type(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

#[cfg(test)]
mod tests {
    use super::{find_string_field, write_json_string, FieldPath};

    /// The value of field `text` in `record`.
    fn text_of(record: &str) -> Result<String, super::RecordError> {
        find_string_field(record.as_bytes(), &FieldPath::member("text"))
            .map(|f| f.value.into_owned())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// Escaping writes what serde_json writes, and decoding gives the
        /// string back, for text heavy in the bytes that need escapes.
        #[test]
        fn strings_round_trip_as_serde_json_writes_them(
            s in "[a-z\"\\\\/\n\r\t\u{0}-\u{1f}\u{7f}\u{e9}\u{2014}\u{1f600} ]{0,40}"
        ) {
            let mut ours = Vec::new();
            write_json_string(&s, &mut ours);
            let theirs = serde_json::to_vec(&s).unwrap();
            proptest::prop_assert_eq!(&ours, &theirs);
            let record = format!("{{\"text\":{}}}", String::from_utf8(ours).unwrap());
            proptest::prop_assert_eq!(&text_of(&record).unwrap(), &s);
            // As Python's json.dumps writes it: every character beyond
            // ASCII as `\\uXXXX`, a pair of them beyond the BMP (here in
            // upper case).
            let mut ascii = String::from("{\"text\":\"");
            for c in s.chars() {
                match c {
                    '"' | '\\' => ascii.extend(['\\', c]),
                    ' '..='~' => ascii.push(c),
                    _ => {
                        for unit in c.encode_utf16(&mut [0; 2]) {
                            ascii += &format!("\\u{unit:04X}");
                        }
                    }
                }
            }
            ascii += "\"}";
            proptest::prop_assert_eq!(text_of(&ascii).unwrap(), s);
        }
    }

    /// `\u` escapes (a pair for a character beyond the BMP) decode after
    /// two-character ones; a lone surrogate is an error, as in serde_json.
    #[test]
    fn unicode_escapes_decode() {
        assert_eq!(
            text_of(r#"{"text":"a\nb\u00e9\t\ud83d\ude00\/"}"#).unwrap(),
            "a\nb\u{e9}\t\u{1f600}/"
        );
        assert_eq!(
            text_of(r#"{"text":"\\\"\b\f\r\/"}"#).unwrap(),
            "\\\"\u{8}\u{c}\r/"
        );
        assert!(text_of(r#"{"text":"x\n\ud800"}"#).is_err());
    }

    #[test]
    fn append_member_keeps_every_other_byte() {
        let add = |r: &str| {
            let mut out = Vec::new();
            super::append_member(r.as_bytes(), "a", b"1", &mut out)
                .then(|| String::from_utf8(out).unwrap())
        };
        assert_eq!(
            add("{\"x\": 1 }\r\n").as_deref(),
            Some("{\"x\": 1,\"a\":1 }\r\n")
        );
        assert_eq!(add("{}\n").as_deref(), Some("{\"a\":1}\n"));
        assert_eq!(add("{ }").as_deref(), Some("{\"a\":1 }"));
        assert_eq!(add("[1]"), None);
        assert_eq!(add(""), None);
    }

    #[test]
    fn annotation_lists_each_dropped_line() {
        let page = "BREAKING NEWS\n\nThe council met on Tuesday to discuss the plan for the library, and most members said that they were in favour of it.\n";
        let cleaner = crate::Cleaner::new();
        let cleaned = cleaner.clean(page.as_bytes());
        let mut out = Vec::new();
        super::write_annotation(&cleaned, &mut out);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["kept"], 1);
        assert_eq!(v["dropped"], 1);
        assert_eq!(v["categories"]["banner"], 1);
        assert_eq!(v["spans"][0][0], 0);
        assert_eq!(v["spans"][0][1], 13);
        assert_eq!(&page[0..13], "BREAKING NEWS");
        assert_eq!(v["spans"][0][2], "banner");
    }

    use super::*;

    fn path(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    fn find<'a>(line: &'a str, p: &str) -> Result<StringField<'a>, RecordError> {
        find_string_field(line.as_bytes(), &path(p))
    }

    fn replace(line: &str, p: &str, value: &str) -> String {
        let f = find(line, p).unwrap();
        let mut out = Vec::new();
        splice(line.as_bytes(), f.span, value, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn field_paths() {
        assert_eq!(path("text").keys(), ["text"]);
        assert_eq!(path("content.body").keys(), ["content", "body"]);
        assert_eq!(path("a.b").to_string(), "a.b");
        for bad in ["", ".", "a.", ".a", "a..b"] {
            assert!(FieldPath::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn only_the_field_changes() {
        let line = r#"  {"n": 1.50e3, "text" : "old \"one\"", "z": [null, true, {"text": "x"}]}  "#;
        assert_eq!(
            replace(line, "text", "new\n\"two\"\t\u{1}é"),
            r#"  {"n": 1.50e3, "text" : "new\n\"two\"\t\u0001é", "z": [null, true, {"text": "x"}]}  "#
        );
    }

    #[test]
    fn escapes_are_decoded() {
        let f = find(r#"{"text":"a\u00e9\n\ud83d\ude00\/"}"#, "text").unwrap();
        assert_eq!(f.value, "aé\n😀/");
        assert!(matches!(f.value, Cow::Owned(_)));
        let f = find(r#"{"text":"plain é"}"#, "text").unwrap();
        assert!(matches!(f.value, Cow::Borrowed("plain é")));
        assert_eq!(f.span, 8..18);
    }

    #[test]
    fn nested_paths() {
        let line = r#"{"text": 1, "content": {"meta": {}, "body": "B", "x": "y"}}"#;
        assert_eq!(find(line, "content.body").unwrap().value, "B");
        assert_eq!(
            replace(line, "content.body", "C"),
            r#"{"text": 1, "content": {"meta": {}, "body": "C", "x": "y"}}"#
        );
        assert_eq!(
            find(line, "content.meta.x"),
            Err(RecordError::Missing("content.meta.x".into()))
        );
        assert_eq!(
            find(line, "text.body"),
            Err(RecordError::NotAnObject { at: "text".into() })
        );
    }

    #[test]
    fn escaped_keys_match() {
        let line = r#"{"te\u0078t": "found"}"#;
        assert_eq!(find(line, "text").unwrap().value, "found");
    }

    #[test]
    fn last_duplicate_key_counts() {
        let line = r#"{"text": "first", "text": "second"}"#;
        assert_eq!(
            replace(line, "text", "X"),
            r#"{"text": "first", "text": "X"}"#
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            find(r#"{"id": 1}"#, "text"),
            Err(RecordError::Missing("text".into()))
        );
        for (line, found) in [
            (r#"{"text": null}"#, "null"),
            (r#"{"text": 12}"#, "a number"),
            (r#"{"text": -0.5}"#, "a number"),
            (r#"{"text": true}"#, "a boolean"),
            (r#"{"text": ["a"]}"#, "an array"),
            (r#"{"text": {"a": "b"}}"#, "an object"),
        ] {
            assert_eq!(
                find(line, "text"),
                Err(RecordError::NotAString {
                    path: "text".into(),
                    found
                }),
                "{line}"
            );
        }
        for line in ["[1, 2]", "\"text\"", "3", "null"] {
            assert_eq!(
                find(line, "text"),
                Err(RecordError::NotAnObject {
                    at: "record".into()
                }),
                "{line}"
            );
        }
        for line in [
            "",
            "{",
            r#"{"text": "a""#,
            r#"{"text": "a"} x"#,
            r#"{"text": "a", }"#,
            r#"{"text": "a", "b": [1,]}"#,
            r#"{"text": "\x"}"#,
            "{\"text\": \"tab\there\"}",
            r#"{"text": "a"}{"text": "b"}"#,
            r#"{'text': 'a'}"#,
            "[1, 2",
        ] {
            assert!(
                matches!(find(line, "text"), Err(RecordError::InvalidJson { .. })),
                "{line:?}: {:?}",
                find(line, "text")
            );
        }
        assert_eq!(
            find_string_field(b"{\"text\": \"\xff\"}", &path("text")),
            Err(RecordError::InvalidUtf8(10))
        );
    }

    #[test]
    fn error_messages_give_columns() {
        let e = find(r#"{"id": 1, "text": "a",}"#, "text").unwrap_err();
        let RecordError::InvalidJson { column, .. } = e else {
            panic!("{e:?}")
        };
        assert_eq!(column, 23);
        let e = find(r#"{"c": {"body": tru}}"#, "c.body").unwrap_err();
        assert!(e.to_string().starts_with("invalid JSON at column "), "{e}");
    }

    #[test]
    fn json_string_encoding() {
        let mut out = Vec::new();
        write_json_string("a\"b\\c\n\r\t\u{0}\u{7f}é😀/\u{2028}", &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a\\\"b\\\\c\\n\\r\\t\\u0000\u{7f}é😀/\u{2028}\""
        );
    }
}
