//! The basemap under every map: coastlines and country borders of North America from Natural
//! Earth at 1:110m (public domain), vendored in `assets/basemap/` (see its README for the source
//! and `scripts/make-basemap.py` for the reduction). Compiled in, parsed once.

use std::sync::OnceLock;

use serde::Deserialize;

/// The vendored file, also served to the planner page as `/assets/basemap.json`.
pub const BASEMAP_JSON: &str = include_str!("../../../assets/basemap/north-america-110m.json");

/// A polyline in (longitude, latitude) degrees.
pub type Line = Vec<(f64, f64)>;

/// Coastlines (an arc used by one country) and borders (shared by two).
#[derive(Debug, Deserialize)]
pub struct Basemap {
    pub coast: Vec<Line>,
    pub borders: Vec<Line>,
}

/// The compiled-in basemap; empty if the vendored file ever failed to parse (a test guards it).
pub fn basemap() -> &'static Basemap {
    static PARSED: OnceLock<Basemap> = OnceLock::new();
    PARSED.get_or_init(|| {
        serde_json::from_str(BASEMAP_JSON).unwrap_or(Basemap {
            coast: Vec::new(),
            borders: Vec::new(),
        })
    })
}

/// The parts of `lines` inside the box `lon × lat`, as polylines (a line leaving and
/// re-entering the box gives two). Segments are cut at the box's edges (Liang–Barsky).
pub fn clipped(lines: &[Line], lon: (f64, f64), lat: (f64, f64)) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let mut current: Line = Vec::new();
        for pair in line.windows(2) {
            match clip_segment(pair[0], pair[1], lon, lat) {
                Some((a, b)) => {
                    if current.last() != Some(&a) {
                        if current.len() > 1 {
                            out.push(std::mem::take(&mut current));
                        }
                        current = vec![a];
                    }
                    current.push(b);
                }
                None => {
                    if current.len() > 1 {
                        out.push(std::mem::take(&mut current));
                    }
                    current.clear();
                }
            }
        }
        if current.len() > 1 {
            out.push(current);
        }
    }
    out
}

type Point = (f64, f64);

fn clip_segment(a: Point, b: Point, lon: (f64, f64), lat: (f64, f64)) -> Option<(Point, Point)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - lon.0),
        (dx, lon.1 - a.0),
        (-dy, a.1 - lat.0),
        (dy, lat.1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            t0 = t0.max(t);
        } else {
            t1 = t1.min(t);
        }
        if t0 > t1 {
            return None;
        }
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    let start = if t0 == 0.0 { a } else { at(t0) };
    let end = if t1 == 1.0 { b } else { at(t1) };
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_basemap_parses_and_covers_the_us() {
        let map = basemap();
        assert!(map.coast.len() > 20 && map.borders.len() > 5);
        let in_us = |l: &Line| {
            l.iter()
                .any(|&(x, y)| (-125.0..-67.0).contains(&x) && (25.0..49.0).contains(&y))
        };
        assert!(map.coast.iter().any(in_us), "US coastline");
        assert!(
            map.borders.iter().any(in_us),
            "US-Canada or US-Mexico border"
        );
    }

    #[test]
    fn lines_are_cut_at_the_box_and_split_when_they_leave_it() {
        let line = vec![
            (-5.0, 0.0),
            (5.0, 0.0),
            (15.0, 0.0),
            (5.0, 0.5),
            (-5.0, 0.5),
        ];
        let parts = clipped(&[line], (0.0, 10.0), (-1.0, 1.0));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], vec![(0.0, 0.0), (5.0, 0.0), (10.0, 0.0)]);
        assert_eq!(parts[1].first(), Some(&(10.0, 0.25)));
        assert_eq!(parts[1].last(), Some(&(0.0, 0.5)));
        assert!(clipped(
            &[vec![(20.0, 20.0), (30.0, 30.0)]],
            (0.0, 10.0),
            (0.0, 10.0)
        )
        .is_empty());
    }
}
