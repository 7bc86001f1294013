//! `--format parquet`: the library's frames ([`rekindle::frames`], the same
//! the Python package returns) written by polars as Parquet files, for
//! DuckDB, Spark, pandas and polars. Parquet is binary, so it only goes to a
//! file named with `-o`, never to a terminal; each file is written next to
//! its final name and renamed into place, so a reader never sees half of one,
//! and never over (or into) the export being read.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use polars_io::parquet::write::ParquetWriter;
use rekindle::polars::prelude::DataFrame;
use rekindle::{Network, PersonMetrics, frames};

use crate::output::Failure;

/// The `-o` path Parquet needs, or the error saying so.
pub fn required(output: Option<&Path>, what: &str) -> Result<PathBuf, Failure> {
    output.map(Path::to_path_buf).ok_or_else(|| {
        format!("--format parquet writes binary data: name the {what} with -o (it never goes to the terminal)").into()
    })
}

/// `rekindle metrics --format parquet -o FILE`: the metrics rows as one file.
pub fn write_metrics(
    rows: &[PersonMetrics],
    input: &Path,
    output: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut frame = frames::metrics(rows)?;
    write_frame(&mut frame, input, output)?;
    writeln!(out, "Wrote {} ({} rows).", output.display(), frame.height())?;
    Ok(())
}

/// `rekindle graph --format parquet -o DIR`: `DIR/nodes.parquet` and
/// `DIR/edges.parquet` (the folder is made if missing).
pub fn write_graph(
    network: &Network,
    input: &Path,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (mut nodes, mut edges) = frames::graph(network)?;
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{}: not a folder (graph --format parquet writes nodes.parquet and edges.parquet into one)",
            dir.display()
        )
        .into());
    }
    refuse_input(input, dir)?;
    fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot make the folder: {e}", dir.display()))?;
    for (name, frame) in [("nodes.parquet", &mut nodes), ("edges.parquet", &mut edges)] {
        let path = dir.join(name);
        write_frame(frame, input, &path)?;
        writeln!(out, "Wrote {} ({} rows).", path.display(), frame.height())?;
    }
    Ok(())
}

/// Refuses a target that is the export, or inside the export's folder.
fn refuse_input(input: &Path, target: &Path) -> Result<(), Failure> {
    let Ok(input) = input.canonicalize() else {
        return Ok(());
    };
    // The target may not exist yet: resolve its nearest existing ancestor.
    let mut existing = target.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = if parent.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    parent.to_path_buf()
                };
            }
            _ => break,
        }
    }
    let Ok(mut resolved) = existing.canonicalize() else {
        return Ok(());
    };
    resolved.extend(rest.into_iter().rev());
    if resolved == input || (input.is_dir() && resolved.starts_with(&input)) {
        return Err(format!(
            "{}: is the export being read, or inside it: write elsewhere",
            target.display()
        )
        .into());
    }
    Ok(())
}

/// Writes `frame` to `path` through a temporary file beside it, renamed into place.
fn write_frame(frame: &mut DataFrame, input: &Path, path: &Path) -> Result<(), Failure> {
    refuse_input(input, path)?;
    let cannot = |e: &dyn std::fmt::Display| -> Failure {
        format!("{}: cannot write: {e}", path.display()).into()
    };
    if path.is_dir() {
        return Err(cannot(&"is a folder"));
    }
    let name = path
        .file_name()
        .ok_or_else(|| cannot(&"not a file name"))?
        .to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> Result<(), Failure> {
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        let mut sink = BufWriter::new(file);
        ParquetWriter::new(&mut sink).finish(frame)?;
        let file = sink.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&temporary, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(|e| cannot(&e))
}
