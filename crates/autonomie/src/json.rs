//! JSON in and out, written for this crate instead of serde_json (BENCHMARKS.md, "Size
//! levers": the reader and writer below replaced about 18 KB of gzipped wasm).
//!
//! - [`Reader`] reads typed values straight from the text, in the order
//!   [`crate::spec`] asks for them; every error carries the JSON path of the field
//!   (built while the error travels back up), its line and its column. RFC 8259 JSON;
//!   numbers are `f64`.
//! - [`parse`] turns any JSON text into a tree of [`Json`] values that remember where
//!   they start, nesting at most [`MAX_DEPTH`] levels, with the same [`Reader`]. The
//!   widget does not need it; the tests use it to compare the syntax with serde_json.
//! - [`ToJson`] and [`object`] write the small JSON answers the page asks for.

use std::fmt::Write as _;

use crate::error::Problem;

/// How deeply arrays and objects may nest. The dataset format needs 6 levels.
pub const MAX_DEPTH: usize = 128;

/// A JSON value and the byte offset of its first character in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    /// The value.
    pub value: Value,
    /// Where it starts in the text, in bytes.
    pub at: usize,
}

/// The six kinds of JSON value. Objects keep their fields in document order, repeated
/// names included.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number; never infinite or NaN.
    Number(f64),
    /// A string, escapes decoded.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object: its fields in document order.
    Object(Vec<(String, Json)>),
}

/// Parses a whole JSON document. The error's message ends with the line and column
/// where reading stopped, and its path names the member being read.
pub fn parse(text: &str) -> Result<Json, Problem> {
    let mut reader = Reader::new(text);
    let document = reader.any(0)?;
    reader.end()?;
    Ok(document)
}

/// `line L column C` of the byte offset `at` of `text`, both counted from 1 (columns in
/// characters).
pub fn position(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    format!("line {line} column {column}")
}

const NOT_A_VALUE: &str = "expected a JSON value (an object, an array, a string, a number, true, false or null)";

/// The syntax of JSON: white space, separators and scalar values, with their positions.
struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn error_at(&self, at: usize, message: &str) -> Problem {
        Problem { path: String::new(), message: format!("{message} at {}", position(self.text, at)) }
    }

    fn error(&self, message: &str) -> Problem {
        self.error_at(self.pos, message)
    }

    /// A string, a number, `true`, `false` or `null` (arrays and objects are read by
    /// [`Reader`]).
    fn scalar(&mut self) -> Result<Value, Problem> {
        match self.peek() {
            None => Err(self.error("the file ends where a value was expected")),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => Ok(Value::Number(self.number()?)),
            Some(_) => Err(self.error(NOT_A_VALUE)),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, Problem> {
        if self.rest().starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(NOT_A_VALUE))
        }
    }

    /// After a member: `true` at the closing bracket, `false` after a comma.
    fn separator(&mut self, close: u8) -> Result<bool, Problem> {
        self.skip_space();
        let comma_at = self.pos;
        if self.eat(close) {
            return Ok(true);
        }
        let expected = if close == b']' { "expected `,` or `]`" } else { "expected `,` or `}`" };
        if !self.eat(b',') {
            return Err(match self.peek() {
                None => self.error(&format!("the file ends too early: {expected}")),
                Some(_) => self.error(expected),
            });
        }
        self.skip_space();
        if self.peek() == Some(close) {
            return Err(self.error_at(comma_at, "trailing comma"));
        }
        Ok(false)
    }

    fn string(&mut self) -> Result<String, Problem> {
        let opening = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.error_at(opening, "the file ends inside the string that starts")),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                Some(byte) if byte < 0x20 => {
                    return Err(self.error(&format!(
                        "the control character U+{byte:04X} must be written as an escape (such as \\n) in a string"
                    )))
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Problem> {
        let backslash = self.pos;
        self.pos += 1;
        let decoded = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(backslash, out),
            None => return Err(self.error("the file ends inside an escape")),
            Some(_) => {
                return Err(self
                    .error_at(backslash, "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"))
            }
        };
        self.pos += 1;
        out.push(decoded);
        Ok(())
    }

    /// `\uXXXX`, or two of them for a character outside the Basic Multilingual Plane.
    fn unicode_escape(&mut self, backslash: usize, out: &mut String) -> Result<(), Problem> {
        self.pos += 1;
        let first = self
            .hex4()
            .ok_or_else(|| self.error_at(backslash, "invalid \\u escape; expected four hexadecimal digits"))?;
        let lone = |parser: &Self| {
            parser.error_at(backslash, "a lone surrogate (\\uD800 to \\uDFFF without its pair) is not text")
        };
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.rest().starts_with(b"\\u") {
                    return Err(lone(self));
                }
                self.pos += 2;
                match self.hex4() {
                    Some(second @ 0xDC00..=0xDFFF) => 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00),
                    _ => return Err(lone(self)),
                }
            }
            0xDC00..=0xDFFF => return Err(lone(self)),
            _ => first,
        };
        out.push(char::from_u32(code).ok_or_else(|| lone(self))?);
        Ok(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let mut code = 0;
        for &digit in digits {
            code = code * 16 + char::from(digit).to_digit(16)?;
        }
        self.pos += 4;
        Some(code)
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn number(&mut self) -> Result<f64, Problem> {
        let start = self.pos;
        self.eat(b'-');
        let integer = match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                true
            }
            _ => self.digits(),
        };
        let fraction = !self.eat(b'.') || self.digits();
        let exponent = !matches!(self.peek(), Some(b'e' | b'E')) || {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()
        };
        let number = self.text.get(start..self.pos).unwrap_or_default();
        match number.parse::<f64>() {
            Ok(value) if integer && fraction && exponent && value.is_finite() => Ok(value),
            Ok(_) if integer && fraction && exponent => Err(self.error_at(start, "number out of range")),
            _ => Err(self.error_at(start, "invalid number")),
        }
    }
}

/// Reads typed values straight from the text, in document order, the way
/// [`crate::spec`] asks for them. No tree is built: reading stops at the first value of
/// the wrong type, so a large file of the wrong shape costs no more than its first
/// wrong value, and nesting never goes deeper than the format's.
pub struct Reader<'t> {
    parser: Parser<'t>,
}

impl<'t> Reader<'t> {
    /// A reader at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Reader { parser: Parser { text, bytes: text.as_bytes(), pos: 0 } }
    }

    /// After the last value: only white space may follow.
    pub fn end(&mut self) -> Result<(), Problem> {
        self.parser.skip_space();
        if self.parser.pos < self.parser.bytes.len() {
            return Err(self.parser.error("unexpected text after the end of the JSON document"));
        }
        Ok(())
    }

    /// Skips white space; the offset of the next value.
    fn next_value(&mut self) -> usize {
        self.parser.skip_space();
        self.parser.pos
    }

    /// The error for the value starting here, which is not `expected`. A string, a
    /// number, `true`, `false` or `null` is read to be named; an array or an object is
    /// not read.
    fn wrong_type(&mut self, expected: &str) -> Problem {
        let at = self.next_value();
        let found = match self.parser.peek() {
            Some(b'{') => "an object".to_owned(),
            Some(b'[') => "an array".to_owned(),
            _ => match self.parser.scalar() {
                Ok(value) => describe(&value),
                Err(problem) => return problem,
            },
        };
        self.parser.error_at(at, &format!("expected {expected}, found {found}"))
    }

    /// A string.
    pub fn string(&mut self) -> Result<String, Problem> {
        self.next_value();
        match self.parser.peek() {
            Some(b'"') => self.parser.string(),
            _ => Err(self.wrong_type("a string")),
        }
    }

    /// A number.
    pub fn number(&mut self) -> Result<f64, Problem> {
        self.next_value();
        match self.parser.peek() {
            Some(b'-' | b'0'..=b'9') => self.parser.number(),
            _ => Err(self.wrong_type("a number")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn whole_number(&mut self) -> Result<u32, Problem> {
        const EXPECTED: &str = "a whole number from 0 to 4294967295";
        let at = self.next_value();
        if !matches!(self.parser.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong_type(EXPECTED));
        }
        match self.parser.number()? {
            number if number.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&number) => Ok(number as u32),
            number => {
                let found = describe(&Value::Number(number));
                Err(self.parser.error_at(at, &format!("expected {EXPECTED}, found {found}")))
            }
        }
    }

    /// `true` or `false`.
    pub fn boolean(&mut self) -> Result<bool, Problem> {
        self.next_value();
        match self.parser.peek() {
            Some(b't') => self.parser.word("true", Value::Bool(true)).map(|_| true),
            Some(b'f') => self.parser.word("false", Value::Bool(false)).map(|_| false),
            _ => Err(self.wrong_type("true or false")),
        }
    }

    /// `null`, or a value read by `read`.
    pub fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
        self.next_value();
        if self.parser.peek() == Some(b'n') {
            self.parser.word("null", Value::Null)?;
            return Ok(None);
        }
        read(self).map(Some)
    }

    /// An array of objects, each read by `read`; an item's error gets its index.
    pub fn objects<T>(&mut self, read: impl FnMut(&mut Self) -> Result<T, Problem>) -> Result<Vec<T>, Problem> {
        self.array("an array of objects", read)
    }

    /// Any JSON value, as a tree ([`parse`]), nesting at most [`MAX_DEPTH`] levels.
    fn any(&mut self, depth: usize) -> Result<Json, Problem> {
        let at = self.next_value();
        let value = match self.parser.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                return Err(self.parser.error(&format!("arrays and objects nest more than {MAX_DEPTH} levels deep")))
            }
            Some(b'{') => {
                let mut fields = Vec::new();
                self.members("an object", &mut |reader, name, _| {
                    let value = reader.any(depth + 1).map_err(|problem| problem.in_field(name))?;
                    fields.push((name.to_owned(), value));
                    Ok(())
                })?;
                Value::Object(fields)
            }
            Some(b'[') => Value::Array(self.array("an array", |reader| reader.any(depth + 1))?),
            _ => self.parser.scalar()?,
        };
        Ok(Json { value, at })
    }

    /// An array (`expected` says of what, for a type error), each item read by `read`;
    /// an item's error gets its index.
    fn array<T>(
        &mut self,
        expected: &str,
        mut read: impl FnMut(&mut Self) -> Result<T, Problem>,
    ) -> Result<Vec<T>, Problem> {
        self.next_value();
        if self.parser.peek() != Some(b'[') {
            return Err(self.wrong_type(expected));
        }
        self.parser.pos += 1;
        let mut items = Vec::new();
        self.parser.skip_space();
        if self.parser.eat(b']') {
            return Ok(items);
        }
        loop {
            let item = read(self).map_err(|problem| problem.in_item(items.len()))?;
            items.push(item);
            if self.parser.separator(b']')? {
                return Ok(items);
            }
        }
    }

    /// An object whose fields are all among `names`, none given twice: `field` reads
    /// each value, given its name. Returns the object's offset, for [`Reader::required`].
    /// (`field` is a `dyn` closure: one copy of this code serves every type.)
    pub fn object(
        &mut self,
        names: &'static [&'static str],
        field: &mut dyn FnMut(&mut Self, &'static str) -> Result<(), Problem>,
    ) -> Result<usize, Problem> {
        let at = self.next_value();
        let mut seen: Vec<&'static str> = Vec::new();
        self.members("an object", &mut |reader, name, value_at| {
            let Some(&known) = names.iter().find(|known| **known == name) else {
                let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                let message = format!("unknown field `{name}`, expected one of {}", list.join(", "));
                return Err(reader.parser.error_at(value_at, &message).in_field(name));
            };
            if seen.contains(&known) {
                return Err(reader.parser.error_at(value_at, &format!("duplicate field `{name}`")).in_field(name));
            }
            seen.push(known);
            field(reader, known).map_err(|problem| problem.in_field(name))
        })?;
        Ok(at)
    }

    /// An object with any field names (`expected` says what it should hold, for a type
    /// error): `member` reads each value, given its name and offset, and places its own
    /// errors.
    pub fn members(
        &mut self,
        expected: &str,
        member: &mut dyn FnMut(&mut Self, &str, usize) -> Result<(), Problem>,
    ) -> Result<(), Problem> {
        self.next_value();
        if self.parser.peek() != Some(b'{') {
            return Err(self.wrong_type(expected));
        }
        self.parser.pos += 1;
        self.parser.skip_space();
        if self.parser.eat(b'}') {
            return Ok(());
        }
        loop {
            self.parser.skip_space();
            match self.parser.peek() {
                Some(b'"') => {}
                None => return Err(self.parser.error("the file ends where a field name was expected")),
                Some(_) => return Err(self.parser.error("expected a field name in double quotes")),
            }
            let name = self.parser.string()?;
            self.parser.skip_space();
            if !self.parser.eat(b':') {
                return Err(self.parser.error("expected `:` after the field name").in_field(&name));
            }
            let value_at = self.next_value();
            member(self, &name, value_at)?;
            if self.parser.separator(b'}')? {
                return Ok(());
            }
        }
    }

    /// The error for field `name`, missing from the object at offset `object_at`.
    fn missing(&self, object_at: usize, name: &str) -> Problem {
        self.parser.error_at(object_at, &format!("missing field `{name}` in the object that starts"))
    }

    /// A required field's `value`, or the error saying that field `name` is missing from
    /// the object at offset `object_at`.
    pub fn required<T>(&self, object_at: usize, name: &str, value: Option<T>) -> Result<T, Problem> {
        value.ok_or_else(|| self.missing(object_at, name))
    }

    /// The error for the value at offset `at`.
    pub fn error_at(&self, at: usize, message: &str) -> Problem {
        self.parser.error_at(at, message)
    }
}

/// How an error names what it found: `the string "40"`, `an array`, `null`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(value) => value.to_string(),
        // Very large and very small numbers in scientific notation, as the dataset
        // checks write them (1e300, not three hundred digits).
        Value::Number(number) if number.abs() >= 1e15 || (*number != 0.0 && number.abs() < 1e-6) => {
            format!("the number {number:e}")
        }
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) if text.chars().count() > 40 => {
            format!("the string \"{}…\"", text.chars().take(40).collect::<String>())
        }
        Value::String(text) => format!("the string \"{text}\""),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// A value the crate writes as JSON.
pub trait ToJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);

    /// The value's JSON text.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c < ' ' => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for usize {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// JSON text written elsewhere, included as it is.
pub struct Raw(pub String);

impl ToJson for Raw {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

/// A JSON object of the given fields, in order.
pub fn object(fields: &[(&str, &dyn ToJson)]) -> Raw {
    let mut out = String::from("{");
    for (index, (name, value)) in fields.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        name.write_json(&mut out);
        out.push(':');
        value.write_json(&mut out);
    }
    out.push('}');
    Raw(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text).map(|_| String::new()).unwrap_or_else(|problem| problem.to_string())
    }

    #[test]
    fn reads_every_kind_of_value_with_its_offset() {
        let document = parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"}").unwrap();
        let Value::Object(fields) = document.value else { panic!("not an object") };
        assert_eq!(document.at, 1);
        assert_eq!(fields[0].0, "a");
        let Value::Array(items) = &fields[0].1.value else { panic!("not an array") };
        let values: Vec<&Value> = items.iter().map(|item| &item.value).collect();
        assert_eq!(
            values,
            [&Value::Number(1.0), &Value::Number(-2500.0), &Value::Bool(true), &Value::Bool(false), &Value::Null]
        );
        assert_eq!(items[1].at, 11);
        assert_eq!(fields[1].1.value, Value::String("xé😀\n".to_owned()));
    }

    #[test]
    fn places_errors_at_their_line_and_column_with_their_path() {
        assert_eq!(error(""), "the file ends where a value was expected at line 1 column 1");
        assert_eq!(error("{\"a\": [1,\n  2,]}"), "a: trailing comma at line 2 column 4");
        assert_eq!(error("{\"a\": {\"b\": [0, 1e999]}}"), "a.b[1]: number out of range at line 1 column 17");
        assert_eq!(error("[1] x"), "unexpected text after the end of the JSON document at line 1 column 5");
        assert_eq!(error("{\"é\": tru}"), "é: expected a JSON value (an object, an array, a string, a number, true, false or null) at line 1 column 7");
        assert_eq!(
            error("[\"\\ud800\"]"),
            "[0]: a lone surrogate (\\uD800 to \\uDFFF without its pair) is not text at line 1 column 3"
        );
        assert_eq!(error("[\"a\nb\"]"), "[0]: the control character U+000A must be written as an escape (such as \\n) in a string at line 1 column 4");
        assert_eq!(error("[01]"), "expected `,` or `]` at line 1 column 3");
        assert_eq!(error("[1.]"), "[0]: invalid number at line 1 column 2");
        assert_eq!(error("[-]"), "[0]: invalid number at line 1 column 2");
        assert_eq!(error("{\"a\" 1}"), "a: expected `:` after the field name at line 1 column 6");
        assert_eq!(error("{\"a\": \"x"), "a: the file ends inside the string that starts at line 1 column 7");
    }

    #[test]
    fn refuses_nesting_deeper_than_the_limit_without_recursing_further() {
        let deep = "[".repeat(100_000);
        let message = error(&deep);
        assert!(message.contains("nest more than 128 levels deep at line 1 column 129"), "{message}");
        assert!(
            message.starts_with("[0][0][0]") && message.contains("…") && message.len() < 200,
            "the path is shortened: {message}"
        );
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        for text in [
            "0",
            "-0",
            "1E+2",
            "1e-2",
            "0.5",
            "\"\\/\"",
            "[]",
            "{}",
            "[[],{}]",
            "\"\u{2028}\"",
            "1.7976931348623157e308",
            "01",
            "1.",
            ".5",
            "+1",
            "0x10",
            "[1,]",
            "{\"a\":1,}",
            "\"\\x\"",
            "\"\\u12\"",
            "tru",
            "nul",
            "[1 2]",
            "{1:2}",
            "\"\t\"",
            "1e",
            "-",
            "NaN",
            "Infinity",
            "2e308",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
        ] {
            let ours = parse(text).is_ok();
            let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn reader_names_the_field_and_what_it_found() {
        /// Reads `{"id": string, "value": number}` (both required) from `text`.
        fn read(text: &str) -> Result<(String, f64), String> {
            let mut reader = Reader::new(text);
            let (mut id, mut value) = (None, None);
            let read = |r: &mut Reader<'_>| -> Result<(String, f64), Problem> {
                let at = r.object(&["id", "value"], &mut |r, name| {
                    match name {
                        "id" => id = Some(r.string()?),
                        _ => value = Some(r.number()?),
                    }
                    Ok(())
                })?;
                r.end()?;
                Ok((r.required(at, "id", id)?, r.required(at, "value", value)?))
            };
            read(&mut reader).map_err(|problem| problem.to_string())
        }
        assert_eq!(read("{\"id\": \"a\", \"value\": 4}"), Ok(("a".to_owned(), 4.0)));
        assert_eq!(
            read("{\"id\": \"a\",\n \"value\": \"40\"}").unwrap_err(),
            "value: expected a number, found the string \"40\" at line 2 column 11"
        );
        assert_eq!(
            read("{\"id\": \"a\"}").unwrap_err(),
            "missing field `value` in the object that starts at line 1 column 1"
        );
        assert_eq!(
            read("{\"id\": \"a\", \"other\": 1}").unwrap_err(),
            "other: unknown field `other`, expected one of `id`, `value` at line 1 column 22"
        );
        assert_eq!(
            read("{\"id\": 1e300}").unwrap_err(),
            "id: expected a string, found the number 1e300 at line 1 column 8"
        );
        assert_eq!(read("{\"id\": \"a\", \"id\": \"b\"}").unwrap_err(), "id: duplicate field `id` at line 1 column 19");
        assert_eq!(read("[{\"id\": \"a\"}]").unwrap_err(), "expected an object, found an array at line 1 column 1");
        assert_eq!(read("{\"id\": tru}").unwrap_err(), "id: expected a JSON value (an object, an array, a string, a number, true, false or null) at line 1 column 8");
        assert_eq!(
            read("{\"id\": \"a\", \"value\": 4} x").unwrap_err(),
            "unexpected text after the end of the JSON document at line 1 column 25"
        );
        // A file of the wrong shape is refused at its first wrong value: what follows is
        // not read (here, it is not even JSON).
        let large = format!("{{\"id\": [{}] this is not JSON", vec!["[]"; 100_000].join(","));
        assert_eq!(read(&large).unwrap_err(), "id: expected a string, found an array at line 1 column 8");
    }

    #[test]
    fn writes_json_that_reads_back_the_same() {
        let text = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é 😀 \u{2028}";
        let written = object(&[
            ("text", &text),
            ("list", &vec![Some(1usize), None]),
            ("flag", &true),
            ("corners", &[-3i32, 4]),
            ("nested", &object(&[("empty", &Vec::<String>::new())])),
        ])
        .0;
        let back: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(
            back,
            serde_json::json!({ "text": text, "list": [1, null], "flag": true, "corners": [-3, 4], "nested": { "empty": [] } })
        );
        let ours = parse(&written).unwrap();
        let Value::Object(fields) = ours.value else { panic!("not an object") };
        assert_eq!(fields[0].1.value, Value::String(text.to_owned()));
    }
}
