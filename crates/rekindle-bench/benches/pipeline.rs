//! Criterion benchmarks of each stage and of `neglected` end to end, beside
//! the floor (inflate and walk every record once), on generated exports of
//! 30,000 connections and 20k, 200k and 1M messages.
//!
//! `cargo bench -p rekindle-bench` (sizes: `REKINDLE_BENCH_MESSAGES=20000,200000`).
//! Generated zips are cached under `target/bench-exports/`.

use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rekindle::{Export, Network, Options, metrics, reports};

fn sizes() -> Vec<usize> {
    std::env::var("REKINDLE_BENCH_MESSAGES")
        .unwrap_or_else(|_| "20000,200000,1000000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// The zip for `messages` messages, generated once.
fn export_zip(messages: usize) -> PathBuf {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).expect("a date");
    let spec = rekindle_gen::Spec::new(30_000, messages, 7, date);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/bench-exports")
        .join(messages.to_string());
    let zip = dir.join(format!("{}.zip", spec.export_name()));
    if !zip.exists() {
        rekindle_gen::write_export(&spec, &dir).expect("generate the export");
    }
    zip
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for messages in sizes() {
        let zip = export_zip(messages);
        let export = Export::open(&zip).expect("open");
        let network = Network::from_export(&export, &Options::default()).expect("network");
        group.bench_with_input(BenchmarkId::new("floor", messages), &zip, |b, zip| {
            b.iter(|| rekindle_bench::walk_floor(zip).expect("floor"))
        });
        group.bench_with_input(BenchmarkId::new("parse", messages), &zip, |b, zip| {
            b.iter(|| Export::open(zip).expect("open"))
        });
        group.bench_with_input(
            BenchmarkId::new("network", messages),
            &export,
            |b, export| {
                b.iter(|| Network::from_export(export, &Options::default()).expect("network"))
            },
        );
        group.bench_with_input(
            BenchmarkId::new("metrics", messages),
            &network,
            |b, network| b.iter(|| metrics::compute(network).expect("metrics")),
        );
        group.bench_with_input(BenchmarkId::new("neglected", messages), &zip, |b, zip| {
            b.iter(|| {
                let export = Export::open(zip).expect("open");
                let network = Network::from_export(&export, &Options::default()).expect("network");
                let metrics = metrics::compute(&network).expect("metrics");
                reports::neglected(&network, &metrics)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
