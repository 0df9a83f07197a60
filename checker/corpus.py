"""Corpus stage: files -> Articles with metadata, detected language and the spans that are not prose.

Reading files is this module's edge (`read_corpus`); `build_article` is pure and takes text.
Nothing is deleted from the text: furniture, markup and headings are recorded as removed spans,
so every later offset still points into the original and the report can show what was dropped.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re
import stat
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from babel.dates import get_month_names
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from checker.clutter import clutter_spans, html_article
from checker.errors import InputError
from checker.names import place_names, town_names
from checker.normalize import normalize
from checker.records import Article, Line, RemovedSpan
from checker.signals.dates import LANGUAGES, date_mentions, weekday_names
from checker.signals.text import fold, stopwords, title_cased
from checker.yamlfile import load_schema, node_lines, read_yaml, validate

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")  # HTML: the article is extracted (clutter.py)
RECORD_SUFFIXES = (".json", ".jsonl")
SOURCES_FILE = "sources.yaml"
METADATA_KEYS = ("source", "url", "language", "date", "title")
_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
# How a sentence ends: Latin and full-width (CJK) stops, closing marks after them, spaced or not
# (tokenised copy writes 'undertaken. "').
TERMINAL = re.compile(r"[.!?…:;。！？｡](?:\s*[\"'”“»«)\]*_」』）])*\s*$")
# Languages that write a day as an ordinal with a dot ("3. Februar"): not a numbered list item.
_ORDINAL_DAY_LOCALES = ("de", "da", "nb", "fi", "cs", "sk", "pl", "sl", "hr")
_MONTHS = sorted(
    {
        name.casefold().rstrip(".")
        for locale in _ORDINAL_DAY_LOCALES
        for width in ("wide", "abbreviated")
        for name in get_month_names(width, locale=locale, context="format").values()
    },
    key=len,
    reverse=True,
)
# "- ", "* ", "• ", "1. ", "2) " at the start of a list item: a list item is prose, not a heading.
LIST_MARKER = re.compile(
    rf"(?:[-*•‣◦–]|\d{{1,2}}\)|\d{{1,2}}\.(?!\s*(?:{'|'.join(map(re.escape, _MONTHS))})\b))[ \t]+(?=\S)",
    re.IGNORECASE,
)
_LOOKS_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*[\s>/]|/[a-zA-Z]|!--)")
_MAX_HEADING_WORDS = 25
# What may stand around a dateline's day: places and a dash before it, maybe an article ("BAM,
# Iran, Dec. 26", "Paris, le 5 mai"); a place, a time and a zone after it ("10:30 a.m. EST").
# Possessive runs: a long line of figures is read once, not in every split of it.
_PLACE = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3}"
_CAPITAL = "(?-i:[A-ZÀ-ÖØ-Þ])"
_DATELINE_BEFORE = re.compile(
    rf"\W*+(?:(?=[^\W\d_])({_CAPITAL}{_PLACE})(?:\s*,\s*{_CAPITAL}{_PLACE})*\s*[-–—,|:]\s*([^\W\d_]+\s+)?)?\W*+")
_DATELINE_AFTER = re.compile(
    rf"[\W\d]*+(?:{_CAPITAL}{_PLACE})?[\W\d]*+(?:[ap]\.?m\.?|uhr|h)?\W*+(?-i:[A-Z]{{2,4}})?\W*+", re.IGNORECASE)
DATELINE_SPAN = 80  # characters at most on either side of a dateline's day: it gives little else


def read_corpus(folder: Path, max_file_bytes: int) -> list[Article]:
    """Load every .txt/.md/.json/.jsonl file of `folder` (not recursive), sorted by file name."""
    if not folder.exists():
        raise InputError(str(folder), "no such folder")
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder")
    metadata = _read_sources(folder / SOURCES_FILE)
    files = sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in TEXT_SUFFIXES + RECORD_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise InputError(str(folder), "no article files (.txt, .md, .html, .json, .jsonl) in this folder")
    unknown = sorted(set(metadata) - {p.name for p in files} - {p.stem for p in files})
    if unknown:
        raise InputError(str(folder / SOURCES_FILE), f"names files that are not in the corpus: {', '.join(unknown)}")
    articles: list[Article] = []
    for path in files:
        text = _read_text(path, max_file_bytes)
        meta = metadata.get(path.name) or metadata.get(path.stem) or {}
        if path.suffix.lower() in TEXT_SUFFIXES:
            records = [(path.stem, text, {})]
        else:
            records = _parse_records(path, text)
        for doc_id, body, record_meta in records:
            articles.append(build_article(doc_id, str(path), body, {**meta, **record_meta}))
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise InputError(article.path, f"document id '{article.id}' is used twice in the corpus")
        seen.add(article.id)
    return articles


def build_article(doc_id: str, path: str, text: str, meta: dict[str, str]) -> Article:
    removed: list[RemovedSpan] = []
    date = meta.get("date")
    date_line = _DATE_LINE.match(text)
    if date_line:
        removed.append(RemovedSpan(date_line.start(), date_line.end(), "date-line"))
        date = date or date_line.group(1)
    page_title, article_lines = None, None
    if _LOOKS_HTML.search(text):
        removed.extend(_markup_spans(text))
        page_title, article_lines = html_article(text)
    masked = _blank(text, removed)
    page_lines = lines(masked)
    clutter = clutter_spans(page_lines, article_lines)
    removed.extend(clutter)
    masked = _blank(text, removed)
    found = paragraphs(masked)
    # A first line directly above a dateline is the headline, even when it ends in "K.C."
    above_dateline = page_lines[0] if len(page_lines) > 1 and any(
        c.reason == "dateline" and c.start == page_lines[1].start for c in clutter
    ) else None
    headings = [
        line
        for i, line in enumerate(found)
        if is_heading(line.text, found[i + 1].text if i + 1 < len(found) else None)
        or (above_dateline is not None and line.start == above_dateline.start)
        or (i == 0 and i + 1 < len(found) and _title_cased_headline(line.text))
    ]
    # A heading that opens the text is the headline and title. It stays prose: it states facts
    # (tolls, sums, scores) a desk checks like any sentence's. A dateline ("3. Februar 2026 –
    # Bogotá") is neither, and later headings are section titles: removed.
    opening = headings[0] if headings and headings[0].start == found[0].start else None
    headline = opening if opening and not is_dateline(opening.text, meta.get("language", "und")) else None
    removed.extend(RemovedSpan(h.start, h.end, "heading") for h in headings if h is not headline)
    prose = _blank(text, removed)
    if not prose.strip():
        raise InputError(path, "no article text left after removing page furniture and markup")
    language = meta.get("language") or detect_language(prose)
    if date:
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise InputError(path, f"date '{date}' is not an ISO date (YYYY-MM-DD)") from None
    title = meta.get("title") or page_title or (headline.text if headline else None)
    return Article(
        id=doc_id,
        path=path,
        text=text,
        language=language,
        source=meta.get("source"),
        url=meta.get("url"),
        date=date,
        title=title,
        removed=tuple(sorted(removed, key=lambda s: (s.start, s.end))),
        headline=(headline.start, headline.end) if headline else None,
    )


def _title_cased_headline(line: str) -> bool:
    """A first line in title case is a headline even when it ends in a period ("Colts Clinch
    Playoff Berth With 20-13 Win in K.C."): sentences are not written so."""
    return not line.startswith(">") and len(line.split()) <= _MAX_HEADING_WORDS and title_cased(line)


def is_dateline(line: str, language: str) -> bool:
    """A line that gives a calendar day and little else: the day opens it, or follows places
    and a dash ("Bogotá – 3. Februar 2026", "BAM, Iran, Dec. 26 (Reuters) -", "Paris, le 5 mai
    2024"), and at most a place, a time and a zone follow it ("3. Februar 2026 – Bogotá",
    "December 26, 2003 10:30 a.m. EST"). A headline that names a day is no dateline ("Quake kills
    30,000 in Bam on December 26"), nor is one in title case before a dash: its first words
    before the day must be a place we know (names.place_names, town_names), written in capitals
    as a wire's are, or a weekday ("Smith Dies – May 3" is a headline)."""
    for mention in date_mentions(line, None, language):
        before, after = line[:mention.start], line[mention.end:]
        if (mention.first and len(before) <= DATELINE_SPAN and len(after) <= DATELINE_SPAN
                and (match := _DATELINE_BEFORE.fullmatch(before)) and _dateline_words(match, language)
                and _DATELINE_AFTER.fullmatch(after)):
            return True
    return False


def _dateline_words(before: re.Match, language: str) -> bool:
    """Are the words before a dateline's day a place (or weekday) and an article, as datelines
    write them ("KARACHI, Pakistan –", "Paris, le", "Monday,")?"""
    place, article = before.group(1), before.group(2)
    if place and not (place.isupper() or normalize(place) in place_names() or normalize(place) in town_names()
                      or fold(place) in weekday_names(language)):
        return False
    return not article or fold(article.strip()) in _articles()


@cache
def _articles() -> frozenset[str]:
    """Function words of the languages whose dates the checker reads (jusText's stop lists):
    those a dateline may set before its day ("le", "den", "el")."""
    return frozenset().union(*(stopwords(language) for language in LANGUAGES))


def lines(text: str) -> list[Line]:
    """Non-blank lines with offsets of their stripped content."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        content = match.group()
        stripped = content.strip()
        if stripped:
            start = match.start() + content.index(stripped)
            out.append(Line(start, start + len(stripped), stripped))
    return out


def paragraphs(text: str) -> list[Line]:
    """Lines, joined where a line does not end a sentence and the next starts in lower case."""
    joined: list[Line] = []
    for line in lines(text):
        if joined and not TERMINAL.search(joined[-1].text) and line.text[:1].islower():
            joined[-1] = Line(joined[-1].start, line.end, text[joined[-1].start:line.end])
        else:
            joined.append(line)
    return joined


def is_heading(line: str, next_line: str | None) -> bool:
    """A short line that does not end like a sentence and is not continued by the next line."""
    if line.startswith("#"):
        return True
    if line.startswith(">") or TERMINAL.search(line) or LIST_MARKER.match(line):
        return False
    if len(line.split()) > _MAX_HEADING_WORDS:
        return False
    continued = next_line is not None and next_line[:1].islower()
    return not continued


@cache
def _detector(among: tuple[str, ...] = ()):
    """lingua's detector over every language, or over `among` (two ISO 639-1 codes or more) only."""
    if among:
        builder = LanguageDetectorBuilder.from_languages(
            *(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in among))
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    return builder.with_low_accuracy_mode().build()


def detect_language(text: str, among: tuple[str, ...] = ()) -> str:
    """ISO 639-1 code of the text's language (one of `among` where given), 'und' when lingua
    cannot tell."""
    language = _detector(among).detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else "und"


def _blank(text: str, spans: list[RemovedSpan]) -> str:
    return Article(id="", path="", text=text, language="", removed=tuple(spans)).masked_text()


class _MarkupFinder(HTMLParser):
    """Collects offsets of tags, comments and whole script/style elements."""

    _HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._hidden_start: dict[str, int] = {}
        self.spans: list[RemovedSpan] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _tag_span(self, reason: str, closer: str = ">") -> tuple[int, int]:
        start = self._offset()
        end = self._text.find(closer, start)
        end = len(self._text) if end < 0 else end + len(closer)
        self.spans.append(RemovedSpan(start, end, reason))
        return start, end

    def handle_starttag(self, tag, attrs):
        start, _ = self._tag_span("html-tag")
        if tag in self._HIDDEN:
            self._hidden_start.setdefault(tag, start)

    def handle_startendtag(self, tag, attrs):
        self._tag_span("html-tag")

    def handle_endtag(self, tag):
        _, end = self._tag_span("html-tag")
        if tag in self._hidden_start:
            self.spans.append(RemovedSpan(self._hidden_start.pop(tag), end, f"html-{tag}"))

    def handle_comment(self, data):
        self._tag_span("html-comment", "-->")

    def handle_decl(self, decl):
        self._tag_span("html-tag")

    def close(self):
        super().close()
        for tag, start in self._hidden_start.items():  # unclosed <script>: hide to the end
            self.spans.append(RemovedSpan(start, len(self._text), f"html-{tag}"))


def _markup_spans(text: str) -> list[RemovedSpan]:
    finder = _MarkupFinder(text)
    finder.feed(text)
    finder.close()
    return finder.spans


def _read_text(path: Path, max_file_bytes: int) -> str:
    """The file's text. Only regular files inside the corpus folder are read: a FIFO would block
    the run and a symlink could pull any file on the machine into the report."""
    folder = path.parent.resolve()
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(folder):
            raise InputError(str(path), "symbolic link to a file outside the corpus folder; copy the file in instead")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), f"not a regular file ({_file_kind(info.st_mode)}); only article files are read")
        if info.st_size > max_file_bytes:
            raise InputError(
                str(path), f"file is {_size(info.st_size)}, over the limit of {_size(max_file_bytes)} (max_file_bytes)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from None
    if not data.strip():
        raise InputError(str(path), "file is empty")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data:
        raise InputError(str(path), "binary file (contains NUL bytes); expected UTF-8 text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise InputError(str(path), f"not valid {encoding.upper()} text (byte 0x{byte:02x} at offset {exc.start})") from None
    return text.removeprefix("\ufeff")


# Byte-order marks: a file that starts with one says its encoding (UTF-32 first: its LE mark starts
# with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (codecs.BOM_UTF8, "utf-8"),
)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n:,} bytes"


def _file_kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISFIFO: "a named pipe", stat.S_ISSOCK: "a socket",
             stat.S_ISCHR: "a character device", stat.S_ISBLK: "a block device"}
    return next((name for test, name in kinds.items() if test(mode)), "special file")


def _parse_records(path: Path, text: str) -> list[tuple[str, str, dict[str, str]]]:
    """JSON: one object or a list of objects; JSONL: one object per line. Each needs "text"."""
    try:
        if path.suffix.lower() == ".jsonl":
            raw = [(n, json.loads(line)) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        else:
            parsed = json.loads(text)
            raw = list(enumerate(parsed if isinstance(parsed, list) else [parsed], 1))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    records = []
    for n, obj in raw:
        where = f"{path} record {n}"
        if not isinstance(obj, dict):
            raise InputError(where, "expected an object with a \"text\" field")
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            raise InputError(where, "missing or empty \"text\" field")
        meta = {key: obj[key] for key in METADATA_KEYS if obj.get(key) is not None}
        for key, value in meta.items():
            if not isinstance(value, str):
                raise InputError(where, f"field \"{key}\" must be a string")
        single = len(raw) == 1 and path.suffix.lower() == ".json"
        doc_id = obj.get("id") or (path.stem if single else f"{path.stem}-{n}")
        if not isinstance(doc_id, str) or not re.fullmatch(r"[\w.\-]+", doc_id):
            raise InputError(where, "field \"id\" must be letters, digits, '.', '_' or '-'")
        records.append((doc_id, body, meta))
    return records


def _read_sources(path: Path) -> dict[str, dict[str, str]]:
    """Optional sources.yaml: {file name or stem: {source, url, language, date, title}}."""
    if not path.exists():
        return {}
    data, root = read_yaml(path)
    validate(data, root, path, load_schema("sources.schema.json"))
    lines = node_lines(root)
    for name, meta in (data or {}).items():
        try:
            datetime.date.fromisoformat(meta.get("date", "2000-01-01"))
        except ValueError:
            line = lines.get((name, "date"), 1)
            raise InputError(str(path), f"line {line}: '{name}': date '{meta['date']}' does not exist") from None
    return {str(name): {key: str(value) for key, value in meta.items()} for name, meta in (data or {}).items()}
