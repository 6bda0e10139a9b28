//! Rebuilds the program when a file of the built-in theme or the new-site skeleton is added,
//! changed or removed (the embedding macro only sees the files it embedded last time).

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/init/nytt");
    println!("cargo:rerun-if-changed=content");
}
