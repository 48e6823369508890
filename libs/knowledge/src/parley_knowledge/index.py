"""The in-memory retrieval index of one business unit, built from its stored chunks.

Matching unit = one content word (or a lexicon phrase) of the query, represented by its features:
concept ids from the multilingual lexicon (`#refund`), or, for words the lexicon does not know, a
stem (`insta`). Sections are ranked with BM25 over those units (a word of the heading adds a bonus). Besides the
score, each hit carries the query *coverage*: the idf-weighted share of the query's content words
that the section contains. Words that appear nowhere in the knowledge base count against coverage
(a question about a gym, a restaurant or a job is not answered by a returns policy that happens to
share one word with it); capitalised names count half, because they are often just the customer's
city or product."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from parley_knowledge.chunking import Chunk
from parley_knowledge.lexicon import SKIP, Lexicon, default_lexicon
from parley_knowledge.text import stem, tokenize

K1 = 1.2
B = 0.6
HEADING_BONUS = 1.5  # a query word in the section's heading adds this many times its weight
SENTENCE_BONUS = 0.0  # the idf weight of query words found together in one sentence, times this
BRAND_WEIGHT = 0.1  # a word of the document's title that the lexicon does not know (the business's name)


@dataclass(frozen=True)
class Unit:
    features: frozenset[str]
    raw: str
    concept: bool  # the lexicon knows this word (a domain term)
    proper: bool  # capitalised mid-sentence: probably a name


def analyze(text: str, lexicon: Lexicon | None = None, drop_handoff: bool = False) -> list[Unit]:
    """Text → content units (stopwords, numbers and, optionally, handoff words removed)."""
    lex = lexicon or default_lexicon()
    tokens = tokenize(text)
    if drop_handoff:
        tokens = [t for t in tokens if not lex.is_handoff(t.text)]
    units: list[Unit] = []
    i = 0
    while i < len(tokens):
        matched = False
        for n in range(lex.max_ngram, 1, -1):
            if i + n > len(tokens):
                continue
            form = "_".join(t.text for t in tokens[i : i + n])
            concepts = lex.concepts(form)
            if concepts:
                if SKIP not in concepts:
                    units.append(Unit(frozenset("#" + c for c in concepts), form, True, False))
                i += n
                matched = True
                break
        if matched:
            continue
        tok = tokens[i]
        i += 1
        form = tok.text
        concepts = lex.concepts(form)
        if SKIP in concepts:
            continue
        if concepts:
            units.append(Unit(frozenset("#" + c for c in concepts), form, True, False))
            continue
        if form in lex.stopwords or len(form) < 2 or any(ch.isdigit() for ch in form):
            continue
        proper = tok.raw[:1].isupper() and not tok.sentence_start and not tok.raw.isupper()
        units.append(Unit(frozenset({stem(form)}), form, False, proper))
    return units


def features_of(units: list[Unit]) -> Counter[str]:
    tf: Counter[str] = Counter()
    for unit in units:
        for f in unit.features:
            tf[f] += 1
    return tf


def document_features(units: list[Unit], lexicon: Lexicon) -> Counter[str]:
    """A document's features, with what its words imply for matching (`Lexicon.document_implies`): the amount in
    "17 EUR per hour" is what "how much does it cost" asks for. Queries are not expanded: a customer naming a
    currency asks about that currency."""
    tf = features_of(units)
    for concept, implied in lexicon.document_implies.items():
        if count := tf.get("#" + concept):
            for other in implied:
                tf["#" + other] += count
    return tf


@dataclass
class IndexedChunk:
    chunk_id: str
    document_id: str
    section: str | None
    kind: str
    text: str
    sentences: list[str]
    tf: Counter[str]
    heading: frozenset[str]
    length: int
    sentence_features: list[frozenset[str]] = field(default_factory=list)


@dataclass
class Hit:
    chunk: IndexedChunk
    score: float
    coverage: float
    matched: list[str]
    sentence_coverage: float = 0.0  # idf-weighted share of the query found in one sentence of the chunk
    heading_matched: bool = False  # a query word is in the section's heading


@dataclass
class SearchResult:
    query_units: list[Unit]
    hits: list[Hit]  # best first, one per section (best chunk of the section)
    total_weight: float
    unit_weights: dict[str, float]
    unknown_weight: float = 0.0  # weight of the query words that no chunk of the knowledge base contains
    unknown_units: frozenset[str] = frozenset()  # those words
    max_weight: float = 1.0  # the weight of a word only one chunk has: the scale of `unit_weights`

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None

    def specificity(self) -> float:
        """How specific the best section's strongest matched word is (0–1, 1 = only one section has it): "order"
        or "reserva" alone match everywhere and say nothing about what is asked."""
        best = self.best
        if best is None or not best.matched or self.max_weight <= 0:
            return 0.0
        return min(1.0, max(self.unit_weights.get(raw, 0.0) for raw in best.matched) / self.max_weight)

    def margin(self) -> float:
        if not self.hits:
            return 0.0
        if len(self.hits) == 1 or self.hits[0].score <= 0:
            return 1.0 if self.hits[0].score > 0 else 0.0
        return max(0.0, 1.0 - self.hits[1].score / self.hits[0].score)


class KnowledgeIndex:
    def __init__(self, chunks: list[IndexedChunk], lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.chunks = chunks
        self.brand = _brand_features(chunks, self.lexicon)
        self.n = max(1, len(chunks))
        self.avg_len = sum(c.length for c in chunks) / self.n if chunks else 1.0
        df: Counter[str] = Counter()
        for c in chunks:
            df.update(set(c.tf) | set(c.heading))
        self.df = df
        self.max_idf = self._idf(1)

    @classmethod
    def of_chunks(cls, chunks: list[Chunk], document_id: str = "") -> KnowledgeIndex:
        """The index of one document's chunks as `chunk_pages` gives them, without a store (the trainers, tests)."""
        return cls.build(
            [
                {"chunk_id": f"{document_id}-{c.ordinal}", "document_id": document_id, "section": c.section}
                | {"kind": c.kind, "text": c.text, "sentences": c.sentences}
                for c in chunks
            ]
        )

    @classmethod
    def build(cls, rows: list[dict], lexicon: Lexicon | None = None) -> KnowledgeIndex:
        """rows: stored chunk documents (chunk_id/_id, document_id, section, kind, text, sentences)."""
        lex = lexicon or default_lexicon()
        chunks = []
        for row in rows:
            body_units = analyze(row["text"], lex)
            heading_units = analyze(_heading_title(row.get("section")), lex) if row.get("section") else []
            sentences = row.get("sentences") or [row["text"]]
            chunks.append(
                IndexedChunk(
                    chunk_id=str(row.get("chunk_id") or row.get("_id")),
                    document_id=str(row.get("document_id", "")),
                    section=row.get("section"),
                    kind=row.get("kind", "section"),
                    text=row["text"],
                    sentences=sentences,
                    tf=document_features(body_units, lex),
                    heading=_heading_features(row.get("section"), heading_units, lex),
                    length=max(1, len(body_units)),
                    sentence_features=[frozenset(document_features(analyze(s, lex), lex)) for s in sentences],
                )
            )
        return cls(chunks, lex)

    def _idf(self, df: int) -> float:
        return math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))

    def unit_weight(self, unit: Unit) -> tuple[float, bool]:
        """(weight, known): a unit's idf, or its out-of-vocabulary weight when no chunk has it."""
        known = [self._idf(self.df[f]) for f in unit.features if self.df.get(f)]
        if known:
            if not unit.concept and unit.features <= self.brand:
                return max(known) * BRAND_WEIGHT, True
            return max(known), True
        weight = self.max_idf * (1.0 if unit.concept else 0.8)
        if unit.proper:
            weight *= 0.5
        return weight, False

    def search(self, query: str, k: int = 5, drop_handoff: bool = False, answerable_only: bool = False) -> SearchResult:
        units = _dedupe(analyze(query, self.lexicon, drop_handoff=drop_handoff))
        weighted = {u.raw: self.unit_weight(u) for u in units}
        weights = {raw: w for raw, (w, _) in weighted.items()}
        unknown_units = frozenset(raw for raw, (_, known) in weighted.items() if not known)
        unknown = sum(weights[raw] for raw in unknown_units)
        total = sum(weights.values())
        brand = {u.raw for u in units if not u.concept and u.features <= self.brand}
        by_section: dict[str, Hit] = {}
        for chunk in self.chunks:
            if answerable_only and chunk.kind != "section":
                continue
            score = 0.0
            covered = 0.0
            matched: list[str] = []
            matched_units: list[Unit] = []
            heading_hit = False
            norm = K1 * (1 - B + B * chunk.length / self.avg_len)
            for unit in units:
                tf = max((chunk.tf.get(f, 0) for f in unit.features), default=0)
                in_heading = any(f in chunk.heading for f in unit.features)
                if tf <= 0 and not in_heading:
                    continue
                heading_hit = heading_hit or in_heading
                w = weights[unit.raw]
                score += w * tf * (K1 + 1) / (tf + norm) + (w * HEADING_BONUS if in_heading else 0.0)
                covered += w
                if unit.raw not in brand:  # the business's name alone is no match
                    matched.append(unit.raw)
                matched_units.append(unit)
            if score <= 0:
                continue
            sentence_weight = 0.0
            for feats in chunk.sentence_features:
                s = sum(weights[u.raw] for u in matched_units if u.features & feats)
                sentence_weight = max(sentence_weight, s)
            score += SENTENCE_BONUS * sentence_weight
            hit = Hit(
                chunk,
                score,
                covered / total if total else 0.0,
                matched,
                sentence_weight / total if total else 0.0,
                heading_hit,
            )
            key = chunk.section or f"~{chunk.chunk_id}"
            if key not in by_section or by_section[key].score < score:
                by_section[key] = hit
        hits = sorted(by_section.values(), key=lambda h: h.score, reverse=True)[:k]
        return SearchResult(
            units, hits, total, weights, unknown_weight=unknown, unknown_units=unknown_units, max_weight=self.max_idf
        )


def _heading_features(section: str | None, units: list[Unit], lex: Lexicon) -> frozenset[str]:
    """The heading's features, plus the intent a heading word names ("times" → #duration)."""
    feats = {f for u in units for f in u.features}
    if section:
        for tok in tokenize(_heading_title(section)):
            feats.update("#" + c for c in lex.heading_concepts.get(tok.text, ()))
    return frozenset(feats)


def _brand_features(chunks: list[IndexedChunk], lex: Lexicon) -> frozenset[str]:
    """Stems of the document title's words outside the lexicon: the business's own name ("Aurora
    Electronics", "Solmar Viajes"). Every question to the business may use them, so they are next to
    no evidence for any one section."""
    for chunk in chunks:
        if chunk.kind == "preamble" and chunk.sentences:
            return frozenset(f for u in analyze(chunk.sentences[0], lex) if not u.concept for f in u.features)
    return frozenset()


def _dedupe(units: list[Unit]) -> list[Unit]:
    seen: set[frozenset[str]] = set()
    out = []
    for u in units:
        if u.features in seen:
            continue
        seen.add(u.features)
        out.append(u)
    return out


def _heading_title(section: str) -> str:
    parts = section.split(" ", 1)
    return parts[1] if len(parts) == 2 and parts[0].rstrip(".)").isdigit() else section
