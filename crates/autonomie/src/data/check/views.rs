//! The charts, their views and their series.

use crate::data::check::points::PointContext;
use crate::data::check::{parse_color, Checker};
use crate::data::model::{Chart, Group, Measure, Point, Scale, Series, SourcedRate, View, ViewKind};
use crate::data::spec::{ChartSpec, SeriesSpec, ViewSpec};

impl Checker {
    pub(super) fn chart(&mut self, spec: &ChartSpec, path: &str, rates: &[SourcedRate]) -> Option<Chart> {
        self.key(&spec.id, &format!("{path}.id"));
        let title = self.text(&spec.title, &format!("{path}.title"));
        if spec.views.is_empty() {
            self.problem(
                format!("{path}.views"),
                "no view; expected at least one",
                "aucune vue ; il en faut au moins une",
            );
        }
        let mut views = Vec::new();
        for (index, view) in spec.views.iter().enumerate() {
            let path = format!("{path}.views[{index}]");
            if spec.views[..index].iter().any(|v| v.id == view.id) {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate view id \"{}\" in this chart", view.id),
                    format!("identifiant de vue \"{}\" en double dans ce graphique", view.id),
                );
            }
            if let Some(view) = self.view(view, &path, rates) {
                views.push(view);
            }
        }
        Some(Chart { id: spec.id.clone(), title, views })
    }

    pub(super) fn view(&mut self, spec: &ViewSpec, path: &str, rates: &[SourcedRate]) -> Option<View> {
        self.key(&spec.id, &format!("{path}.id"));
        let kind = self.view_kind(spec, path);
        let measure = self.measure(spec, path);
        let scale = Scale::parse(&spec.scale);
        if scale.is_none() {
            self.problem(
                format!("{path}.scale"),
                format!("unknown scale \"{}\"; expected linear or log", spec.scale),
                format!("échelle \"{}\" inconnue ; il faut linear ou log", spec.scale),
            );
        }
        let label = self.text(&spec.label, &format!("{path}.label"));
        let title = self.text(&spec.title, &format!("{path}.title"));
        let axis = self.text(&spec.axis, &format!("{path}.axis"));
        let notes = spec.notes.iter().enumerate().map(|(i, n)| self.note(n, &format!("{path}.notes[{i}]"))).collect();
        let groups = self.groups(spec, kind, path);
        if spec.series.is_empty() {
            self.problem(
                format!("{path}.series"),
                "no series; expected at least one",
                "aucune série ; il en faut au moins une",
            );
        }
        let mut series = Vec::new();
        for (index, s) in spec.series.iter().enumerate() {
            let series_path = format!("{path}.series[{index}]");
            if spec.series[..index].iter().any(|other| other.key == s.key) {
                self.problem(
                    format!("{series_path}.key"),
                    format!("duplicate series key \"{}\" in this view", s.key),
                    format!("clé de série \"{}\" en double dans cette vue", s.key),
                );
            }
            let context = PointContext { kind: kind?, measure: measure?, groups: &groups, rates };
            series.push(self.series(s, &series_path, &context));
        }
        Some(View {
            id: spec.id.clone(),
            kind: kind?,
            measure: measure?,
            default_scale: scale?,
            label,
            title,
            axis,
            groups,
            notes,
            series,
        })
    }

    fn view_kind(&mut self, spec: &ViewSpec, path: &str) -> Option<ViewKind> {
        match spec.kind.as_str() {
            "bars" => Some(ViewKind::Bars),
            "timeline" => Some(ViewKind::Timeline),
            other => {
                self.problem(
                    format!("{path}.kind"),
                    format!("unknown chart kind \"{other}\"; expected bars or timeline"),
                    format!("type de graphique \"{other}\" inconnu ; il faut bars ou timeline"),
                );
                None
            }
        }
    }

    fn measure(&mut self, spec: &ViewSpec, path: &str) -> Option<Measure> {
        match spec.measure.as_str() {
            "count" => Some(Measure::Count),
            "money" => Some(Measure::Money),
            "flops" => Some(Measure::Flops),
            other => {
                self.problem(
                    format!("{path}.measure"),
                    format!("unknown measure \"{other}\"; expected count, money or flops"),
                    format!("mesure \"{other}\" inconnue ; il faut count, money ou flops"),
                );
                None
            }
        }
    }

    /// The groups (panels) of a view, which a bar view needs and a timeline has not.
    fn groups(&mut self, spec: &ViewSpec, kind: Option<ViewKind>, path: &str) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for (index, group) in spec.groups.iter().enumerate() {
            let group_path = format!("{path}.groups[{index}]");
            self.key(&group.key, &format!("{group_path}.key"));
            if groups.iter().any(|g| g.key == group.key) {
                self.problem(
                    format!("{group_path}.key"),
                    format!("duplicate group key \"{}\"", group.key),
                    format!("clé de groupe \"{}\" en double", group.key),
                );
            }
            let label = self.text(&group.label, &format!("{group_path}.label"));
            groups.push(Group { key: group.key.clone(), label });
        }
        match kind {
            Some(ViewKind::Bars) if groups.is_empty() => {
                self.problem(
                    format!("{path}.groups"),
                    "a bar view needs at least one group (panel)",
                    "une vue en barres demande au moins un groupe (panneau)",
                );
            }
            Some(ViewKind::Timeline) if !groups.is_empty() => {
                self.problem(
                    format!("{path}.groups"),
                    "a timeline has no groups; remove `groups`",
                    "une chronologie n’a pas de groupes ; retirez `groups`",
                );
            }
            _ => {}
        }
        groups
    }

    pub(super) fn series(&mut self, spec: &SeriesSpec, path: &str, context: &PointContext) -> Series {
        self.key(&spec.key, &format!("{path}.key"));
        let label = self.text(&spec.label, &format!("{path}.label"));
        let color = parse_color(&spec.color).unwrap_or_else(|| {
            self.problem(
                format!("{path}.color"),
                format!("\"{}\" is not a colour; expected #rrggbb", spec.color),
                format!("\"{}\" n’est pas une couleur ; il faut #rrvvbb", spec.color),
            );
            (0, 0, 0)
        });
        if spec.points.is_empty() {
            self.problem(
                format!("{path}.points"),
                "no point; expected at least one",
                "aucun point ; il en faut au moins un",
            );
        }
        let mut points: Vec<Point> = Vec::new();
        for (index, point) in spec.points.iter().enumerate() {
            let point_path = format!("{path}.points[{index}]");
            let Some(point) = self.point(point, &point_path, context) else { continue };
            match context.kind {
                ViewKind::Bars => {
                    if points.iter().any(|p| p.group == point.group) {
                        self.problem(
                            format!("{point_path}.group"),
                            "duplicate point: this series already has a point in this group",
                            "point en double : cette série a déjà un point dans ce groupe",
                        );
                    }
                }
                ViewKind::Timeline => {
                    if let Some(previous) = points.last() {
                        if point.date <= previous.date {
                            self.problem(
                                format!("{point_path}.date"),
                                format!("date out of order: {} does not come after {}; a timeline's points must be in increasing date order", point.date, previous.date),
                                format!("date dans le désordre : {} ne vient pas après {} ; les points d’une chronologie vont par dates croissantes", point.date, previous.date),
                            );
                        }
                    }
                }
            }
            points.push(point);
        }
        Series { key: spec.key.clone(), label, color, aggregate: spec.aggregate, points }
    }
}
