//! Property test: sample files, mutated thousands of ways (flipped bytes,
//! stray quotes, cut and doubled ranges, CRLF, NUL, truncation), never make
//! the library panic, and every warning names its file. A deterministic
//! complement to the cargo-fuzz targets in `fuzz/`, cheap enough for CI.
#![allow(clippy::unwrap_used)] // a test may panic; the code under test may not

use std::path::Path;

use rekindle::{Export, FileKind, Network, Options, metrics, reports};

/// xorshift64*: deterministic, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, b'"'),
            2 => out.insert(at, b','),
            3 => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(64)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
            5 => {
                out.splice(at..at, *b"\r\n");
            }
            6 => out.insert(at, [0u8, 0xFF, 0xC3, b'\n'][rng.below(4)]),
            _ => out.truncate(at),
        }
    }
    out
}

fn pipeline(export: &Export) {
    for w in &export.warnings {
        assert!(!w.file.is_empty(), "a warning without a file: {w}");
    }
    let Ok(network) = Network::from_export(export, &Options::default()) else {
        return;
    };
    let metrics = metrics::compute(&network).expect("metrics never fail on parsed input");
    reports::summary(&network, &metrics);
    reports::neglected(&network, &metrics);
    reports::strongest(&network, &metrics);
    reports::unanswered(&network);
    reports::never_contacted(&metrics);
    network.write_graphml(&mut std::io::sink()).unwrap();
}

fn sample(era: &str, file: &str) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data-samples")
        .join(era);
    let export = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::read(export.join(file)).unwrap()
}

#[test]
fn mutated_csv_files_never_panic() {
    let cases = [
        ("2026", "messages.csv", FileKind::Messages),
        ("2020", "messages.csv", FileKind::Messages),
        ("2026", "Connections.csv", FileKind::Connections),
        ("2021", "Connections.csv", FileKind::Connections),
        ("2026", "Invitations.csv", FileKind::Invitations),
        (
            "2026",
            "Endorsement_Received_Info.csv",
            FileKind::EndorsementsReceived,
        ),
        (
            "2024",
            "Recommendations_Given.csv",
            FileKind::RecommendationsGiven,
        ),
        ("2026", "Profile.csv", FileKind::Profile),
    ];
    let mut rng = Rng(0x5EED_2026);
    for (era, file, kind) in cases {
        let original = sample(era, file);
        for _ in 0..60 {
            let bytes = mutate(&original, &mut rng);
            let mut export = Export {
                export_name: "Complete_LinkedInDataExport_10-05-2026".into(),
                ..Export::default()
            };
            // An unreadable file is an error, which is fine; a panic is not.
            if export.read_file(kind, file, &bytes[..]).is_ok() {
                pipeline(&export);
            }
        }
    }
}

#[test]
fn mutated_zips_never_panic() {
    let zip = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data-samples/zips/Complete_LinkedInDataExport_10-05-2026.zip");
    let original = std::fs::read(zip).unwrap();
    let dir = std::env::temp_dir().join(format!("rekindle-mutations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("Complete_LinkedInDataExport_10-05-2026.zip");
    let mut rng = Rng(0xB0B_2026);
    for _ in 0..150 {
        std::fs::write(&path, mutate(&original, &mut rng)).unwrap();
        if let Ok(export) = Export::open(&path) {
            pipeline(&export);
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}
