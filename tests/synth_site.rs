//! The synthetic content generator for benchmarks writes a valid, deterministic site.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::path::Path;
use std::process::Command;

/// Every file under `dir`, relative path and bytes, sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn count_in(dir: &Path, section: &str) -> usize {
    std::fs::read_dir(dir.join(section)).unwrap().count()
}

#[test]
fn synthetic_site_passes_check_and_is_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let counts = synth::write_site(&content, 300, 7).unwrap();

    // The generated site is valid.
    let output = Command::new(env!("CARGO_BIN_EXE_innkjop"))
        .args(["check", "--content"])
        .arg(&content)
        .args(["--today", "2026-11-26"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "check failed:\n{stderr}");
    assert!(stderr.contains("0 feil"), "no `0 feil` in:\n{stderr}");

    // The counts are what was written, in the sample site's proportions (23:17:8:8:7).
    let sections = [
        ("rammeavtaler", counts.agreements, 23),
        ("planlagte-innkjop", counts.purchases, 17),
        ("kurs", counts.courses, 8),
        ("etiske-krav", counts.requirements, 8),
        ("sider", counts.pages, 7),
    ];
    let total: usize = sections.iter().map(|s| s.1).sum();
    assert_eq!(total, 300);
    for (section, n, weight) in sections {
        assert_eq!(count_in(&content, section), n, "{section}");
        let expected = 300.0 * weight as f64 / 63.0;
        assert!((n as f64 - expected).abs() <= 2.0, "{section}: {n} items, expected about {expected:.0}");
    }
    assert_eq!(counts.suppliers, counts.agreements.div_ceil(3).max(5));
    let suppliers = std::fs::read_to_string(content.join("leverandorer.yaml")).unwrap();
    assert_eq!(suppliers.matches("\n- id: ").count(), counts.suppliers);

    // The same seed gives byte-identical files; another seed does not.
    let again = tmp.path().join("again");
    assert_eq!(synth::write_site(&again, 300, 7).unwrap(), counts);
    let first = files(&content);
    assert!(first == files(&again), "the same seed gave different files");
    let other = tmp.path().join("other");
    synth::write_site(&other, 300, 8).unwrap();
    assert!(first != files(&other), "another seed gave the same files");
}

#[test]
fn tiny_sites_have_one_of_each_kind() {
    let tmp = tempfile::tempdir().unwrap();
    let counts = synth::write_site(&tmp.path().join("content"), 1, 1).unwrap();
    assert_eq!(
        [counts.agreements, counts.purchases, counts.courses, counts.requirements, counts.pages, counts.suppliers],
        [1, 1, 1, 1, 1, 5]
    );
}

#[test]
fn a_large_site_keeps_its_front_page_short() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    synth::write_site(&content, 600, 3).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_innkjop"))
        .args(["build", "--content"])
        .arg(&content)
        .args(["--theme", concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default"), "--today", "2026-11-26", "--output"])
        .arg(tmp.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let front = std::fs::read_to_string(tmp.path().join("public/index.html")).unwrap();
    let section = |id: &str| {
        let start = front.find(&format!("id=\"{id}\"")).unwrap();
        &front[start..start + front[start..].find("</section>").unwrap()]
    };
    let expiring = section("s-utloper");
    let link = expiring.find(" avtalene som utløper snart</a>").map(|end| &expiring[..end]);
    let all = link.and_then(|l| l.rsplit("Alle ").next()).and_then(|n| n.parse::<usize>().ok());
    let all = all.expect("a link to every agreement that expires soon");
    assert!(all > 8, "the synthetic site has more than eight expiring agreements ({all})");
    assert_eq!(expiring.matches("class=\"card\"").count(), 8);
    assert!(front.contains(&format!("<strong>{all}</strong> utløper snart")), "the key figure counts them all");
    assert!(section("s-nye").matches("class=\"card\"").count() <= 8);
    let timeline = section("s-tidslinje");
    assert!(timeline.contains("De 30 avtalene som utløper først, av "), "{}", &timeline[..300.min(timeline.len())]);
    assert!(front.len() < 300_000, "the front page is {} bytes", front.len());
}
