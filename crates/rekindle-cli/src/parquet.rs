//! `--format parquet`: the library's frames ([`rekindle::frames`], the same
//! the Python package returns) written by polars as Parquet files, for
//! DuckDB, Spark, pandas and polars. Parquet is binary, so it only goes to a
//! file named with `-o`, never to a terminal; each file is written next to
//! its final name and renamed into place, so a reader never sees half of one,
//! and never over (or into) the export being read.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use polars_io::parquet::write::ParquetWriter;
use rekindle::polars::prelude::DataFrame;
use rekindle::{Network, PersonMetrics, frames};

use crate::output::Failure;
use crate::output_file::Target;

/// The `-o` path Parquet needs (`-` is no path: binary never goes to
/// standard output), or the error saying so.
pub fn required(output: Option<&Path>, what: &str) -> Result<PathBuf, Failure> {
    output
        .filter(|p| p.as_os_str() != "-")
        .map(Path::to_path_buf)
        .ok_or_else(|| {
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
    // The folder is checked as its first file will be, before it is made.
    Target::resolve(Some(&dir.join("nodes.parquet")), input)?;
    fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot make the folder: {e}", dir.display()))?;
    for (name, frame) in [("nodes.parquet", &mut nodes), ("edges.parquet", &mut edges)] {
        let path = dir.join(name);
        write_frame(frame, input, &path)?;
        writeln!(out, "Wrote {} ({} rows).", path.display(), frame.height())?;
    }
    Ok(())
}

/// Writes `frame` to `path` as the other outputs are written
/// ([`Target`]): never the export or into it, through a temporary file
/// renamed into place.
fn write_frame(frame: &mut DataFrame, input: &Path, path: &Path) -> Result<(), Failure> {
    let target = Target::resolve(Some(path), input)?;
    target.write(&mut std::io::sink(), |sink| {
        ParquetWriter::new(sink)
            .finish(frame)
            .map(|_| ())
            .map_err(std::io::Error::other)
    })
}
