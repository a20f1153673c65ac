//! US cities (GeoNames, CC BY 4.0; see `datasets/geo/README.md`), embedded at compile time, for
//! placing nodes at real metros and ship-to addresses by population.

use std::sync::OnceLock;

use super::rng::{Rng, Weighted};

const CITIES_CSV: &str = include_str!("../../datasets/geo/us_cities.csv");

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct City {
    pub name: &'static str,
    pub state: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// Every city of the embedded table, most populous first (the file's order).
pub fn cities() -> &'static [City] {
    static CITIES: OnceLock<Vec<City>> = OnceLock::new();
    CITIES.get_or_init(|| CITIES_CSV.lines().skip(1).filter_map(parse_city).collect())
}

/// `geonameid,name,state,lat,lon,population,timezone`; names contain no commas.
fn parse_city(line: &'static str) -> Option<City> {
    let mut cells = line.split(',');
    let _geonameid = cells.next()?;
    let name = cells.next()?;
    let state = cells.next()?;
    let lat = cells.next()?.parse().ok()?;
    let lon = cells.next()?.parse().ok()?;
    let population = cells.next()?.parse().ok()?;
    Some(City {
        name,
        state,
        lat,
        lon,
        population,
    })
}

/// Draws cities in proportion to their population.
pub struct CitySampler {
    weighted: Weighted,
}

impl CitySampler {
    pub fn new() -> Self {
        CitySampler {
            weighted: Weighted::new(cities().iter().map(|c| c.population as f64)),
        }
    }

    /// Draws only the cities of one band. With a single band it draws exactly as [`new`]
    /// does (same weights, so the same cities for the same numbers).
    ///
    /// [`new`]: CitySampler::new
    pub fn in_band(bands: &Bands, band: usize) -> Self {
        let weight = |c: &City| {
            if bands.of(c.lon) == band {
                c.population as f64
            } else {
                0.0
            }
        };
        CitySampler {
            weighted: Weighted::new(cities().iter().map(weight)),
        }
    }

    pub fn sample(&self, rng: &mut Rng) -> &'static City {
        &cities()[self.weighted.sample(rng)]
    }
}

/// West-to-east longitude bands holding equal shares of the population: the regions of a
/// wave generated with `regions` > 1. One band is the whole country.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    /// The `count − 1` longitudes where one band ends and the next begins, ascending.
    cutoffs: Vec<f64>,
}

impl Bands {
    pub fn new(count: usize) -> Self {
        let count = count.max(1);
        let mut by_lon: Vec<&City> = cities().iter().collect();
        by_lon.sort_by(|a, b| a.lon.total_cmp(&b.lon));
        let total: f64 = by_lon.iter().map(|c| c.population as f64).sum();
        let mut cutoffs = Vec::with_capacity(count - 1);
        let mut seen = 0.0;
        for pair in by_lon.windows(2) {
            seen += pair[0].population as f64;
            let next = (cutoffs.len() + 1) as f64 / count as f64;
            if cutoffs.len() + 1 < count && seen >= next * total && pair[0].lon < pair[1].lon {
                // Midway between two cities, so that no city sits on a border.
                cutoffs.push((pair[0].lon + pair[1].lon) / 2.0);
            }
        }
        Bands { cutoffs }
    }

    pub fn count(&self) -> usize {
        self.cutoffs.len() + 1
    }

    /// The band of a longitude, 0 the westernmost.
    pub fn of(&self, lon: f64) -> usize {
        self.cutoffs.partition_point(|&c| c <= lon)
    }
}

/// Squared distance in degrees, longitude shrunk by cos(40°): only to keep metros apart, so it
/// needs no trigonometry (which could differ by platform and so change a generated wave).
pub fn rough_distance_sq(a: (f64, f64), b: (f64, f64)) -> f64 {
    let dlat = a.0 - b.0;
    let dlon = (a.1 - b.1) * 0.766;
    dlat * dlat + dlon * dlon
}

/// The US Census region of a state, used as a rate zone (`region-…`).
pub fn region(state: &str) -> &'static str {
    match state {
        "CT" | "ME" | "MA" | "NH" | "RI" | "VT" | "NJ" | "NY" | "PA" => "region-northeast",
        "IL" | "IN" | "MI" | "OH" | "WI" | "IA" | "KS" | "MN" | "MO" | "NE" | "ND" | "SD" => {
            "region-midwest"
        }
        "AZ" | "CO" | "ID" | "MT" | "NV" | "NM" | "UT" | "WY" | "AK" | "CA" | "HI" | "OR"
        | "WA" => "region-west",
        _ => "region-south",
    }
}

/// Every zone [`region`] can return.
pub const REGIONS: [&str; 4] = [
    "region-northeast",
    "region-midwest",
    "region-south",
    "region-west",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_embedded_table_parses() {
        let lines = CITIES_CSV.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(cities().len(), lines);
        assert!(lines > 3000);
        assert_eq!(cities()[0].name, "New York City");
    }

    #[test]
    fn two_bands_split_the_population_about_in_half() {
        let bands = Bands::new(2);
        assert_eq!(bands.count(), 2);
        let mut population = [0.0, 0.0];
        for c in cities() {
            population[bands.of(c.lon)] += c.population as f64;
        }
        let west_share = population[0] / (population[0] + population[1]);
        assert!((0.45..0.55).contains(&west_share), "{west_share}");
        assert_eq!(Bands::new(1).count(), 1);
    }

    #[test]
    fn coordinates_are_in_range_and_populations_positive() {
        for c in cities() {
            assert!((-90.0..=90.0).contains(&c.lat) && (-180.0..=180.0).contains(&c.lon));
            assert!(c.population > 0, "{}", c.name);
        }
    }
}
