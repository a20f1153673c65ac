//! The solver's layout: no import cycles between sibling modules under `src/solver` (see
//! `layout_support` for what counts as a reference and a cycle).

mod layout_support;

use layout_support::{cycles, display, module_of, read_tree, Cycle};
use std::path::Path;

fn report(found: &[Cycle]) -> String {
    let mut out = String::new();
    for cycle in found {
        let members: Vec<String> = cycle.members.iter().map(|m| display(m)).collect();
        out += &format!(
            "under {}: {{{}}}\n",
            display(&cycle.parent),
            members.join(", ")
        );
        for witness in &cycle.witnesses {
            out += &format!("    {witness}\n");
        }
    }
    out
}

#[test]
fn the_solver_has_no_import_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&src, "solver");
    assert!(files.len() > 10, "src/solver was read");
    let found = cycles(&files);
    assert!(
        found.is_empty(),
        "import cycles under src/solver:\n{}",
        report(&found)
    );
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect()
}

fn members(found: &[Cycle]) -> Vec<Vec<String>> {
    found
        .iter()
        .map(|cycle| cycle.members.iter().map(|m| display(m)).collect())
        .collect()
}

#[test]
fn files_map_to_modules() {
    assert_eq!(module_of("s/mod.rs"), ["s"]);
    assert_eq!(module_of("s/a/b.rs"), ["s", "a", "b"]);
}

#[test]
fn a_cycle_through_grouped_and_inline_paths_is_reported() {
    let found = cycles(&files(&[
        ("s/mod.rs", "pub mod a; pub mod b; pub mod c;"),
        ("s/a/mod.rs", "mod deep;"),
        ("s/a/deep.rs", "use crate::s::{b::{self as bee, X}, Y};"),
        ("s/b.rs", "fn f() { let _ = super::c::g(); }"),
        ("s/c.rs", "use super::super::s::a::deep::Z;"),
    ]));
    assert_eq!(
        members(&found),
        [["crate::s::a", "crate::s::b", "crate::s::c"]]
    );
    let witnesses = &found[0].witnesses;
    assert_eq!(witnesses.len(), 3);
    assert!(witnesses[0].starts_with("crate::s::a -> crate::s::b: s/a/deep.rs: crate::s::b"));
    assert!(report(&found).contains("under crate::s: {crate::s::a, crate::s::b, crate::s::c}"));
}

#[test]
fn cycles_at_every_level_are_each_reported() {
    let found = cycles(&files(&[
        ("s/mod.rs", ""),
        ("s/a/mod.rs", "use self::y::Q;"),
        ("s/a/x.rs", "use super::y::P;"),
        ("s/a/y.rs", "use crate::s::a::x::P; use crate::s::b;"),
        ("s/b.rs", "use crate::s::a::Q;"),
    ]));
    assert_eq!(
        members(&found),
        [
            vec!["crate::s::a", "crate::s::b"],
            vec!["crate::s::a::x", "crate::s::a::y"]
        ]
    );
}

#[test]
fn a_dag_and_parent_child_references_are_not_cycles() {
    let found = cycles(&files(&[
        (
            "s/mod.rs",
            "pub mod a; pub mod b; use a::A; use crate::s::b::B;",
        ),
        (
            "s/a.rs",
            "use super::b::B; use crate::s::Shared; use crate::other::C; // super::c::X\n\
             /* crate::s::c */ const S: &str = \"crate::s::c\"; const R: &str = r#\"super::c\"#;\n\
             const BRACE: char = '{'; fn f<'a>(x: &'a str) {}",
        ),
        ("s/b/mod.rs", "use super::Shared; use self::inner::I;"),
        ("s/b/inner.rs", "use crate::s::b::B;"),
        (
            "s/c.rs",
            "use super::{a, b};\n#[cfg(test)] mod tests { use super::*; use super::super::a; }",
        ),
    ]));
    assert!(found.is_empty(), "{}", report(&found));
}
