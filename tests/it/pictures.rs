//! The embed codes' pictures (issue 20): the width bands, and each picture the canvas of
//! its band with the toolbar's room under it. What `autonomie-static` writes, for the
//! embedded dataset and a blogger's own, is tested with its crate (`tests/pictures/`).

use std::rc::Rc;

use autonomie::data::model::Dataset;
use autonomie::layout::plan::NARROW_LAYOUT_BELOW;
use autonomie::layout::text::ArialWidths;
use autonomie::layout::theme::Theme;
use autonomie::session::contract::{band_for, BANDS};
use autonomie::session::{Frame, Session};

#[test]
fn the_bands_cover_280_to_1400_px_each_scaled_by_at_most_15_percent_and_the_narrow_layout_ends_at_an_edge() {
    for pair in BANDS.windows(2) {
        assert!(pair[0].from < pair[1].from && pair[0].width < pair[1].width);
        // The widths of a band, from its own edge to the next one's, scale its layout by
        // at most 15 % either way.
        let (low, high) = (
            f64::from(pair[0].from.max(280)) / f64::from(pair[0].width),
            f64::from(pair[1].from) / f64::from(pair[0].width),
        );
        assert!(low >= 0.85 && high <= 1.15, "{:?}: {low:.3} to {high:.3}", pair[0]);
    }
    let last = BANDS[BANDS.len() - 1];
    assert!(1400.0 / f64::from(last.width) <= 1.15);
    assert!(
        BANDS.iter().any(|band| f64::from(band.from) == NARROW_LAYOUT_BELOW),
        "the narrow layout ends at a band's edge"
    );
    for band in BANDS {
        assert_eq!(band.rows, if f64::from(band.width) < NARROW_LAYOUT_BELOW { 2 } else { 1 });
        assert_eq!(band_for(f64::from(band.from)), band);
        assert_eq!(band_for(f64::from(band.width)), band);
    }
    assert_eq!(band_for(372.0).width, 375);
    assert_eq!(band_for(200.0), BANDS[0]);
    assert_eq!(band_for(5000.0), last);
}

#[test]
fn a_picture_is_the_canvas_of_its_band_with_the_toolbar_room_under_it() {
    let dataset = Rc::new(Dataset::embedded().unwrap());
    let mut session = Session::new(dataset.clone(), "valuations").unwrap();
    session.state.set_view(&dataset, "history").unwrap();
    for band in BANDS {
        let (svg, height) = session.picture_svg(f64::from(band.width), band.toolbar, Theme::Dark).unwrap();
        let root = format!("<svg text-rendering=\"geometricPrecision\" width=\"{}\" height=\"{height}\" ", band.width);
        assert!(svg.starts_with(&root), "{}", &svg[..80]);
        // The canvas's own layout at that width, one device pixel per CSS pixel.
        let frame = Frame::screen(f64::from(band.width), 1.0, None, "dark").unwrap();
        let (canvas, _) = session.plan_frame(&frame, &ArialWidths).unwrap();
        assert_eq!(canvas.height + band.toolbar, height, "the canvas, then the toolbar's room");
    }
}
