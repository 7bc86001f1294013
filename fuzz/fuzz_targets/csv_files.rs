//! Each CSV parser on arbitrary bytes (the first byte picks the file), then
//! the rest of the pipeline on what it read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rekindle::{Export, FileKind, Network, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, csv)) = data.split_first() else {
        return;
    };
    let kind = FileKind::ALL[pick as usize % FileKind::ALL.len()];
    let mut export = Export::default();
    if export.read_file(kind, kind.file_name(), csv).is_err() {
        return;
    }
    let Ok(network) = Network::from_export(&export, &Options::default()) else {
        return;
    };
    if let Ok(metrics) = rekindle::metrics::compute(&network) {
        let _ = rekindle::reports::summary(&network, &metrics);
        let _ = rekindle::reports::neglected(&network, &metrics);
        let _ = rekindle::reports::unanswered(&network);
    }
});
