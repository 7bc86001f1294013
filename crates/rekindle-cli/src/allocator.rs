//! How the binary asks glibc's allocator to give memory back.
//!
//! glibc serves a block of 128 KiB or more from its own mapping, unmapped
//! when freed, but raises that threshold to the size of each such block
//! freed (up to 32 MiB). Reading a large export grows vectors of tens of
//! MB and frees them once folded; with the moving threshold their later
//! copies land in the main heap, whose freed middle is never returned: at
//! 1M messages the process kept about 20 MB it no longer used. A fixed
//! threshold of 1 MiB keeps every large vector in its own mapping, given
//! back when freed, and leaves small allocations (the many short strings)
//! where they are fast. Measured in the commit that added this.

/// Fixes glibc's mapping threshold at 1 MiB. Call first in `main`, before
/// any thread starts. A no-op on other C libraries.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// Blocks this large or larger get their own mapping.
        const MMAP_THRESHOLD: libc::c_int = 1 << 20;
        // SAFETY: `mallopt` only sets a malloc parameter; it is called
        // before any other thread exists, with a parameter and a value
        // glibc documents (M_MMAP_THRESHOLD, at most 32 MiB on 64 bits).
        #[allow(unsafe_code)]
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        }
    }
}
