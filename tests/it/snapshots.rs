//! Snapshots of representative pages and of the error output.

use super::support::*;

fn main_html(path: &str) -> String {
    main_of(&built_sample().read(path)).to_string()
}

#[test]
fn front_page() {
    insta::assert_snapshot!(main_html("public/index.html"));
}

#[test]
fn agreement_page() {
    insta::assert_snapshot!(main_html("public/rammeavtaler/medisinsk-forbruksmateriell/index.html"));
}

#[test]
fn planned_purchases_list() {
    insta::assert_snapshot!(main_html("public/planlagte-innkjop/index.html"));
}

#[test]
fn course_page() {
    let site = built_sample();
    let first =
        html_files(&site.path("public/kurs")).into_iter().find(|p| p.components().count() == 2).expect("a course");
    insta::assert_snapshot!(main_html(&format!("public/kurs/{}", first.display())));
}

#[test]
fn page_head_and_footer() {
    let html = built_sample().read("public/kurs/index.html");
    let main_start = html.find("<main").expect("main");
    let footer = html.find("<footer").expect("footer");
    insta::assert_snapshot!(format!("{}\n[...]\n{}", &html[..main_start], &html[footer..]));
}

#[test]
fn error_output_for_several_mistakes_at_once() {
    let site = TestSite::from_content(&project_dir().join("tests/fixtures/minimal"));
    let agreement = site.read("content/rammeavtaler/kontorrekvisita.md");
    let broken = agreement
        .replacen("gyldig_til:", "gyldig_tl:", 1)
        .replacen("kategori: kontor", "kategori: kontorr", 1)
        .replacen("ehandel: true", "ehandel: ja", 1);
    site.write("content/rammeavtaler/kontorrekvisita.md", &broken);
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stderr);
}
