//! Large read-mostly tables on transparent huge pages.
//!
//! The tagger's weight table is about ten megabytes read at random, a few
//! dozen reads per token: with 4 KiB pages nearly every read also misses the
//! TLB, and a page walk (two-dimensional under a hypervisor) costs more than
//! the read. On Linux, [`filled`] asks the kernel for 2 MiB pages
//! (`madvise(MADV_HUGEPAGE)`, honoured when transparent huge pages are set
//! to `always` or `madvise`) before the table is first written. Elsewhere,
//! or when the kernel declines, the table is an ordinary vector: the advice
//! changes speed only, never contents.

/// A vector of `n` copies of `v`, on huge pages where the system allows.
pub(crate) fn filled<T: Clone>(n: usize, v: T) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(n);
    advise(
        out.as_ptr() as usize,
        n.saturating_mul(std::mem::size_of::<T>()),
    );
    out.resize(n, v);
    out
}

/// Size of a huge page on the platforms that have them.
const HUGE_PAGE: usize = 2 << 20;

/// Advises huge pages for the whole huge pages inside `[start, start + len)`.
#[cfg(target_os = "linux")]
fn advise(start: usize, len: usize) {
    let lo = start.saturating_add(HUGE_PAGE - 1) & !(HUGE_PAGE - 1);
    let hi = start.saturating_add(len) & !(HUGE_PAGE - 1);
    if hi > lo {
        // SAFETY: `[lo, hi)` lies inside an allocation this process owns
        // (the vector's reserved capacity), and MADV_HUGEPAGE is advice on
        // how to back it: it neither frees, moves nor changes any memory.
        // Failure (e.g. transparent huge pages disabled) is harmless.
        unsafe {
            libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_start: usize, _len: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_is_an_ordinary_vector() {
        for n in [0, 1, 1000, (HUGE_PAGE * 2) / 8 + 3] {
            let v = filled(n, 7u64);
            assert_eq!(v.len(), n);
            assert!(v.iter().all(|&x| x == 7));
        }
        let v = filled(3, [1i16; 9]);
        assert_eq!(v, vec![[1i16; 9]; 3]);
    }
}
