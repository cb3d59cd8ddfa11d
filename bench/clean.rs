//! Micro-benchmarks of `clean`, native: the seed paste (a German news page,
//! a typical small input) and 1 MB synthetic pages as HTML and as text.
//!
//!     cargo bench --bench clean
//!
//! `npm run bench -- --criterion` runs them too and reads their estimates.

// criterion is a native-only dev-dependency; the wasm32 clippy pass over all
// targets still builds this file, as an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use article_cleaner::{clean, InputKind, Options};
    use criterion::{criterion_group, Criterion, Throughput};

    use article_cleaner_testkit::synthetic;

    const SEED: &str = include_str!("../tests/fixtures/heute-kasachstan/input.txt");

    fn options(input: InputKind) -> Options {
        Options {
            input,
            ..Options::default()
        }
    }

    fn seed(c: &mut Criterion) {
        let mut group = c.benchmark_group("clean");
        group.throughput(Throughput::Bytes(SEED.len() as u64));
        let text = options(InputKind::Text);
        group.bench_function("seed paste (text)", |b| {
            b.iter(|| clean(black_box(SEED), &text).unwrap())
        });
        group.finish();
    }

    fn synthetic_1mb(c: &mut Criterion) {
        let mut group = c.benchmark_group("clean");
        // 0.1 to 0.2 s a call: criterion's default 100 samples would take
        // minutes.
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(10));
        for (name, kind, input) in [
            (
                "synthetic 1 MB html",
                synthetic::Kind::Html,
                InputKind::Html,
            ),
            (
                "synthetic 1 MB text",
                synthetic::Kind::Text,
                InputKind::Text,
            ),
        ] {
            let page = synthetic::page(kind, 1_000_000);
            let options = options(input);
            group.throughput(Throughput::Bytes(page.len() as u64));
            group.bench_function(name, |b| {
                b.iter(|| clean(black_box(&page), &options).unwrap())
            });
        }
        group.finish();
    }

    criterion_group!(benches, seed, synthetic_1mb);
}
