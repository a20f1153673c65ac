//! `solver.components`: the wave's independent parts (src/model/components.rs).

mod common;

use waveopt::format::Engine;
use waveopt::generate::{Preset, Shape};
use waveopt::model::{components, Model};

#[test]
fn a_two_region_wave_has_two_components_and_the_plan_says_so() {
    let wave = waveopt::generate::generate_shape(Preset::S, Shape::Regional, 7);
    let model = Model::from_wave(&wave).unwrap();
    assert_eq!(components::count(&model), 2);
    let plan = common::plan_checked(&wave, Engine::Mip);
    assert_eq!(plan.solver.components, 2);
}

#[test]
fn the_standard_shape_is_one_component() {
    let wave = waveopt::generate::generate(Preset::S, 7);
    let model = Model::from_wave(&wave).unwrap();
    assert_eq!(components::count(&model), 1);
}
