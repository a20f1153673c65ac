//! `export-model` writes a model another solver can read: the sample wave's cost stage, read
//! back from LP and from MPS by a fresh HiGHS instance and solved, gives the plan's cost.

mod common;

use std::ffi::CString;

use waveopt::format::{Engine, PlanStatus};

fn resolve(path: &std::path::Path) -> f64 {
    let file = CString::new(path.display().to_string()).unwrap();
    unsafe {
        let highs = highs_sys::Highs_create();
        highs_sys::Highs_setBoolOptionValue(highs, c"output_flag".as_ptr(), 0);
        let read = highs_sys::Highs_readModel(highs, file.as_ptr());
        assert_ne!(
            read,
            highs_sys::kHighsStatusError,
            "HiGHS cannot read {}",
            path.display()
        );
        assert_ne!(highs_sys::Highs_run(highs), highs_sys::kHighsStatusError);
        let status = highs_sys::Highs_getModelStatus(highs);
        assert_eq!(
            status,
            highs_sys::MODEL_STATUS_OPTIMAL,
            "{}",
            path.display()
        );
        let objective = highs_sys::Highs_getObjectiveValue(highs);
        highs_sys::Highs_destroy(highs);
        objective
    }
}

#[test]
fn the_exported_sample_model_resolves_to_the_plans_cost() {
    let wave = common::load_wave("sample/wave.json");
    let plan = common::plan_checked(&wave, Engine::Mip);
    assert_eq!(plan.status, PlanStatus::Optimal);
    let dir = std::env::temp_dir().join(format!("waveopt-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for ext in ["lp", "mps"] {
        let path = dir.join(format!("sample.{ext}"));
        waveopt::solver::mip::export_model(&wave, &path, ext).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("y_SO_1001_DC_EAST_ground"),
            "{ext}: names from models/formulation.md are kept"
        );
        let objective = resolve(&path);
        assert!(
            (objective - plan.objective.total).abs() <= 1e-6 * plan.objective.total,
            "{ext}: re-solved {objective}, plan cost {}",
            plan.objective.total
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
