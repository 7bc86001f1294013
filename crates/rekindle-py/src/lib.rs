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

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pyo3::create_exception;
use pyo3::exceptions::{PyLookupError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use pyo3_polars::PyDataFrame;
use rekindle::ledger::Ledger;
use rekindle::plan::PlanOptions;
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
        Error::Ledger { path, line, .. } => {
            (Some(path.display().to_string()), line.map(|l| l as u64))
        }
        Error::LedgerWrite { path, .. } => (Some(path.display().to_string()), None),
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

/// The user's ledger at `path` as of `today` (`YYYY-MM-DD`, the caller's
/// local day), as the CLI's `--ledger FILE` reads it: a file that does not
/// exist is no ledger; one that does not parse is an error.
fn read_ledger(
    path: Option<&Path>,
    today: Option<&str>,
) -> rekindle::Result<Option<(Ledger, NaiveDate)>> {
    let Some(path) = path.filter(|p| p.exists()) else {
        return Ok(None);
    };
    let ledger = rekindle::ledger::store::load(path)?;
    let today = Options::parse_as_of(today.unwrap_or_default())?;
    Ok(Some((ledger, today)))
}

/// Reads and analyses the export at `path` with the ledger, if any.
fn load(
    path: &Path,
    options: &Options,
    ledger: Option<&(Ledger, NaiveDate)>,
) -> rekindle::Result<rekindle::Analysis> {
    match ledger {
        Some((ledger, today)) => {
            rekindle::Analysis::open_with_ledger(path, options, ledger, *today)
        }
        None => rekindle::Analysis::open(path, options),
    }
}

/// The options of `rekindle.open` / `rekindle.diff` (as-of day parsed).
fn options(
    as_of: Option<&str>,
    include_spam: bool,
    redact: bool,
    strict: bool,
) -> rekindle::Result<Options> {
    Ok(Options {
        as_of: as_of.map(Options::parse_as_of).transpose()?,
        include_spam,
        redact,
        strict,
        ..Options::default()
    })
}

/// An export read and analysed: every report of it. Made by `rekindle.open`.
#[pyclass(module = "rekindle", frozen)]
struct Analysis {
    inner: rekindle::Analysis,
    /// The export as given, for the messages of `plan(since=...)`.
    path: PathBuf,
    /// How it was read: an older export for `plan(since=...)` is read alike.
    options: Options,
    /// The ledger it was read with, applied to an older export too.
    ledger: Option<(Ledger, NaiveDate)>,
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

    /// What to do this week, and why now: the items of `rekindle plan --format json`,
    /// same columns in the same order (reply, congratulate, reciprocate, follow up,
    /// ask, reconnect; one item per person).
    ///
    /// `since`: the path of an older export of yours (as `plan --since OLD`); its job
    /// changes add "congratulate" items. It is read with this analysis' options and
    /// ledger, as of its own date; it must be the older one and cannot be combined
    /// with `redact` (`ValueError` otherwise). `limit`: at most this many items (the
    /// CLI's `--limit`, default 7); 0 means every candidate.
    ///
    /// `also` is a `list[str]`, `gave` a `list[struct{what, skill, date}]`. Raises
    /// `ExportError` when `since` cannot be read.
    #[pyo3(signature = (since=None, *, limit=rekindle::plan::DEFAULT_LIMIT))]
    fn plan<'py>(
        &self,
        py: Python<'py>,
        since: Option<PathBuf>,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let older = match since {
            None => None,
            Some(_) if self.options.redact => {
                // Pseudonyms differ between two exports: a redacted pair cannot be matched.
                return Err(PyValueError::new_err(
                    "since cannot be combined with redact",
                ));
            }
            Some(since) => {
                let options = Options {
                    as_of: None,
                    ..self.options.clone()
                };
                let older = py
                    .detach(|| load(&since, &options, self.ledger.as_ref()))
                    .map_err(|e| to_python(py, Some(&since), &e))?;
                let (old, new) = (older.network().as_of, self.inner.network().as_of);
                if old > new {
                    return Err(PyValueError::new_err(format!(
                        "since {} is the newer export ({old} after {new}): give the older one",
                        since.display()
                    )));
                }
                Some(older)
            }
        };
        let items = self
            .inner
            .plan(&PlanOptions {
                since: older.as_ref(),
                limit,
            })
            .map_err(|e| to_python(py, Some(&self.path), &e))?;
        let frame = py_frame(py, frames::plan(&items))?;
        // `gave` is JSON text in the library's frame: Python polars types it.
        py.import("rekindle._frames")?
            .call_method1("plan", (frame,))
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
/// form (it takes a `datetime.date` too, and passes `today`, the local day
/// a ledger is applied as of). The GIL is released while reading.
#[pyfunction]
#[pyo3(signature = (path, as_of=None, include_spam=false, redact=false, strict=false, ledger=None, today=None))]
#[allow(clippy::too_many_arguments)] // the keywords of `rekindle.open`, one each
fn _open(
    py: Python<'_>,
    path: PathBuf,
    as_of: Option<String>,
    include_spam: bool,
    redact: bool,
    strict: bool,
    ledger: Option<PathBuf>,
    today: Option<String>,
) -> PyResult<Analysis> {
    let read = || -> rekindle::Result<Analysis> {
        let options = options(as_of.as_deref(), include_spam, redact, strict)?;
        // A ledger that does not parse stops here, before any reading (as the CLI).
        let ledger = read_ledger(ledger.as_deref(), today.as_deref())?;
        let inner = load(&path, &options, ledger.as_ref())?;
        Ok(Analysis {
            inner,
            path: path.clone(),
            options,
            ledger,
        })
    };
    py.detach(read).map_err(|e| to_python(py, Some(&path), &e))
}

/// What changed from one export to another, as `rekindle diff A B` reads
/// them (either order: the older is found by its date): `(note, header,
/// sections)`, `note` the CLI's stderr line when `b` was the older, `header`
/// the JSON's non-list keys, `sections` `[(name, frame)]`. `rekindle.diff`
/// is the public form. The GIL is released while reading.
#[pyfunction]
#[pyo3(signature = (a, b, include_spam=false, redact=false, strict=false, ledger=None, today=None))]
#[allow(clippy::too_many_arguments)] // the keywords of `rekindle.diff`, one each
fn _diff<'py>(
    py: Python<'py>,
    a: PathBuf,
    b: PathBuf,
    include_spam: bool,
    redact: bool,
    strict: bool,
    ledger: Option<PathBuf>,
    today: Option<String>,
) -> PyResult<Bound<'py, PyTuple>> {
    // Pseudonyms are given after the diff: those of two exports do not match.
    let options =
        options(None, include_spam, false, strict).map_err(|e| to_python(py, None, &e))?;
    let ledger = read_ledger(ledger.as_deref(), today.as_deref())
        .map_err(|e| to_python(py, Some(&a), &e))?;
    let read = |path: &PathBuf| {
        py.detach(|| load(path, &options, ledger.as_ref()))
            .map_err(|e| to_python(py, Some(path), &e))
    };
    let (first, second) = (read(&a)?, read(&b)?);
    let (mut diff, swapped) =
        rekindle::Analysis::diff_any_order(&first, &second).map_err(|e| to_python(py, None, &e))?;
    let note = swapped.then(|| {
        format!(
            "{} is the older export ({} before {}); comparing it to {}",
            b.display(),
            diff.old.as_of,
            diff.new.as_of,
            a.display()
        )
    });
    if redact {
        diff.redact();
    }
    let frames = frames::diff(&diff).map_err(|e| to_python(py, None, &e))?;
    let sections = frames
        .sections
        .into_iter()
        .map(|(name, df)| (name, PyDataFrame(df)))
        .collect::<Vec<_>>();
    let header = py_json(py, &frames.header)?;
    (note, header, PyList::new(py, sections)?).into_pyobject(py)
}

/// The Rust extension of the `rekindle` package.
#[pymodule]
fn _rekindle(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analysis>()?;
    m.add_function(wrap_pyfunction!(_open, m)?)?;
    m.add_function(wrap_pyfunction!(_diff, m)?)?;
    m.add("ExportError", m.py().get_type::<ExportError>())?;
    Ok(())
}
