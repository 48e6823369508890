"""What the customer wants: a person? which kind of message is it? how urgent?

`wants_human` is the signal that matters most (it switches the bot off for the chat), so it is built
as a small grammar rather than a bag of words: a *person noun* (agent, atendente, इंसान, மனிதர்,
ఏజెంట్, …) near a *request verb* (talk, pasar, falar, baat karni, pesanum, maatlaadaali, …), plus
direct patterns that need no noun ("call me", "not a bot"). A human being named at all ("rather sort it with a
human", "are you even human?") and a person asked to look into the case ("can someone check my order?") ask for
one too; "if nobody answers me today …" is an ultimatum, not a negation. Asking for a phone number or opening
hours is information, not a handoff, and is vetoed unless the customer also asks to be put through; so are
refusals ("no need to pass me to anyone"), reports of what staff said or of a conversation that happened ("the
agent told me …", "I talked to an agent yesterday …") and short messages that want a thing and name nobody
("naaku refund kavali"); the learned model never overrules these.
"""

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from parley_contracts import Sentiment
from parley_knowledge import vocab
from parley_nlp.analysis import learned
from parley_nlp.analysis.text import WORD_CHAR, fold, phrase_pattern, words

Priority = Literal["low", "medium", "high"]

INTENTS = (
    "greeting",
    "thanks",
    "goodbye",
    "question",
    "complaint",
    "request_human",
    "order_status",
    "feedback",
    "other",
)
CATEGORIES = ("feedback", "complaint", "suggestion", "inquiry", "other")

# --- the vocabulary ---------------------------------------------------------------------------
# One handoff vocabulary for the product (parley_knowledge data/handoff.json; the knowledge base drops the
# same words from the retrieval query). Latin entries are accent-folded whole words; native-script entries
# match as prefixes because Indic words carry case endings ("ఏజెంట్‌కి", "மனிதரிடம்").
_V = vocab.handoff()


def _latin(key: str) -> frozenset[str]:
    return frozenset(w for w in _V[key] if not _native(w))


def _prefixes(key: str) -> tuple[str, ...]:
    return tuple(w for w in _V[key] if _native(w))


def _native(word: str) -> bool:
    return bool(vocab.scripts_in(word) - {"latin"})


# Staff a customer can be passed to.
_PERSON = _latin("person")
_PERSON_NATIVE = _prefixes("person")
# A human being, as opposed to the bot ("a real person", insaan): named at all, it asks for one.
_HUMAN = _latin("human")
_HUMAN_NATIVE = _prefixes("human")
# Looking into the customer's case ("can a human check my order?"): a request when a person is its subject.
_HANDLE = _latin("handle")
_HANDLE_NATIVE = _prefixes("handle")
# "The agent told me …" reports what staff said: a complaint or a question about it, not a request.
_REPORTED = _latin("reported")
# "I talked to an agent yesterday …" reports a conversation that happened.
_REPORTED_TALK = _latin("reported_talk")
# "If nobody answers …" is an ultimatum: the negation is the condition, not a refusal.
_CONDITIONAL = _latin("conditional")
# Words a negator reaches through to the verb after them: "I don't want to talk", "no quiero ni hablar".
_NEGATION_TRANSPARENT = _latin("negation_transparent")
# "Someone" only counts with a verb of talking or calling ("can someone call me?").
_SOMEONE = _latin("someone")
_SOMEONE_NATIVE = _prefixes("someone")
# Verbs of talking, transferring or calling: enough next to a person noun in either order
# (Hindi, Tamil and Telugu put the verb last).
_TALK = _latin("talk")
# Romanized Tamil and Telugu verbs take endings too ("matladocha", "pesanum"): their stems match as prefixes.
_TALK_NATIVE = _prefixes("talk") + tuple(_V["talk_stems"])
# Verbs of wanting or asking whether someone exists: only right next to the noun, before it in
# the European languages ("I want an agent"), after it in the verb-final ones ("agent venum").
_WANT_BEFORE = _latin("want_before")
_WANT_AFTER = _latin("want_after")
_WANT_NATIVE = _prefixes("want_after")
# Verbs of helping: only with a staff noun close by ("can a person help me?"; "someone help me
# understand" is not a handoff).
_HELP = _latin("help")
# "call"/"phone" after an article or possessive is the noun ("a phone with a good camera").
_NOUN_DETERMINERS = _latin("noun_determiners")

# --- phrases rewritten before tokenising ------------------------------------------------------
# People who are not staff to be passed to (" zzother "), staff named by their department (" zzperson "), a
# human being as opposed to the bot (" zzhuman ").
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in _V["rewrites"])

# --- patterns that are a handoff request by themselves ----------------------------------------
_DIRECT: tuple[tuple[re.Pattern[str], float], ...] = tuple((re.compile(p), float(c)) for p, c in _V["direct"])
_DIRECT_NATIVE: tuple[tuple[str, float], ...] = tuple((p, float(c)) for p, c in _V["direct_native"])
# "talk about …": the subject of a conversation follows, not the person to have it with.
_TOPIC = _latin("topic")
# "do your agents speak English?" asks which languages staff speak.
_LANGUAGE_NAMES = _latin("language_names")
_LANGUAGE_NAMES_NATIVE = _prefixes("language_names")
_SOMEONE_ELSE = _latin("someone_else")
# Information about contact channels, not a request to be put through.
_INFO = re.compile(_V["info"])
# Verbs that ask to be put through *now*: they override the information veto.
_TRANSFER = _latin("transfer")
# Matched whole, in every script ("नहीं", "இல்லை").
_NEGATION = frozenset(_V["negation"])
# After a word, only the verb-final languages' negators count ("baat nahi", "பேச வேண்டாம்"); "no" after a verb is
# Portuguese for "in the" ("me chamar no whats").
_NEGATION_AFTER = _NEGATION - _latin("negation_before_only")
# Phrases that refuse what their clause asks for: "no need to pass me to anyone", "अवसरं लेदु".
_REFUSAL = tuple(phrase_pattern(fold(p)) for p in _V["refusal"])
# A colon ends a clause too: "I need a person: what are your hours?" asks two things.
_CLAUSE_SPLIT = re.compile(r"[.?!;:¿¡।\n]+")
_COMMA_SPLIT = re.compile(r"[,،]")


@dataclass(frozen=True)
class HandoffRequest:
    wanted: bool
    confidence: float  # 0..1; 0 when nothing suggests it
    reason: str  # which rule fired, for logs and debugging

    @property
    def refused(self) -> bool:
        """The message speaks of a person only to say it needs none ("no need to pass me to anyone")."""
        return self.reason == "veto:negated"


def _head(tok: str) -> str:
    """Romanized Tamil and Telugu write case endings after a hyphen ("staff-a", "agent-ku"): the word before it."""
    return tok.split("-", 1)[0] if "-" in tok else tok


def _is_person(tok: str) -> bool:
    return _head(tok) in _PERSON or tok.startswith(_PERSON_NATIVE)


def _is_human(tok: str) -> bool:
    return _head(tok) in _HUMAN or tok.startswith(_HUMAN_NATIVE)


def _is_someone(tok: str) -> bool:
    return _head(tok) in _SOMEONE or tok.startswith(_SOMEONE_NATIVE)


def _is_talk(tok: str) -> bool:
    return _head(tok) in _TALK or tok.startswith(_TALK_NATIVE)


def _is_handle(tok: str) -> bool:
    return tok in _HANDLE or tok.startswith(_HANDLE_NATIVE)


def _is_want(tok: str, before_noun: bool) -> bool:
    if before_noun:
        return tok in _WANT_BEFORE
    return tok in _WANT_AFTER or tok.startswith(_WANT_NATIVE)


def _negated(
    tokens: list[str],
    i: int,
    commas: list[int],
    before: int = 2,
    after: int = 2,
    negators_after: frozenset[str] = _NEGATION_AFTER,
) -> bool:
    """A negator up to `before` words before token i, or (verb-final languages) up to `after` words after it, in
    the same clause, unless a condition introduces it: "if nobody calls me today …" is an ultimatum, a request."""
    # "I don't want to talk": wanting and "to" between the negator and the verb do not shield it.
    # The negator must stand right before them: "I don't understand, want to talk" is no refusal.
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k] in _NEGATION_TRANSPARENT:
        k -= 1
    before = max(before, i - k)
    for j in range(max(0, i - before), min(len(tokens), i + after + 1)):
        if j == i or commas[j] != commas[i] or tokens[j] not in (_NEGATION if j < i else negators_after):
            continue
        # "if a person doesn't look at it today": the condition may stand three words before its negator.
        if not any(tokens[k] in _CONDITIONAL for k in range(max(0, j - 3), j)):
            return True
    return False


def _refused(tokens: list[str], i: int, commas: list[int]) -> bool:
    """A human noun refused ("I don't need a human", "no quiero un humano", "इंसान नहीं चाहिए"): a negator up to
    four words before it or three after (any negator), in its clause."""
    return _negated(tokens, i, commas, before=4, after=3, negators_after=_NEGATION)


def _refusing(part: str) -> bool:
    """A clause that refuses what it asks for: "no need to pass me to anyone"."""
    return any(p.search(part) for p in _REFUSAL)


def _sentence_request(sentence: str) -> tuple[float, str]:
    # Token list with, for each token, the comma-clause it sits in (negation does not cross commas).
    tokens: list[str] = []
    commas: list[int] = []
    parts = _COMMA_SPLIT.split(sentence)
    for k, part in enumerate(parts):
        ws = words(part)
        tokens += ws
        commas += [k] * len(ws)
    if not tokens:
        return 0.0, ""

    best, reason = 0.0, ""
    clauses: set[int] = set()  # the comma-clauses the best request spans
    refused = False  # a request for a person, negated: "no necesito un agente", "बात नहीं करनी"
    refusing = {k for k, part in enumerate(parts) if _refusing(part)}
    persons = [i for i, t in enumerate(tokens) if _is_person(t)]
    someones = [i for i, t in enumerate(tokens) if _is_someone(t)]
    for i in persons + someones:
        strong_noun = i in persons
        for j in range(max(0, i - 7), min(len(tokens), i + 6)):
            if j == i:
                continue
            tok = tokens[j]
            if tok in {"call", "phone"} and j > 0 and tokens[j - 1] in _NOUN_DETERMINERS:
                continue
            if strong_noun and tok in _HELP and abs(j - i) <= 3:
                if not _negated(tokens, j, commas) and 0.75 > best:
                    best, reason, clauses = 0.75, f"person+help:{tokens[i]}/{tok}", {commas[i], commas[j]}
                continue
            if _is_talk(tok):
                if _names_language(tokens, j):
                    continue
                # "transfer my booking to another person": an object between verb and noun that is
                # not the customer means something else is being passed.
                if tok in _TRANSFER and j < i and _has_foreign_object(tokens[j + 1 : i]):
                    continue
                if _negated(tokens, j, commas):
                    refused = True
                    continue
                conf = 0.9 if strong_noun else 0.75
                if conf > best:
                    best, reason, clauses = conf, f"person+verb:{tokens[i]}/{tok}", {commas[i], commas[j]}
            elif strong_noun and (i - 3 <= j < i or i < j <= i + 3) and _is_want(tok, j < i):
                if _negated(tokens, j, commas):
                    refused = True
                    continue
                if 0.8 > best:
                    best, reason, clauses = 0.8, f"person+want:{tokens[i]}/{tok}", {commas[i], commas[j]}
            elif abs(j - i) <= 4 and _is_handle(tok) and not _negated(tokens, j, commas):
                # "koi insaan check karega?", "can someone look at my refund": a person asked to look into it.
                conf = 0.75 if strong_noun else 0.6
                if conf > best:
                    best, reason, clauses = conf, f"person+handle:{tokens[i]}/{tok}", {commas[i], commas[j]}
    # A human being named at all, and not refused: "rather sort it with a human", "are you even human?",
    # "if no real person looks at it today I'm done".
    for i, tok in enumerate(tokens):
        if 0.6 > best and _is_human(tok):
            if _refused(tokens, i, commas):
                refused = True
            else:
                best, reason, clauses = 0.6, f"human:{tok}", {commas[i]}
    # A bare noun as the whole message: "agent", "humano por favor", "human please".
    if not best and persons and len(tokens) <= 3 and not someones:
        noun = tokens[persons[0]]
        rest = tokens[: persons[0]] + tokens[persons[0] + 1 :]
        if noun not in {"people", "person", "persona", "pessoa", "rep"} and all(t in _BARE_OK for t in rest):
            best, reason, clauses = 0.7, f"bare:{noun}", {commas[persons[0]]}
    # Asking how to reach staff is information, unless the request for a person stands in a clause of its own
    # ("let me speak to a human please, what time do you close?").
    asked_about = " ".join(parts[k] for k in sorted(clauses))
    if best and _INFO.search(asked_about) and not any(t in _TRANSFER for t in tokens):
        return 0.0, "info-request"
    if best and clauses & refusing:
        return 0.0, "veto:negated"
    if not best and refused:
        return 0.0, "veto:negated"
    return best, reason


# What may stand next to a bare staff noun ("agent please", "un humano ya"); "pessimo atendimento"
# is a complaint about the service, not a request.
_BARE_OK = _latin("bare_ok")
_FOREIGN_OBJECT = _latin("foreign_object")


def _names_language(tokens: list[str], j: int) -> bool:
    """A language named right before or after the talk verb at j ("speak English", "தமிழ் பேசுவாங்களா")."""
    beside = tokens[max(0, j - 1) : j] + tokens[j + 1 : j + 2]
    return any(t in _LANGUAGE_NAMES or t.startswith(_LANGUAGE_NAMES_NATIVE) for t in beside)


def _has_foreign_object(between: list[str]) -> bool:
    return any(t in _FOREIGN_OBJECT for t in between)


# The rewrites as two alternations (one per replacement), for speed.
# Both only tried where a word starts: Python's re tries every branch at every position otherwise.
_AT_WORD = rf"(?<!{WORD_CHAR})(?=\w)"
_REWRITE_RE = tuple(
    (re.compile(_AT_WORD + "(?:" + "|".join(p.pattern for p, r in _REWRITES if r == repl) + ")"), repl)
    for repl in dict.fromkeys(r for _, r in _REWRITES)
)
_DIRECT_RE = re.compile(_AT_WORD + "(?:" + "|".join(f"(?P<d{i}>{p.pattern})" for i, (p, _) in enumerate(_DIRECT)) + ")")
_DIRECT_CONF = {f"d{i}": c for i, (_, c) in enumerate(_DIRECT)}


def _preprocess(text: str) -> str:
    folded = fold(text)
    for pattern, repl in _REWRITE_RE:
        folded = pattern.sub(repl, folded)
    return folded


def _direct_request(folded: str) -> tuple[float, str]:
    best, reason = 0.0, ""
    negated = False
    for m in _DIRECT_RE.finditer(folded):
        conf = _DIRECT_CONF[m.lastgroup or ""]
        if conf <= best:
            continue
        before = words(folded[max(0, m.start() - 24) : m.start()])[-3:]
        # "nobody called me back", "you didn't call me" are complaints, not requests.
        if any(t in _NEGATION for t in before) and "bot" not in m.group(0) and "robo" not in m.group(0):
            negated = True
            continue
        best, reason = conf, f"direct:{m.group(0).strip()}"
    for phrase, conf in _DIRECT_NATIVE:
        if phrase in folded and conf > best:
            best, reason = conf, f"direct:{phrase}"
    if not best and negated:
        reason = "veto:negated"
    return best, reason


def handoff_request(text: str, language: str = "und") -> HandoffRequest:
    """Does the customer ask to be passed to a person? The grammar's answer, or the learned model's
    (`analysis.learned`) when the grammar saw nothing and the model is confident."""
    rule = handoff_rule(text, language)
    if rule.wanted or rule.reason.startswith("veto") or not text.strip():
        return rule  # what the grammar knows is not a request (a number to call, "nobody called me") stays so
    model = learned.model("wants_human")
    p = model.probability(text)
    if p >= model.threshold:
        return HandoffRequest(True, round(p, 3), "learned")
    return rule


def handoff_rule(text: str, language: str = "und") -> HandoffRequest:
    """The grammar alone: with a confidence and the rule that fired."""
    del language  # the rules are shared: customers mix languages within one message
    if not text or not text.strip():
        return HandoffRequest(False, 0.0, "")
    folded = _preprocess(text)
    best, reason = _direct_request(folded)
    info = refused = False
    for sentence in _CLAUSE_SPLIT.split(folded):
        conf, why = _sentence_request(sentence)
        if why == "info-request" and best < 0.85:
            # The information veto also covers a "call me" elsewhere only if that was weak.
            info = True
            continue
        refused = refused or why == "veto:negated"
        if conf > best:
            best, reason = conf, why
    if best < 0.5:
        # Why this is not a request, when the grammar knows: the learned model must not overrule it.
        if info:
            reason = "veto:info"
        elif refused:
            reason = "veto:negated"
        else:
            reason = _not_a_request(folded) or reason
    return HandoffRequest(best >= 0.5, round(best, 3), reason)


def _not_a_request(folded: str) -> str:
    """What in the message says it is no request for a person, when something does: "someone else" or "my
    brother" (not staff), "nobody called me back" (a complaint about a call), "quero falar sobre banda larga"
    (talking about a subject)."""
    if " zzother " in f" {folded} ":
        return "veto:other-person"
    for part in _COMMA_SPLIT.split(folded):
        if _refusing(part) and any(_is_talk(t) or _is_person(t) for t in words(part)):
            return "veto:negated"
    tokens = words(folded)
    if len(tokens) <= _SHORT_WANT and _wants_a_thing(tokens):
        return "veto:thing"
    for i, tok in enumerate(tokens):
        if _is_person(tok) and any(t in _REPORTED for t in tokens[i + 1 : i + 3]):
            return "veto:reported"
        if tok in _REPORTED_TALK and any(_is_person(t) or _is_someone(t) for t in tokens[i + 1 : i + 5]):
            return "veto:reported"
    for i, (a, b) in enumerate(pairwise(tokens)):
        if _is_someone(a) and b in _SOMEONE_ELSE:
            return "veto:other-person"
        if _is_talk(a) and b in _TOPIC:
            return "veto:topic"
        talked = _is_talk(b) or (b.endswith("ed") and _is_talk(b[:-2]))  # "nobody called", "never answered"
        if talked and (a in _NEGATION or (i > 0 and tokens[i - 1] in _NEGATION)):
            return "veto:negated"
        if _is_talk(a) and b in _NEGATION_AFTER:  # "பேச வேண்டாம்", "baat nahi karni"
            return "veto:negated"
    return ""


# A short message that wants something and names nobody wants that thing ("naaku refund kavali", "quero um
# desconto"): in every labelled set, no such message of at most five words asked for a person.
_SHORT_WANT = 5
_WANTING = _latin("wanting")
_WANTING_NATIVE = _prefixes("wanting")


def _wants_a_thing(tokens: list[str]) -> bool:
    wants = any(t in _WANTING or t.startswith(_WANTING_NATIVE) for t in tokens)
    return wants and not any(_is_person(t) or _is_someone(t) or _is_human(t) or _is_talk(t) for t in tokens)


def detect_wants_human(text: str, language: str = "und") -> bool:
    return handoff_request(text, language).wanted


# --- intent, category, priority ---------------------------------------------------------------
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|hola|buen(?:os|as) (?:dias|tardes|noches)|"
    r"oi|ola|bom dia|boa (?:tarde|noite)|ciao|salve|buongiorno|bonjour|salut|hallo|guten tag|namaste|"
    r"namaskar|vanakkam|namaskaram|नमस्ते|नमस्कार|வணக்கம்|నమస్కారం|నమస్తే)\b"
)
_THANKS = re.compile(
    r"\b(?:thanks?|thank you|thx|ty|gracias|obrigad[oa]|valeu|grazie|merci|danke|dhanyavaa?d|dhanyawad|"
    r"shukriya|nandri|dhanyavadalu|धन्यवाद|शुक्रिया|நன்றி|ధన్యవాదాలు)\b"
)
_GOODBYE = re.compile(
    r"\b(?:bye|goodbye|see you|see ya|adios|hasta (?:luego|pronto|manana)|chau|chao|tchau|ate logo|ate mais|"
    r"arrivederci|au revoir|tschuss|alvida|phir milenge|poitu varen|velthanu|अलविदा|போய் வருகிறேன்|వెళ్తాను)\b"
)
_ORDER_NOUN = re.compile(
    r"\b(?:order|orders|package|parcel|shipment|delivery|tracking|pedido|paquete|envio|encomenda|entrega|"
    r"compra|rastreo|rastreio|ऑर्डर|ஆர்டர்|ఆర్డర్|parcel)\b"
)
_ORDER_STATUS = re.compile(
    r"\b(?:where|status|track|tracking|arrive|arrived|arriving|delivered|shipped|when will|"
    r"donde|estado|llega|llegado|llego|rastrear|seguimiento|cade|onde|chega|chegou|chegar|rastrear|"
    r"kab|kahan|kaha|enga|eppo|ekkada|eppudu|sthiti|स्थिति|कहाँ|कब|எங்கே|எப்போ|ఎక్కడ|ఎప్పుడు)\b"
)
_QUESTION_START = re.compile(
    r"^\W*(?:what|what's|whats|when|where|why|how|which|who|can|could|do|does|did|is|are|will|would|"
    r"should|may|que|cuando|donde|como|cual|cuanto|cuanta|cuantos|cuantas|puedo|pueden|puede|hay|tienen|"
    r"o que|quando|onde|qual|quanto|quanta|posso|pode|tem|voces|kya|kab|kaise|kahan|kitna|kitne|kyun|"
    r"enna|eppo|epdi|enga|evlo|emi|eppudu|ela|ekkada|entha|si)\b"
)
_SUGGESTION = re.compile(
    r"\b(?:suggest\w*|suggestion|you should|should add|would be (?:nice|great|good|better) if|please add|"
    r"it would help|sugerencia|sugiero|deberian|podrian agregar|seria (?:bueno|genial|bom|legal|otimo) (?:que|se)|"
    r"sugestao|sugiro|deveriam|sujhav|sujhaav|सुझाव|பரிந்துரை|ஆலோசனை|సూచన)\b"
)
_URGENT = re.compile(
    r"\b(?:urgent\w*|asap|emergency|emergencia|immediately|inmediatamente|imediatamente|right now|"
    r"jaldi|turant|abhi ke abhi|seekiram|sikiram|udane|twaraga|tondaraga|जल्दी|तुरंत|உடனே|சீக்கிரம்|"
    r"తొందరగా|వెంటనే)\b"
)


_QUESTIONS = vocab.load("questions", "parley_nlp")
_QUESTION_WORDS = frozenset(w for words in _QUESTIONS.values() for w in words if not _native(w))
_QUESTION_NATIVE = tuple(w for words in _QUESTIONS.values() for w in words if _native(w))


def asks_question(text: str) -> bool:
    """Does the message ask anything? A question mark, a question word anywhere (verb-final languages put it
    last), or a question-shaped start ("can you…", "do you…"). A bare complaint or request for a person does not."""
    if "?" in text or "¿" in text:
        return True
    folded = fold(text)
    if _QUESTION_START.search(folded):
        return True
    return any(t in _QUESTION_WORDS or t.startswith(_QUESTION_NATIVE) for t in words(folded))


def detect_intent(
    text: str,
    language: str = "und",
    *,
    wants_human: bool | None = None,
    sentiment: Sentiment | None = None,
) -> str:
    """One label from INTENTS, first match wins in order of what an operator most needs to know."""
    if not text or not text.strip():
        return "other"
    if wants_human is None:
        wants_human = detect_wants_human(text, language)
    if sentiment is None:
        from parley_nlp.analysis.sentiment import analyze_sentiment

        sentiment = analyze_sentiment(text, language)
    folded = fold(text)
    if wants_human:
        return "request_human"
    order_status = bool(_ORDER_NOUN.search(folded) and _ORDER_STATUS.search(folded))
    if sentiment.label == "negative" and not (order_status and _calm(text, language)):
        return "complaint"
    if order_status:
        return "order_status"
    if "?" in text or _QUESTION_START.search(folded):
        return "question"
    if sentiment.label == "positive":
        return "feedback"
    if _THANKS.search(folded):
        return "thanks"
    if _GOODBYE.search(folded):
        return "goodbye"
    if _GREETING.search(folded):
        n = len(words(folded))
        return "greeting" if n <= 4 else "question"
    return "question" if len(words(folded)) >= 4 else "other"


def _calm(text: str, language: str) -> bool:
    """No word of displeasure: where the learned model alone reads a question about an order as negative, the
    operator still needs to see "where is my order" first."""
    from parley_nlp.analysis.sentiment import lexicon_sentiment

    return lexicon_sentiment(text, language).label != "negative"


def classify_category(text: str, intent: str, sentiment: Sentiment) -> str:
    """feedback / complaint / suggestion / inquiry / other, as the analytics dashboard groups them."""
    if intent == "complaint" or sentiment.label == "negative":
        return "complaint"
    if _SUGGESTION.search(fold(text)):
        return "suggestion"
    if intent in {"feedback", "thanks"} or (sentiment.label == "positive" and intent != "question"):
        return "feedback"
    if intent in {"question", "order_status", "request_human"}:
        return "inquiry"
    return "other"


def priority(text: str, intent: str, sentiment: Sentiment, wants_human: bool) -> Priority:
    """high: angry, urgent, or asking for a person while upset; low: pleasantries and praise."""
    urgent = bool(_URGENT.search(fold(text)))
    if urgent or sentiment.score <= -0.6 or (sentiment.label == "negative" and wants_human):
        return "high"
    if wants_human or intent in {"complaint", "order_status", "question"} or sentiment.label == "negative":
        return "medium"
    return "low"
