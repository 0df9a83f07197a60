"""Wording shared between a known claim and a corpus sentence (checker verify's lexical evidence).

The small offline embedder often ranks the sentence that carries a fact below one that only shares
its topic; the claim's own rare words ("pregnant", "Marfin", "20,000") find it. A term is a word's
Snowball stem in the text's language (PyStemmer), or a number, with number words read as numbers
("three" and "3" are one term; text2num); terms are weighted by their IDF in the corpus, so that
words every sentence has count for little without a stop-word list per language.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy.sparse import csr_matrix
from text_to_num import alpha2digit

from checker.signals.text import stem, tokens


def terms(text: str, language: str) -> frozenset[str]:
    """The text's stems and numbers, accents and case folded; hyphenated words are their parts."""
    try:
        text = alpha2digit(text, language)
    except ValueError:  # a language text2num does not read: digits only
        pass
    found = set()
    for token in tokens(text):
        if token.text[0].isdigit():
            found.add(token.text.replace(",", "").replace(".", "") if _grouped(token.text) else token.text)
            continue
        for word in token.text.lower().split("-"):
            if len(word) > 1:
                found.add(stem(word, language))
    return frozenset(found - {""})


def _grouped(number: str) -> bool:
    """'20,000' and '20.000' are twenty thousand; '5.9' and '3,5' keep their decimal mark."""
    groups = number.replace(".", ",").split(",")
    return len(groups) > 1 and all(len(g) == 3 for g in groups[1:])


class IdfIndex:
    """Inverse document frequency over a corpus's rows of terms (a sentence's stems, a claim's
    names): idf = log(1 + rows / rows with the term). A term no row has counts as if
    `unseen_rows` rows had it, so it weighs at least as much as the rarest seen term."""

    def __init__(self, corpus_rows: list[frozenset[str]], unseen_rows: float):
        self.vocabulary = {t: n for n, t in enumerate(sorted(set().union(*corpus_rows)))}
        frequency = Counter(t for found in corpus_rows for t in found)
        count = len(corpus_rows)
        self.idf = np.array([math.log(1 + count / frequency[t]) for t in self.vocabulary], dtype=np.float32)
        self.unseen_idf = math.log(1 + count / unseen_rows)

    def rows(self, term_sets: list[frozenset[str]]) -> tuple[csr_matrix, np.ndarray]:
        """Incidence rows over the vocabulary, and each row's own IDF weight (unseen terms too)."""
        rows, cols = [], []
        own = np.zeros(len(term_sets), dtype=np.float32)
        for row, found in enumerate(term_sets):
            known = sorted(self.vocabulary[t] for t in found if t in self.vocabulary)
            rows += [row] * len(known)
            cols += known
            own[row] = self.idf[known].sum() + self.unseen_idf * (len(found) - len(known))
        incidence = csr_matrix(
            (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(term_sets), len(self.vocabulary))
        )
        return incidence, own

    def shared_weight(self, queries: csr_matrix, corpus: csr_matrix) -> np.ndarray:
        """queries x corpus rows: the IDF weight of the terms both have."""
        return np.asarray((queries.multiply(self.idf[None, :]) @ corpus.T).todense(), dtype=np.float32)


class TermCoverage:
    """IDF statistics from a corpus's sentences alone, so a query's coverage never depends on
    other queries."""

    def __init__(self, sentence_terms: list[frozenset[str]]):
        self._index = IdfIndex(sentence_terms, unseen_rows=0.5)  # a term no sentence has: as rare as can be
        self._incidence, _ = self._index.rows(sentence_terms)

    def coverage(self, query_terms: list[frozenset[str]]) -> np.ndarray:
        """queries x sentences: the share of each query's IDF weight that the sentence has too."""
        incidence, totals = self._index.rows(query_terms)
        shared = self._index.shared_weight(incidence, self._incidence)
        return np.divide(shared, totals[:, None], out=np.zeros_like(shared), where=totals[:, None] > 0)
