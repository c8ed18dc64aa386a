//! [`answer_type!`]: a serde answer type written once, with its TypeScript form made from
//! the same field list ([`TypeScript`]), so that the page's JSDoc and the package's
//! declarations (`www/contract.js`, `package/contract.d.ts`, written by
//! [`crate::session::contract`]) cannot drift from what the wasm writes.
//!
//! A macro rather than a crate such as ts-rs: the answers are a dozen plain structs of
//! strings, numbers, booleans, lists and options, and the JavaScript side wants JSDoc
//! as well as a `.d.ts`; forty lines here do both, with no proc-macro to build and no
//! feature to keep out of the wasm (an unused constant costs the wasm nothing).

/// A type's TypeScript form, as the page reads it once serde_json has written it.
pub trait TypeScript {
    /// The TypeScript type: `string`, `number[]`, `Legend | null`…
    fn typescript() -> String;
}

macro_rules! primitive {
    ($($t:ty => $ts:literal),*) => { $(impl TypeScript for $t { fn typescript() -> String { $ts.to_owned() } })* };
}
primitive!(String => "string", &str => "string", bool => "boolean", f64 => "number", u32 => "number", usize => "number", i32 => "number");

impl<T: TypeScript> TypeScript for Vec<T> {
    fn typescript() -> String {
        let inner = T::typescript();
        if inner.contains(' ') {
            format!("({inner})[]")
        } else {
            format!("{inner}[]")
        }
    }
}

impl<T: TypeScript> TypeScript for Option<T> {
    fn typescript() -> String {
        format!("{} | null", T::typescript())
    }
}

impl<T: TypeScript, const N: usize> TypeScript for [T; N] {
    fn typescript() -> String {
        format!("[{}]", vec![T::typescript(); N].join(", "))
    }
}

/// One field of an answer type: its name as serde writes it (camelCase), its TypeScript
/// type and its documentation.
#[derive(Debug, Clone)]
pub struct Field {
    /// The JSON name.
    pub name: String,
    /// The TypeScript type.
    pub typescript: String,
    /// The field's documentation.
    pub doc: &'static str,
}

/// The fields of an answer type, for the written declarations.
pub trait Fields {
    /// The type's documentation.
    const DOC: &'static str;
    /// Its name in TypeScript.
    const NAME: &'static str;
    /// Its fields, in order.
    fn fields() -> Vec<Field>;
}

/// `snake_case` as serde's `rename_all = "camelCase"` writes it.
pub(crate) fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Declares a `Serialize` answer struct (camelCase fields) and its [`TypeScript`] and
/// [`Fields`] forms. A field may give its TypeScript type after `as`, where it is
/// narrower than the Rust type (a string of a known vocabulary).
macro_rules! answer_type {
    ($(#[doc = $doc:literal])+ pub struct $name:ident {
        $($(#[doc = $fdoc:literal])+ pub $field:ident : $ty:ty $(as $ts:literal)?,)*
    }) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $($(#[doc = $fdoc])+ pub $field: $ty,)*
        }
        impl $crate::session::shape::TypeScript for $name {
            fn typescript() -> String {
                stringify!($name).to_owned()
            }
        }
        impl $crate::session::shape::Fields for $name {
            const DOC: &'static str = concat!($($doc),+);
            const NAME: &'static str = stringify!($name);
            fn fields() -> Vec<$crate::session::shape::Field> {
                vec![$($crate::session::shape::Field {
                    name: $crate::session::shape::camel(stringify!($field)),
                    typescript: answer_type!(@ts $ty $(, $ts)?),
                    doc: concat!($($fdoc),+),
                }),*]
            }
        }
    };
    (@ts $ty:ty, $ts:literal) => { $ts.to_owned() };
    (@ts $ty:ty) => { <$ty as $crate::session::shape::TypeScript>::typescript() };
}
pub(crate) use answer_type;
