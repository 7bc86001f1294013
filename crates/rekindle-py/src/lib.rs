//! `rekindle._rekindle`: the Rust half of the Python package. It embeds
//! [`rekindle::Analysis`] and nothing else: every answer is the library's,
//! every frame is [`rekindle::frames`]', every error message the CLI's.
//!
//! `python/rekindle/__init__.py` is the public face (`rekindle.open`);
//! `__init__.pyi` documents the same API for editors.
//!
//! To add a report: its frame in `rekindle::frames`, a method on
//! [`Analysis`] here, its stub in `__init__.pyi`, and its comparison with the
//! CLI's JSON in `tests/test_rekindle.py`. To add a module-level function
//! (one that reads two exports, say): a `#[pyfunction]` registered in
//! `_rekindle` below, re-exported from `__init__.py` (and in `__all__`).

use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyLookupError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use pyo3_polars::PyDataFrame;
use rekindle::polars::prelude::DataFrame;
use rekindle::{Error, Options, frames};

create_exception!(
    rekindle,
    ExportError,
    PyValueError,
    "An export that cannot be read: `.path` is the export as given, `.file` the file the \
     problem is in (or None), `.line` its line (or None). The message is the CLI's."
);

/// The message the CLI prints after `rekindle: `: the error, then each cause
/// it does not already show.
fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !message.ends_with(&text) {
            message += &format!(": {text}");
        }
        source = s.source();
    }
    message
}

/// The file and line an error is about, where it names them.
fn place(error: &Error) -> (Option<String>, Option<u64>) {
    match error {
        Error::NotFound { path }
        | Error::Io { path, .. }
        | Error::NotRegularFile { path, .. }
        | Error::NotZip { path, .. }
        | Error::UnknownFile { path }
        | Error::NoExportFiles { path }
        | Error::NestedZip { path, .. }
        | Error::SeveralExports { path, .. } => (Some(path.display().to_string()), None),
        Error::Read { file, line, .. } | Error::File { file, line, .. } => {
            (Some(file.clone()), *line)
        }
        Error::Strict { first, .. } => (Some(first.file.clone()), first.line),
        _ => (None, None),
    }
}

/// An error of reading `path` as a Python `ExportError` (person queries
/// that match nobody or several people are a `LookupError`).
fn to_python(py: Python<'_>, path: Option<&PathBuf>, error: &Error) -> PyErr {
    let message = chain(error);
    if matches!(error, Error::NoMatch { .. } | Error::SeveralMatch { .. }) {
        return PyLookupError::new_err(message);
    }
    let err = ExportError::new_err(message);
    let (file, line) = place(error);
    let value = err.value(py);
    let set = || -> PyResult<()> {
        value.setattr("path", path.map(|p| p.display().to_string()))?;
        value.setattr("file", file)?;
        value.setattr("line", line)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// A frame handed to Python polars.
fn py_frame(py: Python<'_>, frame: rekindle::Result<DataFrame>) -> PyResult<PyDataFrame> {
    frame.map(PyDataFrame).map_err(|e| to_python(py, None, &e))
}

/// A serialisable value as the Python objects `json.loads` makes of it: the
/// same keys and values as the CLI's `--format json`.
fn py_json<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(value)
        .map_err(|e| PyValueError::new_err(format!("cannot serialise: {e}")))?;
    py.import("json")?.call_method1("loads", (text,))
}

/// An export read and analysed: every report of it. Made by `rekindle.open`.
#[pyclass(module = "rekindle", frozen)]
struct Analysis {
    inner: rekindle::Analysis,
}

#[pymethods]
impl Analysis {
    /// Owner, as-of date, files, counts and warnings, as a dict.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_json(py, &self.inner.summary())
    }

    /// People you were close to and have let go cold, most worth rekindling first.
    fn neglected(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::relationships(&self.inner.neglected()))
    }

    /// Your strongest relationships that are active now, deepest first.
    fn strongest(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::relationships(&self.inner.strongest()))
    }

    /// Direct conversations where the other person wrote last, newest first.
    fn unanswered(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::unanswered(&self.inner.unanswered()))
    }

    /// Connections with no two-way exchange ever, newest first.
    fn never_contacted(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::never_contacted(&self.inner.never_contacted()))
    }

    /// Connections and depth per company; `company` keeps names containing it.
    #[pyo3(signature = (company=None))]
    fn companies(&self, py: Python<'_>, company: Option<&str>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::companies(&self.inner.companies(company)))
    }

    /// The per-person metrics table, one row per person.
    fn metrics(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        py_frame(py, frames::metrics(&self.inner.metrics().rows))
    }

    /// Everything about the one person whose name or profile URL contains `query`.
    fn person<'py>(&self, py: Python<'py>, query: &str) -> PyResult<Bound<'py, PyAny>> {
        let report = self
            .inner
            .person(query)
            .map_err(|e| to_python(py, None, &e))?;
        py_json(py, &report)
    }

    /// The relationship graph as two frames: `(nodes, edges)`.
    fn graph<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let (nodes, edges) =
            frames::graph(self.inner.network()).map_err(|e| to_python(py, None, &e))?;
        PyTuple::new(py, [PyDataFrame(nodes), PyDataFrame(edges)])
    }

    /// Rows skipped or values left empty: dicts of file, line, message, value.
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_json(py, &self.inner.warnings())
    }

    fn __repr__(&self) -> String {
        let s = self.inner.summary();
        format!(
            "<rekindle.Analysis of {} as of {}: {} connections, {} messages>",
            s.owner.name.as_deref().unwrap_or("an unnamed owner"),
            s.as_of,
            s.connections,
            s.messages
        )
    }
}

/// Reads and analyses the export at `path`; `rekindle.open` is the public
/// form (it takes a `datetime.date` too). The GIL is released while reading.
#[pyfunction]
#[pyo3(signature = (path, as_of=None, include_spam=false, redact=false, strict=false))]
fn _open(
    py: Python<'_>,
    path: PathBuf,
    as_of: Option<String>,
    include_spam: bool,
    redact: bool,
    strict: bool,
) -> PyResult<Analysis> {
    let read = || -> rekindle::Result<rekindle::Analysis> {
        let options = Options {
            as_of: as_of.as_deref().map(Options::parse_as_of).transpose()?,
            include_spam,
            redact,
            strict,
            ..Options::default()
        };
        rekindle::Analysis::open(&path, &options)
    };
    let inner = py
        .detach(read)
        .map_err(|e| to_python(py, Some(&path), &e))?;
    Ok(Analysis { inner })
}

/// The Rust extension of the `rekindle` package.
#[pymodule]
fn _rekindle(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analysis>()?;
    m.add_function(wrap_pyfunction!(_open, m)?)?;
    m.add("ExportError", m.py().get_type::<ExportError>())?;
    Ok(())
}
