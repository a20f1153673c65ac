//! Import cycles between sibling modules, found from the source text alone.
//!
//! Every file is a module (`foo/mod.rs` is `foo`, `foo/bar.rs` is `foo::bar`). A reference is a
//! path starting with `crate`, `super` or `self`: in a `use` item (grouped forms expanded) or
//! inline in code. It resolves to the longest known module it names. A reference from module `S`
//! to module `T` is an edge between the two children of their deepest common ancestor that hold
//! `S` and `T`; a reference between a module and one of its own descendants is no edge. A cycle is
//! a strongly connected group of two or more children of the same parent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path from the crate root, e.g. `["solver", "mip"]`.
pub type ModulePath = Vec<String>;

/// One import cycle: the parent, its children in the cycle, and one witness per edge between
/// them (`from -> to: file: path`).
#[derive(Debug, PartialEq, Eq)]
pub struct Cycle {
    pub parent: ModulePath,
    pub members: Vec<ModulePath>,
    pub witnesses: Vec<String>,
}

pub fn display(path: &[String]) -> String {
    std::iter::once("crate")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

/// Reads every `.rs` file under `src_root/under` as `(path relative to src_root, text)`.
pub fn read_tree(src_root: &Path, under: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![src_root.join(under)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src_root).unwrap();
                let relative = relative.to_string_lossy().replace('\\', "/");
                files.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The module a file under `src/` defines: `a/b/mod.rs` and `a/b.rs` are both `a::b`.
pub fn module_of(relative: &str) -> ModulePath {
    let stem = relative.strip_suffix(".rs").expect("a .rs file");
    let mut path: ModulePath = stem.split('/').map(str::to_string).collect();
    if path
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        path.pop();
    }
    path
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    Punct(&'static str),
    Other,
}

/// The file's identifiers and the punctuation paths are made of; comments, strings and
/// character literals are dropped (a `'{'` must not count as a brace).
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let (mut out, mut i) = (Vec::new(), 0);
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let (mut depth, mut j) = (1, i + 2);
            while j < chars.len() && depth > 0 {
                match (chars[j], at(j + 1)) {
                    ('/', '*') => (depth, j) = (depth + 1, j + 2),
                    ('*', '/') => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{7b}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while at(i).is_alphanumeric() || at(i) == '_' {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if (word == "r" || word == "br") && (at(i) == '#' || at(i) == '"') {
                // A raw string: r"…", r#"…"#, with as many closing hashes as opening.
                let hashes = chars[i..].iter().take_while(|&&h| h == '#').count();
                let closing: Vec<char> = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                i += hashes + 1;
                while i < chars.len() && !chars[i..].starts_with(&closing) {
                    i += 1;
                }
                i += closing.len();
            } else {
                out.push(Token::Ident(word));
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::Punct("::"));
            i += 2;
        } else {
            out.push(match c {
                '{' => Token::Punct("{"),
                '}' => Token::Punct("}"),
                ',' => Token::Punct(","),
                '*' => Token::Punct("*"),
                c if c.is_whitespace() => {
                    i += 1;
                    continue;
                }
                _ => Token::Other,
            });
            i += 1;
        }
    }
    out
}

fn is(tokens: &[Token], i: usize, punct: &str) -> bool {
    matches!(tokens.get(i), Some(Token::Punct(p)) if *p == punct)
}

/// Parses the path (tree) starting at `i`: `a::b::c`, `a::{b, c::{d, e}}`, `a::*`. Returns every
/// full path it names and the index after it.
fn path_tree(tokens: &[Token], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    while let Some(Token::Ident(segment)) = tokens.get(i) {
        prefix.push(segment.clone());
        if !is(tokens, i + 1, "::") {
            let renamed = matches!(tokens.get(i + 1), Some(Token::Ident(w)) if w == "as");
            return (vec![prefix], if renamed { i + 3 } else { i + 1 });
        }
        i += 2;
    }
    if !is(tokens, i, "{") {
        return (vec![prefix], i); // `a::*`, or a generic argument list `a::<T>`
    }
    let mut paths = Vec::new();
    i += 1;
    while i < tokens.len() && !is(tokens, i, "}") {
        if is(tokens, i, ",") {
            i += 1;
            continue;
        }
        let (inner, next) = path_tree(tokens, i);
        paths.extend(
            inner
                .into_iter()
                .map(|tail| [prefix.clone(), tail].concat()),
        );
        i = next.max(i + 1);
    }
    (paths, i + 1)
}

/// Every `crate::`/`super::`/`self::` reference in a file of module `file_module`, made absolute.
/// Inline `mod name { … }` blocks shift what `self` and `super` mean inside them.
fn references(file_module: &[String], text: &str) -> Vec<ModulePath> {
    let tokens = tokens(text);
    let mut current: ModulePath = file_module.to_vec();
    let (mut depth, mut inline_opened_at) = (0usize, Vec::new());
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Punct("{") => depth += 1,
            Token::Punct("}") => {
                depth -= 1;
                if inline_opened_at.last() == Some(&depth) {
                    inline_opened_at.pop();
                    current.pop();
                }
            }
            Token::Ident(word) if word == "mod" && is(&tokens, i + 2, "{") => {
                if let Some(Token::Ident(name)) = tokens.get(i + 1) {
                    current.push(name.clone());
                    inline_opened_at.push(depth);
                }
            }
            Token::Ident(word)
                if ["crate", "super", "self"].contains(&word.as_str())
                    && is(&tokens, i + 1, "::")
                    && !(i > 0 && is(&tokens, i - 1, "::")) =>
            {
                let (paths, next) = path_tree(&tokens, i);
                found.extend(paths.iter().map(|path| absolute(&current, path)));
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

fn absolute(current: &[String], path: &[String]) -> ModulePath {
    let mut resolved = current.to_vec();
    for (index, segment) in path.iter().enumerate() {
        match segment.as_str() {
            "crate" if index == 0 => resolved.clear(),
            "super" => {
                resolved.pop();
            }
            "self" => {}
            _ => resolved.push(segment.clone()),
        }
    }
    resolved
}

/// Every import cycle among sibling modules of `files` (`(path under src/, text)`).
pub fn cycles(files: &[(String, String)]) -> Vec<Cycle> {
    let modules: BTreeSet<ModulePath> = files.iter().map(|(path, _)| module_of(path)).collect();
    // parent -> child -> children it references, with one witness per edge.
    let mut graphs: BTreeMap<ModulePath, BTreeMap<String, BTreeMap<String, String>>> =
        BTreeMap::new();
    for (file, text) in files {
        let source = module_of(file);
        for reference in references(&source, text) {
            let Some(target) = (1..=reference.len())
                .rev()
                .map(|len| reference[..len].to_vec())
                .find(|prefix| modules.contains(prefix))
            else {
                continue;
            };
            let common = source
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == source.len() || common == target.len() {
                continue; // within one module's own subtree
            }
            let edges = graphs.entry(source[..common].to_vec()).or_default();
            let witness = format!("{file}: {}", display(&reference));
            edges
                .entry(source[common].clone())
                .or_default()
                .entry(target[common].clone())
                .or_insert(witness);
        }
    }
    let mut found = Vec::new();
    for (parent, edges) in &graphs {
        let reach = |from: &String| {
            let (mut seen, mut stack) = (BTreeSet::new(), vec![from.clone()]);
            while let Some(node) = stack.pop() {
                for next in edges.get(&node).into_iter().flat_map(|e| e.keys()) {
                    if seen.insert(next.clone()) {
                        stack.push(next.clone());
                    }
                }
            }
            seen
        };
        let reaches: BTreeMap<&String, BTreeSet<String>> =
            edges.keys().map(|node| (node, reach(node))).collect();
        let mut assigned = BTreeSet::new();
        for (node, reached) in &reaches {
            if assigned.contains(*node) || !reached.contains(*node) {
                continue;
            }
            let group: BTreeSet<String> = reached
                .iter()
                .filter(|other| reaches.get(other).is_some_and(|r| r.contains(*node)))
                .cloned()
                .collect();
            assigned.extend(group.iter().cloned());
            let child = |name: &String| [parent.clone(), vec![name.clone()]].concat();
            let witnesses = group
                .iter()
                .flat_map(|from| edges[from].iter().map(move |(to, w)| (from, to, w)))
                .filter(|(_, to, _)| group.contains(*to))
                .map(|(from, to, w)| {
                    format!("{} -> {}: {w}", display(&child(from)), display(&child(to)))
                })
                .collect();
            found.push(Cycle {
                parent: parent.clone(),
                members: group.iter().map(child).collect(),
                witnesses,
            });
        }
    }
    found
}
