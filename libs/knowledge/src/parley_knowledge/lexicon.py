"""A compact multilingual lexicon of the customer-care domain.

Each concept id lists surface forms in English, Spanish, Portuguese, Italian and Hindi, Tamil and Telugu
(native script and romanized, including the English loanwords people type in those scripts). A
trailing `*` is a prefix form; a form with spaces matches consecutive words ("check in", "nota
fiscal"). Words of the query and of the document that share a concept id match each other, so a
Portuguese or Hinglish question finds an English or Spanish section. This is general vocabulary of
customer care (orders, shipping, payments, travel …), not a list of any tenant's sentences.

`handoff_query_words()` (from the shared handoff vocabulary, data/handoff.json) lists the words of "let me talk to a person" requests: when the analysis says the customer
wants a human, they are removed from the retrieval query so only the customer's actual question (if
any) is searched."""

from __future__ import annotations

from functools import lru_cache

from parley_knowledge import vocab
from parley_knowledge.text import fold

SKIP = "_skip"

_DATA = vocab.load("concepts")
CONCEPTS: dict[str, list[str]] = _DATA["concepts"]
# Words that name a question's intent only when they title a section ("Shipping times" answers "how
# long", "Refund timing" too): too vague to map in a customer's message ("second time this happens").
HEADING_CONCEPTS: dict[str, list[str]] = _DATA["heading_concepts"]
# What a document's words imply for matching: a section stating "17 EUR" answers "how much does it cost".
DOCUMENT_IMPLIES: dict[str, list[str]] = _DATA["document_implies"]


def handoff_query_words() -> list[str]:
    """Words of "let me talk to a person" requests, removed from the retrieval query when the analysis already
    flags wants_human: the shared handoff vocabulary's query words plus its person and "someone" nouns."""
    data = vocab.handoff()
    return [*data["query_words"], *data["person"], *data["someone"], *data["talk"], *data["urgency"]]


_WORD_WEIGHT_BOOST = 1.0


def _split_forms(spec: str | list[str]) -> list[str]:
    return [form for form in (spec.split() if isinstance(spec, str) else spec) if form]


def _norm_form(form: str) -> tuple[str, bool]:
    prefix = form.endswith("*")
    form = form.rstrip("*")
    if prefix:
        form = vocab.prefix_form(form)
    parts = [fold(p) for p in form.replace("-", "_").split("_") if p]
    return "_".join(parts), prefix


class Lexicon:
    """Looks up concept ids for a word or a run of words."""

    def __init__(
        self, concepts: dict[str, list[str]], handoff: list[str], stopwords: frozenset[str] | set[str]
    ) -> None:
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for concept, spec in concepts.items():
            for raw in _split_forms(spec):
                form, is_prefix = _norm_form(raw)
                if not form:
                    continue
                if is_prefix and len(form) >= 3:
                    key = (form.count("_") + 1, form[:3])
                    self.prefixes.setdefault(key, []).append((form, concept))
                else:
                    self.exact.setdefault(form, set()).add(concept)
        self.handoff_exact: set[str] = set()
        self.handoff_prefixes: list[str] = []
        for raw in _split_forms(handoff):
            form, is_prefix = _norm_form(raw)
            (self.handoff_prefixes.append(form) if is_prefix else self.handoff_exact.add(form))
        self.stopwords = {fold(w) for w in stopwords}
        self.max_ngram = 3
        self.document_implies: dict[str, list[str]] = DOCUMENT_IMPLIES
        self.heading_concepts: dict[str, set[str]] = {}
        for concept, spec in HEADING_CONCEPTS.items():
            for raw in _split_forms(spec):
                self.heading_concepts.setdefault(_norm_form(raw)[0], set()).add(concept)

    def concepts(self, form: str) -> set[str]:
        found = set(self.exact.get(form, ()))
        for prefix, concept in self.prefixes.get((form.count("_") + 1, form[:3]), ()):
            if form.startswith(prefix):
                found.add(concept)
        return found

    def is_handoff(self, form: str) -> bool:
        return form in self.handoff_exact or any(form.startswith(p) for p in self.handoff_prefixes)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon(CONCEPTS, handoff_query_words(), vocab.retrieval_stopwords())
