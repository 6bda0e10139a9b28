//! The memory allocator of the binaries (not of the library): mimalloc. A build allocates many
//! small strings and maps (Markdown, templates, the search index); with the system allocator,
//! malloc and free were a fifth of the profile. Built without transparent huge pages (the
//! `no_thp` feature; the figures are beside it in Cargo.toml). Included by `main.rs`, the
//! benchmark and the examples with `#[path]`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
