"""The review store: editors' decisions and the findings each run showed, in SQLite (WAL) inside
the report folder. Every decision is a new row, never an update, so the history is the table and
two reviewers saving at once both keep theirs; each save is one committed transaction, so a
killed server loses nothing it had answered."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path

from checker.errors import InputError
from checker.records import Decision, Report, ReviewState, SeenFinding

STORE_NAME = "review.sqlite"
STATUSES = ("confirmed", "dismissed", "follow-up", "open")  # "open": reopened
MAX_NAME = 80
MAX_NOTE = 4000
BUSY_TIMEOUT_S = 30  # a writer waits this long for another to finish before giving up

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report TEXT NOT NULL, finding TEXT NOT NULL, status TEXT NOT NULL,
    reviewer TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_by_finding ON decisions (report, finding, id);
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT, report TEXT NOT NULL, digest TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sightings (
    snapshot INTEGER NOT NULL REFERENCES snapshots (id), finding TEXT NOT NULL, kind TEXT NOT NULL,
    doc_a TEXT NOT NULL, text_a TEXT NOT NULL, doc_b TEXT NOT NULL, text_b TEXT NOT NULL,
    PRIMARY KEY (snapshot, finding)
);
"""


class ReviewStore:
    def __init__(self, path: Path):
        self.path = path
        try:
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._db.executescript(_SCHEMA)
            except BaseException:
                self._db.close()  # else the file stays open until the garbage collector finds it
                raise
        except sqlite3.Error as exc:
            raise InputError(str(path), f"not a usable review store ({exc})") from None

    @classmethod
    def in_folder(cls, folder: Path) -> ReviewStore:
        return cls(store_path(folder))

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE takes the write lock up front, so a read-then-write cannot interleave."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def decide(self, report: str, finding: str, status: str, reviewer: str, note: str, at: str) -> Decision:
        reviewer, note = reviewer.strip(), note.strip()
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        if not reviewer or len(reviewer) > MAX_NAME:
            raise ValueError(f"a reviewer name of 1 to {MAX_NAME} characters is needed")
        if len(note) > MAX_NOTE:
            raise ValueError(f"a note has at most {MAX_NOTE} characters")
        with self._transaction() as db:
            db.execute(
                "INSERT INTO decisions (report, finding, status, reviewer, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                (report, finding, status, reviewer, note, at),
            )
        return Decision(finding, status, reviewer, note, at)

    def history(self, report: str) -> list[Decision]:
        """Every decision on the report's findings, oldest first."""
        rows = self._db.execute(
            "SELECT finding, status, reviewer, note, at FROM decisions WHERE report = ? ORDER BY id", (report,)
        )
        return [Decision(*row) for row in rows]

    def latest(self, report: str) -> dict[str, Decision]:
        return {d.finding: d for d in self.history(report)}

    def dismissed(self) -> list[SeenFinding]:
        """Findings of any report whose latest decision is 'dismissed', as last seen."""
        seen = {}
        for (report,) in self._db.execute("SELECT DISTINCT report FROM decisions ORDER BY report"):
            last_seen = self.seen(report)
            seen.update({f: last_seen[f] for f, d in self.latest(report).items() if d.status == "dismissed" and f in last_seen})
        return list(seen.values())

    def seen(self, report: str) -> dict[str, SeenFinding]:
        """Every finding any run of the report showed, as its latest run showed it."""
        rows = self._db.execute(
            "SELECT s.finding, s.kind, s.doc_a, s.text_a, s.doc_b, s.text_b FROM sightings s "
            "JOIN snapshots n ON n.id = s.snapshot WHERE n.report = ? ORDER BY n.id",
            (report,),
        )
        return {row[0]: SeenFinding(*row) for row in rows}

    def _snapshots(self, report: str) -> list[tuple[int, str]]:
        return list(self._db.execute("SELECT id, digest FROM snapshots WHERE report = ? ORDER BY id DESC", (report,)))

    def record(self, report: str, current: Iterable[SeenFinding], at: str) -> None:
        """Remember the findings a run shows; a run that shows the same set as the last adds nothing."""
        current = list(current)
        digest = _digest(current)
        with self._transaction() as db:
            snapshots = self._snapshots(report)
            if snapshots and snapshots[0][1] == digest:
                return
            snapshot = db.execute(
                "INSERT INTO snapshots (report, digest, at) VALUES (?, ?, ?)", (report, digest, at)
            ).lastrowid
            db.executemany(
                "INSERT INTO sightings VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(snapshot, f.id, f.kind, f.doc_a, f.text_a, f.doc_b, f.text_b) for f in current],
            )

    def state(self, report: str, current: Iterable[SeenFinding]) -> ReviewState:
        """Decisions, and which findings are new or resolved, for a run showing `current`,
        whether or not that run is recorded yet."""
        current_ids = {f.id for f in current}
        snapshots = self._snapshots(report)
        if snapshots and snapshots[0][1] == _digest(current):
            snapshots = snapshots[1:]
        new: frozenset[str] = frozenset()
        if snapshots:
            before = {row[0] for row in self._db.execute("SELECT finding FROM sightings WHERE snapshot = ?", (snapshots[0][0],))}
            new = frozenset(current_ids - before)
        decisions = self.latest(report)
        seen = self.seen(report)
        resolved = tuple((seen[f], decisions.get(f)) for f in sorted(set(seen) - current_ids))
        return ReviewState(decisions={f: d for f, d in decisions.items() if f in current_ids}, new=new, resolved=resolved)


def store_path(folder: Path) -> Path:
    return folder / STORE_NAME


def _digest(findings: Iterable[SeenFinding]) -> str:
    return hashlib.sha256("\n".join(sorted(f.id for f in findings)).encode()).hexdigest()


def with_decisions(report: Report, folder: Path) -> Report:
    """The report as it will be written into `folder`, with the decisions the store there holds
    on its findings (none before anyone reviewed: the store is created by `checker review`)."""
    path = store_path(folder)
    if not path.is_file():
        return report
    from checker.review.findings import (
        findings,  # loads the signals: only where a store is there
    )

    with closing(ReviewStore(path)) as store:
        return replace(report, review=store.state(report.name, [f.seen() for f in findings(report)]))


def record_run(report: Report, folder: Path) -> None:
    """Remember the run's findings once its report is written, so the next run can tell new ones."""
    path = store_path(folder)
    if path.is_file():
        from checker.review.findings import findings

        with closing(ReviewStore(path)) as store:
            store.record(report.name, [f.seen() for f in findings(report)], report.generated_at)
