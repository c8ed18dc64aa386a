//! The contract between the wasm and the page's scripts, defined once here and written
//! out for JavaScript: `www/contract.js` (the shared constants and, in JSDoc, every
//! answer type) and the generated part of `package/autonomie-chart.d.ts` (the package's
//! TypeScript). A native test (tests/it/contract.rs) fails when either file is out of
//! date; `UPDATE_CONTRACT=1 cargo test -q contract` rewrites them.

use crate::data::model::Dataset;
use crate::layout::plan::NARROW_LAYOUT_BELOW;
use crate::layout::theme::{Theme, DEFAULT_THEME_CHOICE, THEME_CHOICES};
use crate::session::answer::{declared, Part};
use crate::session::shape::{Field, Fields};
use crate::units::i18n::Lang;

/// A width band of the embed codes' pictures (issue 20): a chart whose width is in the
/// band is laid out at the band's `width` and scaled to its own, so that its canvas is
/// exactly the band's picture scaled (one layout per band, scaled within it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Band {
    /// The narrowest chart width of the band, in CSS pixels (the band runs to the next one's).
    pub from: u32,
    /// The width it is laid out at, in CSS pixels.
    pub width: u32,
    /// Rows of the toolbar under the chart: two on a narrow layout, one on a wide one.
    pub rows: u32,
    /// The toolbar's height at `width`, in CSS pixels: the room the picture leaves for it.
    pub toolbar: u32,
}

/// A toolbar row's height, the gap between two rows and the padding around them, in CSS
/// pixels at a band's width.
pub const TOOLBAR_ROW: u32 = 32;
const TOOLBAR_GAP: u32 = 6;
const TOOLBAR_PAD: u32 = 6;

const fn band(from: u32, width: u32) -> Band {
    let rows = if (width as f64) < NARROW_LAYOUT_BELOW { 2 } else { 1 };
    Band { from, width, rows, toolbar: rows * TOOLBAR_ROW + (rows - 1) * TOOLBAR_GAP + 2 * TOOLBAR_PAD }
}

/// The bands, narrowest first: each scales its layout by at most about 10 % down and
/// 14 % up over its own widths (280 to 1400 CSS pixels), and the narrow layout ends at
/// a band's edge ([`NARROW_LAYOUT_BELOW`]).
pub const BANDS: [Band; 7] =
    [band(0, 310), band(341, 375), band(414, 457), band(504, 573), band(651, 740), band(840, 955), band(1085, 1232)];

/// The band of a chart `css_width` CSS pixels wide.
pub fn band_for(css_width: f64) -> Band {
    let mut chosen = BANDS[0];
    for band in BANDS {
        if css_width >= f64::from(band.from) {
            chosen = band;
        }
    }
    chosen
}

/// How a picture's file is named (without `.svg`): its state, language, theme and band.
/// Its data (`.json`, the chart's first answer in that state) has the name without the
/// last two fields.
pub const PICTURE_NAME: &str = "{chart}-{view}-{scale}-{currency}-{lang}-{theme}-{band}";

/// The state's keys that an element's attributes and a URL fragment carry (the chart
/// apart), in order.
pub const STATE_KEYS: [&str; 5] = ["view", "scale", "currency", "lang", "hidden"];

/// The scales, currencies and languages by name.
pub const SCALES: [&str; 2] = ["linear", "log"];
/// The currencies amounts are shown in.
pub const CURRENCIES: [&str; 2] = ["EUR", "USD"];

/// The constants, each as a name, its JSON value and its documentation.
fn constants(dataset: &Dataset) -> Vec<(&'static str, String, &'static str)> {
    let json = |value: &dyn erased::Json| value.json();
    let charts: Vec<&str> = dataset.charts.iter().map(|c| c.id.as_str()).collect();
    let views: Vec<&str> = {
        let mut views: Vec<&str> = dataset.charts.iter().flat_map(|c| c.views.iter().map(|v| v.id.as_str())).collect();
        views.sort_unstable();
        views.dedup();
        views
    };
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let parts: Vec<&str> = Part::ALL.iter().map(|p| p.name()).collect();
    vec![
        ("CHARTS", json(&charts), "The charts of the embedded dataset, in page order (they have pictures)."),
        ("VIEWS", json(&views), "Every view id of the embedded dataset."),
        ("SCALES", json(&SCALES.to_vec()), "The scales."),
        ("CURRENCIES", json(&CURRENCIES.to_vec()), "The currencies amounts are shown in."),
        ("LANGS", json(&langs), "The languages, in the order the switch shows them."),
        ("DEFAULT_LANG", json(&Lang::default().code()), "The language of a chart told none, or one it does not speak."),
        ("THEME_CHOICES", json(&THEME_CHOICES.to_vec()), "The `theme` attribute's values."),
        ("DEFAULT_THEME", json(&DEFAULT_THEME_CHOICE), "The `theme` attribute's default."),
        ("THEMES", json(&Theme::NAMES.to_vec()), "The themes a chart is drawn in (`contrast` under forced colors)."),
        (
            "STATE_KEYS",
            json(&STATE_KEYS.to_vec()),
            "The state's keys in attributes and URL fragments, the chart apart.",
        ),
        ("PARTS", json(&parts), "The parts of a chart that an answer may mark dirty, in update order."),
        ("BANDS", json(&BANDS.to_vec()), "The embed pictures' width bands (issue 20), narrowest first: `from` (CSS px), the layout `width`, the toolbar's `rows` and height (`toolbar`, CSS px at `width`)."),
        ("PICTURE_NAME", json(&PICTURE_NAME), "How an embed picture's file is named, without `.svg`."),
        (
            "NARROW_WIDTH",
            json(&(NARROW_LAYOUT_BELOW as u32)),
            "Under this width in CSS pixels a chart has its narrow layout (a band's edge).",
        ),
    ]
}

/// A value as JSON, whatever its type (a small erasure, so that the list above can mix them).
mod erased {
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            crate::session::to_json(self)
        }
    }
}

const HEADER: &str = "do not edit; `UPDATE_CONTRACT=1 cargo test -q contract` rewrites it";

/// `www/contract.js`: the constants, and the answer types as JSDoc typedefs.
pub fn contract_js(dataset: &Dataset) -> String {
    let mut out = format!(
        "// The contract between the wasm and the scripts, written from\n\
         // crates/autonomie/src/session/contract.rs and answer.rs: {HEADER}.\n\n"
    );
    for (name, value, doc) in constants(dataset) {
        out.push_str(&format!("/** {doc} */\nexport const {name} = {value};\n"));
    }
    out.push_str("\n/** @typedef {");
    out.push_str(&union(&Part::ALL.iter().map(|p| p.name()).collect::<Vec<_>>()));
    out.push_str("} Part A part of a chart. */\n");
    for (name, doc, fields) in declared().into_iter().chain([item_and_sources()].into_iter().flatten()) {
        out.push_str(&format!("\n/**\n * @typedef {{object}} {name} {}\n", doc.trim()));
        for Field { name, typescript, doc } in fields {
            out.push_str(&format!(" * @property {{{typescript}}} {name} {}\n", doc.trim()));
        }
        out.push_str(" */\n");
    }
    out
}

fn item_and_sources() -> Vec<(&'static str, &'static str, Vec<Field>)> {
    use crate::session::reply::{AllSources, ItemInfo};
    vec![(ItemInfo::NAME, ItemInfo::DOC, ItemInfo::fields()), (AllSources::NAME, AllSources::DOC, AllSources::fields())]
}

fn union(values: &[&str]) -> String {
    values.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(" | ")
}

/// The generated part of `package/autonomie-chart.d.ts`: the vocabularies and the state.
pub fn contract_d_ts(dataset: &Dataset) -> String {
    let charts: Vec<&str> = dataset.charts.iter().map(|c| c.id.as_str()).collect();
    let mut views: Vec<&str> = dataset.charts.iter().flat_map(|c| c.views.iter().map(|v| v.id.as_str())).collect();
    views.sort_unstable();
    views.dedup();
    let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let mut out = format!("// <contract> written from crates/autonomie/src/session/contract.rs: {HEADER}.\n");
    out.push_str("/** The charts of the embedded dataset (a `src` dataset may define others). */\n");
    out.push_str(&format!("export type AutonomieChartId = {} | (string & {{}});\n", union(&charts)));
    out.push_str(&format!("export type AutonomieView = {} | (string & {{}});\n", union(&views)));
    out.push_str(&format!("export type AutonomieScale = {};\n", union(&SCALES)));
    out.push_str(&format!("export type AutonomieCurrency = {};\n", union(&CURRENCIES)));
    out.push_str(&format!("export type AutonomieLang = {};\n", union(&langs)));
    out.push_str(&format!("export type AutonomieTheme = {};\n", union(&THEME_CHOICES)));
    let vocabulary = |name: &str| match name {
        "view" => Some("AutonomieView"),
        "scale" => Some("AutonomieScale"),
        "currency" => Some("AutonomieCurrency"),
        "lang" => Some("AutonomieLang"),
        _ => None,
    };
    out.push_str("\n/** What the reader chose: `state()`, and the `detail` of `autonomie-change`. */\n");
    interface(&mut out, "AutonomieState", crate::session::State::fields(), |name, typescript| {
        let narrowed = vocabulary(name).filter(|_| name != "view");
        (narrowed.map_or(typescript, str::to_owned), "")
    });
    out.push_str("\n/** Several changes at once (`AutonomieChart.change`): all apply, or none. */\n");
    interface(&mut out, "AutonomieChange", crate::session::Change::fields(), |name, typescript| {
        let typescript = match (vocabulary(name), name) {
            (Some(vocabulary), _) => vocabulary.to_owned(),
            (None, "hidden") => "string[]".to_owned(),
            (None, "series") => "{ key: string; visible: boolean }".to_owned(),
            (None, _) => typescript.trim_end_matches(" | null").to_owned(),
        };
        (typescript, "?")
    });
    out.push_str("// </contract>\n");
    out
}

/// An interface `name` of `fields`, each field's type and optional mark given by `kind`.
fn interface(out: &mut String, name: &str, fields: Vec<Field>, kind: impl Fn(&str, String) -> (String, &'static str)) {
    out.push_str(&format!("export interface {name} {{\n"));
    for Field { name, typescript, doc } in fields {
        let (typescript, optional) = kind(&name, typescript);
        out.push_str(&format!("  /** {} */\n  {name}{optional}: {typescript};\n", doc.trim()));
    }
    out.push_str("}\n");
}

/// `text` (the whole of `package/autonomie-chart.d.ts`) with its generated part
/// replaced by `generated`; `None` if it has no `// <contract>` … `// </contract>` part.
pub fn replace_generated(text: &str, generated: &str) -> Option<String> {
    let start = text.find("// <contract>")?;
    let end = text.find("// </contract>\n")? + "// </contract>\n".len();
    Some(format!("{}{generated}{}", &text[..start], &text[end..]))
}
