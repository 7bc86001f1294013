//! The whole pipeline on arbitrary bytes posing as an export zip: the archive
//! reader, every parser, the network, the metrics and every report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!(
        "rekindle-fuzz-{}/Complete_LinkedInDataExport_10-05-2026.zip",
        std::process::id()
    ));
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("temp folder");
    std::fs::write(&path, data).expect("temp file");
    if let Ok(export) = rekindle::Export::open(&path) {
        rekindle_fuzz_pipeline(&export);
    }
});

fn rekindle_fuzz_pipeline(export: &rekindle::Export) {
    let Ok(network) = rekindle::Network::from_export(export, &rekindle::Options::default()) else {
        return;
    };
    let Ok(metrics) = rekindle::metrics::compute(&network) else {
        return;
    };
    let _ = rekindle::reports::summary(&network, &metrics);
    let _ = rekindle::reports::neglected(&network, &metrics);
    let _ = rekindle::reports::strongest(&network, &metrics);
    let _ = rekindle::reports::unanswered(&network);
    let _ = rekindle::reports::never_contacted(&metrics);
    let _ = rekindle::reports::companies(&metrics, None);
    let _ = network.write_graphml(&mut std::io::sink());
}
