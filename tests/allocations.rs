//! What the library allocates, seen by an allocator that remembers the
//! largest block asked for: sizes, not times, so the checks are exact on
//! any machine. Each memory page a run touches costs a page fault, and a
//! block of megabytes that nothing needs costs thousands.
//!
//! One test in this binary: polars' shared buffers are made once per
//! process, and another test could have made them first.

// The allocator below only forwards to the system's and records sizes.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use rekindle::ledger::{Effects, Ledger};
use rekindle::{Export, Network, Options, metrics};

/// The system allocator, remembering the largest block since the last reset.
struct Largest;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to `System` with the caller's arguments.
unsafe impl GlobalAlloc for Largest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Largest = Largest;

/// The largest block `f` asks for, and what it gives.
fn largest_block<T>(f: impl FnOnce() -> T) -> (usize, T) {
    LARGEST.store(0, Ordering::Relaxed);
    let out = f();
    (LARGEST.load(Ordering::Relaxed), out)
}

#[test]
fn scoring_a_small_export_asks_for_no_block_of_megabytes() {
    let export = Export::open("../../data-samples/2026").unwrap();
    let network = Network::from_export(&export, &Options::default()).unwrap();
    // A ledger with a touch, a cadence and an ignore, and none at all:
    // polars once answered the all-null ledger columns of a join with its
    // shared 8 MiB zeroed buffer, written on first use.
    let ledger = Ledger::parse(
        "version = 1\n\
         [people.\"maya okonkwo-reyes\"]\nname = \"Maya Okonkwo-Reyes\"\n\
         touches = [{ on = 2026-09-01, how = \"coffee\" }]\ncadence_days = 7\nignored = true\n",
        "ledger.toml",
    )
    .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let with_ledger = Effects::new(&ledger, &network.people, today);
    assert_eq!(with_ledger.len(), 1, "{:?}", with_ledger.warnings());
    for (what, effects) in [("no ledger", Effects::none()), ("a ledger", with_ledger)] {
        let (largest, metrics) = largest_block(|| metrics::compute_with(&network, &effects));
        let metrics = metrics.unwrap();
        // It scored: somebody is neglected, and the ledger applied.
        assert!(metrics.rows.iter().any(|m| m.neglect > 0.0), "{what}");
        let ledgered = metrics.rows.iter().filter(|m| m.cadence_days.is_some());
        assert_eq!(ledgered.count(), usize::from(what == "a ledger"), "{what}");
        // A few dozen people: nothing near a megabyte.
        assert!(
            largest < 1 << 20,
            "{what}: scoring {} people asked for a block of {largest} bytes",
            metrics.rows.len()
        );
    }
}
