//! The memory allocator of the binaries (not of the library): mimalloc, which never hands
//! freed memory back to the system during a run.
//!
//! A build allocates many small strings and maps (Markdown, templates, the search index);
//! with the system allocator, malloc and free were a fifth of the profile. With mimalloc's
//! default of returning freed memory after a delay, a large build spent another fifth of its
//! time faulting the same memory back in; keeping it cuts page faults about a hundredfold.
//! Included by `main.rs`, the benchmark and the examples with `#[path]`.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the mimalloc that libmimalloc-sys 0.1.49 builds (pinned in
/// Cargo.toml, so the number cannot change under us); its default there is 1000 ms.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
const PURGE_DELAY_DEFAULT: std::ffi::c_long = 1000;

/// Keeps freed memory for reuse instead of purging it; for runs that end (a build), not for
/// the preview server.
#[allow(unsafe_code)]
pub fn keep_freed_memory() {
    // SAFETY: plain reads and writes of mimalloc's option table, by a valid option number.
    // The option is changed only when it holds its default, so a renumbered enum changes nothing.
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY) == PURGE_DELAY_DEFAULT {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, -1);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn freed_memory_is_kept() {
        super::keep_freed_memory();
        // SAFETY: a read of mimalloc's option table by a valid option number.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) }, -1, "the option took effect");
    }
}
