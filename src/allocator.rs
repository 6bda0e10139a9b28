//! The memory allocator of the binaries (not of the library): mimalloc, which keeps freed
//! memory for the whole of a build and hands it back soon while the preview server runs,
//! with transparent huge pages off.
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

/// The delays this module sets: never purge, and purge after 10 ms.
const KEEP: std::ffi::c_long = -1;
const SOON: std::ffi::c_long = 10;

/// Keeps freed memory for reuse instead of purging it; for runs that end (a build), not for
/// the preview server.
pub fn keep_freed_memory() {
    small_pages_only();
    set_purge_delay(KEEP);
}

/// Gives freed memory back to the system 10 ms after it is freed: for the preview server,
/// which lives long and works in bursts (a save, then the exports and the search index in the
/// background). With the default of a second, memory freed on one thread was not yet free for
/// the next burst on another, and the server's peak grew by a fifth at 2,000 items.
pub fn return_freed_memory_soon() {
    small_pages_only();
    set_purge_delay(SOON);
}

/// Turns transparent huge pages off for this process (Linux). mimalloc asks for them, and the
/// kernel then zeroes 2 MiB at the first touch of each: at 10,000 items a build spent about
/// 4 CPU-seconds in the kernel, most of it zeroing, and 1.6 without them, with a fifth less
/// memory. Applies to every page touched from now on, including mimalloc's first arena.
#[allow(unsafe_code)]
fn small_pages_only() {
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and touches no memory of ours;
    // a failure (an old kernel) leaves huge pages on, which is only slower.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[allow(unsafe_code)]
fn set_purge_delay(delay: std::ffi::c_long) {
    // SAFETY: plain reads and writes of mimalloc's option table, by a valid option number.
    // The option is changed only when it holds its default or one of our values, so a
    // renumbered enum changes nothing.
    unsafe {
        if [PURGE_DELAY_DEFAULT, KEEP, SOON].contains(&libmimalloc_sys::mi_option_get(PURGE_DELAY)) {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, delay);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_takes_effect() {
        // SAFETY: a read of mimalloc's option table by a valid option number.
        let delay = || unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        super::return_freed_memory_soon();
        assert_eq!(delay(), 10, "the preview server's delay took effect");
        super::keep_freed_memory();
        assert_eq!(delay(), -1, "the build's delay took effect");
    }

    #[test]
    #[cfg(target_os = "linux")]
    #[allow(unsafe_code)]
    fn transparent_huge_pages_are_off() {
        super::keep_freed_memory();
        // SAFETY: prctl with PR_GET_THP_DISABLE reads a flag of this process.
        let disabled = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(disabled, 1);
    }
}
