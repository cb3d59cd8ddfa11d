//! One small sort for the cleaner's own sorts.
//!
//! The standard library's sorts are instantiated anew for every element
//! type and comparison they are called with, 5 to 9 KB of wasm each
//! (driftsort for `sort_by`, ipnsort for `sort_unstable`); the cleaner's
//! sorts are of block indices, line lengths and a text's words, a few
//! hundred at most, for which a heapsort of a few hundred bytes does as
//! well. Not stable: callers whose equal elements differ break ties
//! themselves (by index), so that the order is the one a stable sort gave.

/// Sorts `v` by `less`, a strict total order, in place: O(n log n) at
/// worst, no allocation.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    // Sinks v[root] into the max-heap of v[..end].
    let mut sift = |v: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            break;
        }
        v.swap(root, child);
        root = child;
    };
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_as_the_standard_sort_does() {
        let mut x: u64 = 0x853c_49e6_748f_ea9b;
        for n in 0..300 {
            let v: Vec<u32> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % 50) as u32
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a < b);
            let mut standard = v.clone();
            standard.sort_unstable();
            assert_eq!(ours, standard);
            // Ties broken by position: the order of a stable sort.
            let mut ours: Vec<usize> = (0..v.len()).collect();
            sort_by(&mut ours, |&a, &b| (v[b], a) < (v[a], b));
            let mut stable: Vec<usize> = (0..v.len()).collect();
            stable.sort_by(|&a, &b| v[b].cmp(&v[a]));
            assert_eq!(ours, stable);
        }
    }
}
