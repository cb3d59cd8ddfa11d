/// FNV-1a, 64 bits: how the compiled word table (`build.rs`) places a key
/// and how the cleaner finds it. Stable across runs and platforms.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The bucket of a key's [`fnv1a`] hash, of `buckets`: `build.rs` finds,
/// bucket by bucket, a displacement that gives every key of the bucket a
/// slot of its own, so that a look-up reads one slot.
pub fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(mix(hash), buckets)
}

/// The slot of a key's [`fnv1a`] hash, of `slots`, under its bucket's
/// displacement.
pub fn slot(hash: u64, displacement: u16, slots: usize) -> usize {
    reduce(
        mix(hash ^ u64::from(displacement).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
        slots,
    )
}

/// FNV-1a leaves its high bits poorly mixed for short keys.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ x >> 32
}

/// `x`'s high half scaled to `0..n`, without a division.
fn reduce(x: u64, n: usize) -> usize {
    (((x >> 32) * n as u64) >> 32) as usize
}
