//! The library's top-level modules use each other one way only: no import cycle.

use crate::support::project_dir;
use std::collections::{BTreeMap, BTreeSet};

/// Each top-level module of `src/` (a file or a folder), with the files that make it up.
fn modules() -> BTreeMap<String, Vec<std::path::PathBuf>> {
    let src = project_dir().join("src");
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src").flatten() {
        let path = entry.path();
        let name = path.file_stem().expect("name").to_string_lossy().to_string();
        if name == "lib" || name == "main" {
            continue;
        }
        let files: Vec<_> = walkdir::WalkDir::new(&path)
            .into_iter()
            .flatten()
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        modules.entry(name).or_insert_with(Vec::new).extend(files);
    }
    modules
}

/// The modules a file's code names with a `crate::` path (`crate::a::b`, `use crate::{a, b::c}`);
/// its tests (after `#[cfg(test)]`) left out.
fn used(text: &str, known: &BTreeMap<String, Vec<std::path::PathBuf>>) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut used = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            // `crate::{a, b::c, d::{e, f}}`: the first word of each path at the top of the braces.
            Some(group) => {
                let mut depth = 0;
                let end = group
                    .char_indices()
                    .find(|&(_, c)| {
                        depth += i32::from(c == '{') - i32::from(c == '}');
                        depth < 0
                    })
                    .map_or(group.len(), |(i, _)| i);
                let mut names = Vec::new();
                let mut depth = 0;
                let mut start = true;
                for (i, c) in group[..end].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => start = true,
                        c if start && depth == 0 && (c.is_alphanumeric() || c == '_') => {
                            let word = &group[i..];
                            let len = word.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(word.len());
                            names.push(&word[..len]);
                            start = false;
                        }
                        _ => {}
                    }
                }
                names
            }
            None => {
                let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
                vec![&rest[..len]]
            }
        };
        used.extend(names.into_iter().filter(|n| known.contains_key(*n)).map(str::to_string));
    }
    used
}

/// A path of modules that leads back to its first one, if there is any.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn top_level_modules_have_no_import_cycle() {
    let modules = modules();
    assert!(modules.contains_key("pipeline") && modules.contains_key("render"), "the modules were found");
    let graph: BTreeMap<String, BTreeSet<String>> = modules
        .iter()
        .map(|(name, files)| {
            let mut uses = BTreeSet::new();
            for file in files {
                uses.extend(used(&std::fs::read_to_string(file).expect("read"), &modules));
            }
            uses.remove(name);
            (name.clone(), uses)
        })
        .collect();
    assert!(graph["pipeline"].contains("render"), "the uses were read: {graph:?}");
    assert_eq!(cycle(&graph), None, "an import cycle between top-level modules (ARCHITECTURE.md)");
}

#[test]
fn a_cycle_is_found_and_named() {
    let known: BTreeMap<String, Vec<std::path::PathBuf>> =
        ["a", "b", "c"].iter().map(|n| (n.to_string(), Vec::new())).collect();
    assert_eq!(
        used("use crate::{a::X, b::{self, Y}};\nlet z = crate::c::f();\n#[cfg(test)]\nuse crate::d;", &known),
        BTreeSet::from(["a".to_string(), "b".to_string(), "c".to_string()])
    );
    let graph = |edges: &[(&str, &str)]| {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (from, to) in edges {
            graph.entry(from.to_string()).or_default().insert(to.to_string());
            graph.entry(to.to_string()).or_default();
        }
        graph
    };
    assert_eq!(cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".to_string(), "b".to_string(), "c".to_string(), "a".to_string()])
    );
}
