"""Claims stage: an Article's prose -> sentence-level Claims with offsets into the original text.

Sentences come from sentencex (Wikimedia's rule-based segmenter: ~300 languages, with
abbreviation lists and fallbacks between related languages). On top of it: quotations stay whole even
when they hold several sentences, markdown quote blocks lose their markers but keep their quote
marks, bullet and numbered list items are claims of their own (without their marker), introductions
such as "Er betonte:" lend their speaker to the quote that follows instead of becoming claims, and a
paragraph a document repeats yields one claim. Full-width sentence ends ("。", "！", "？") end a
sentence in every language: sentencex splits at them for Chinese only, not for Japanese.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from itertools import pairwise

from sentencex import segment

from checker.corpus import LIST_MARKER, paragraphs
from checker.lexicons import lexicon_cache, speech_verbs, title_words
from checker.normalize import normalize, quote_spans
from checker.records import Article, Claim

_UPPER = "A-ZÄÖÜÁÉÍÓÚÑÀÈÌÒÙÂÊÎÔÛÇ"
# Up to five capitalised words, a title's dot kept: titles and a whole name ("Deputy Police Chief John
# Smith", "Army Gen. John Smith"); the speaker is the last two words after the last title word.
_NAME = rf"[{_UPPER}][\w’'\-.]*(?:\s+[{_UPPER}][\w’'\-]*\.?){{0,4}}"
_PRONOUNS = {"er", "he", "she", "él", "ella"}
_ARTICLES = "el|la|los|las|the|der|die|das|le"
_MIN_WORDS = 3
# Han and kana are written without spaces; about two characters make a word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_PER_WORD = 2
# A full-width sentence end (and the closing marks after it): unambiguous in any language.
_WIDE_END = re.compile(r"[。！？｡។][」』”’\")）]*")


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    blockquote: bool


def extract_claims(article: Article) -> list[Claim]:
    claims: list[Claim] = []
    seen_texts: set[str] = set()
    sentences = _sentences(article)
    # A headline the body repeats word for word gives way to the body's copy, which is aligned
    # (a headline is not)
    body_texts = {normalize(s.text) for s in sentences if not _in_headline(article, s.start)}
    last_speaker: str | None = None
    intro_speaker: str | None = None
    for sentence in sentences:
        quoted = quote_spans(sentence.text)
        speaker = _speaker(sentence.text, quoted)
        if speaker in _PRONOUNS:
            speaker = last_speaker
        elif speaker:
            last_speaker = speaker
        if sentence.blockquote and speaker is None:
            speaker = intro_speaker
        # A sentence ending in ":" introduces the quote block that follows it.
        intro_speaker = speaker if sentence.text.rstrip().endswith(":") else None
        if _is_introduction(sentence.text):
            continue
        if word_count(sentence.text) < _MIN_WORDS:
            continue
        key = normalize(sentence.text)
        headline = _in_headline(article, sentence.start)
        if key in seen_texts or (headline and key in body_texts):
            continue
        seen_texts.add(key)
        is_quote = sentence.blockquote or any(
            len(_words(sentence.text[s:e])) >= 5 or (e - s) * 2 >= len(sentence.text) for s, e in quoted
        )
        claims.append(
            Claim(
                id=claim_id(article.id, sentence.text),
                doc=article.id,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                language=article.language,
                quote=is_quote,
                speaker=speaker if is_quote else None,
                headline=headline,
            )
        )
    return claims


def _in_headline(article: Article, at: int) -> bool:
    return article.headline is not None and article.headline[0] <= at < article.headline[1]


def claim_id(doc: str, text: str) -> str:
    return f"{doc}#{hashlib.sha1(normalize(text).encode()).hexdigest()[:10]}"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def word_count(text: str) -> int:
    """Words, counting unspaced Han and kana text by its characters."""
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(_words(_UNSPACED.sub(" ", text)))
    return spaced + -(-unspaced // _UNSPACED_PER_WORD)


def _is_introduction(text: str) -> bool:
    return text.rstrip().endswith(":") and len(_words(text)) <= 5


def _strip_markdown(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Drop '>' quote markers, list markers and emphasis at the paragraph's edges."""
    blockquote = False
    while start < end:
        marker = LIST_MARKER.match(text, start, end)
        if marker:
            start = marker.end()
        elif text[start] in ">*_#" or text[start].isspace():
            blockquote = blockquote or text[start] == ">"
            start += 1
        else:
            break
    while end > start and (text[end - 1] in "*_" or text[end - 1].isspace()):
        end -= 1
    return start, end, blockquote


def _sentences(article: Article) -> list[_Sentence]:
    masked = article.masked_text()
    out: list[_Sentence] = []
    for para_start, para_end in ((p.start, p.end) for p in paragraphs(masked)):
        start, end, blockquote = _strip_markdown(masked, para_start, para_end)
        paragraph = masked[start:end].replace("\n", " ")  # a line break inside a paragraph ends no sentence
        bounds = []
        cursor = 0
        for piece in _split_wide_ends(segment(article.language, paragraph)):
            piece = piece.strip()
            if not piece:
                continue
            at = paragraph.find(piece, cursor)
            if at < 0:  # the segmenter altered the text; keep the rest of the paragraph whole
                bounds.append((cursor, len(paragraph)))
                break
            bounds.append((at, at + len(piece)))
            cursor = at + len(piece)
        for s, e in _merge_inside_quotes(paragraph, bounds):
            out.append(_Sentence(start + s, start + e, article.text[start + s:start + e], blockquote))
    return out


def _split_wide_ends(pieces: list[str]) -> list[str]:
    """Cut each piece after every full-width sentence end (and its closing marks)."""
    out = []
    for piece in pieces:
        cuts = [0] + [m.end() for m in _WIDE_END.finditer(piece)] + [len(piece)]
        out.extend(piece[s:e] for s, e in pairwise(cuts) if piece[s:e].strip())
    return out



def _merge_inside_quotes(paragraph: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences whose boundary falls inside a quotation."""
    quotes = quote_spans(paragraph)
    merged: list[tuple[int, int]] = []
    for s, e in bounds:
        if merged and any(qs < s and merged[-1][1] < qe for qs, qe in quotes):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


@lexicon_cache
def _speech_verbs() -> str:
    return "|".join(sorted(map(re.escape, speech_verbs()), key=len, reverse=True))


@lexicon_cache
def _titles() -> tuple[str, frozenset[str]]:
    """lexicons.title_words as a regular expression's alternatives (longest first), and as normalised words."""
    return "|".join(sorted(map(re.escape, title_words()), key=len, reverse=True)), frozenset(map(normalize, title_words()))


def _speaker(text: str, quoted: list[tuple[int, int]]) -> str | None:
    """Who the sentence attributes speech to: a name, a pronoun (lower case), or None."""
    outside = text
    for s, e in reversed(quoted):
        outside = outside[:s] + " " * (e - s) + outside[e:]
    verbs = _speech_verbs()
    titles, title_keys = _titles()
    # Case matters: names are capitalised, speech verbs in running text are not ("United States").
    after_verb = re.search(rf"\b(?:{verbs})\s+({_NAME}|\w+)", outside)
    # "dijo el ministro Rubio", "said the spokesman Smith": past an article and a title only
    after_verb_and_title = re.search(
        rf"\b(?:{verbs})\s+(?:(?:{_ARTICLES})\s+)?(?:{titles})\s+({_NAME})", outside
    )
    before_verb = re.search(rf"({_NAME}|\b\w+)\s+(?:{verbs})\b", outside)
    for match in (after_verb, after_verb_and_title, before_verb):
        if not match:
            continue
        candidate = match.group(1).strip().rstrip(".")
        if candidate.lower() in _PRONOUNS:
            return candidate.lower()
        if not candidate[:1].isupper():
            continue
        tokens = candidate.split()
        titled = [i for i, token in enumerate(tokens) if normalize(token) in title_keys]
        if titled and titled[-1] < len(tokens) - 1:  # a title is no name's last word: "Aaron Judge", "John Major" are names
            tokens = tokens[titled[-1] + 1:]
        if tokens:
            return " ".join(tokens[-2:])
    return None
