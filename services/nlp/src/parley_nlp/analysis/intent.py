"""What the customer wants: a person? which kind of message is it? how urgent?

`wants_human` is the signal that matters most (it switches the bot off for the chat), so it is built
as a small grammar rather than a bag of words: a *person noun* (agent, atendente, इंसान, மனிதர்,
ఏజెంట్, …) near a *request verb* (talk, pasar, falar, baat karni, pesanum, maatlaadaali, …), plus
direct patterns that need no noun ("call me", "not a bot"). Asking for a phone number or opening
hours is information, not a handoff, and is vetoed unless the customer also asks to be put through.
"""

import re
from dataclasses import dataclass
from typing import Literal

from parley_contracts import Sentiment
from parley_nlp.analysis.text import WORD_CHAR, fold, words

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

# --- person nouns ---------------------------------------------------------------------------
# Staff a customer can be passed to. Accent-folded Latin; native-script entries match as prefixes
# because Indic words carry case endings ("ఏజెంట్‌కి", "மனிதரிடம்").
_PERSON = frozenset(
    """agent agents human humans person people representative rep reps manager supervisor operator
    staff employee advisor adviser associate executive specialist zzperson boss
    agente agentes humano humana humanos persona personas asesor asesora asesores operador operadora
    representante gerente encargado encargada jefe jefa supervisora superior chefe responsavel
    coordinador coordinadora ejecutivo ejecutiva empleado empleada responsable
    atendente atendentes pessoa pessoas consultor consultora funcionario funcionaria
    operatore umano persona addetto conseiller conseillere humain operateur mitarbeiter mensch berater
    insaan insan inshaan aadmi admi vyakti manushan manushar manithar manidhar manithan aal aalu
    manishi manishitho manushulu""".split()
)
# "Someone" only counts with a verb of talking or calling ("can someone call me?").
_SOMEONE = frozenset(
    """someone somebody anyone anybody alguien alguem qualcuno quelqu'un jemand koi kisi
    yaaravadhu yaaravathu yaravathu yaaravadu yaravadhu yaarachum yaaraachum evaraina evarainaa
    evarina evaraaina""".split()
)
_PERSON_NATIVE = (
    "इंसान",
    "मनुष्य",
    "व्यक्ति",
    "आदमी",
    "एजेंट",
    "एजेन्ट",
    "प्रतिनिधि",
    "मैनेजर",
    "ऑपरेटर",
    "कर्मचारी",
    "अधिकारी",
    "कस्टमर",
    "மனித",
    "ஆள்",
    "ஏஜென்ட்",
    "ஏஜெண்ட்",
    "ஏஜண்ட்",
    "பிரதிநிதி",
    "மேனேஜர்",
    "மேலாளர்",
    "ஊழியர்",
    "அதிகாரி",
    "கஸ்டமர்",
    "మనిషి",
    "మనుష",
    "వ్యక్తి",
    "ఏజెంట్",
    "ఏజెన్ట్",
    "ప్రతినిధి",
    "మేనేజర్",
    "ఉద్యోగి",
    "సిబ్బంది",
    "అధికారి",
    "కస్టమర్",
)
_SOMEONE_NATIVE = ("किसी", "कोई", "யாராவது", "யாரிடமாவது", "ఎవరైనా", "ఎవరితోనైనా")

# --- verbs ----------------------------------------------------------------------------------
# Verbs of talking, transferring or calling: enough next to a person noun in either order
# (Hindi, Tamil and Telugu put the verb last).
_TALK = frozenset(
    """talk speak chat connect transfer pass escalate reach contact call phone
    hablar hablo habla platicar pasar pasame pasarme pasen pasenme pase pasas pasan pases comunicas
    comunican conectas conectan transfieres transfieren passam transferem conectam comunicar comunicarme
    comunicame comuniquen comuniqueme marcar marcame marquen marquenme conversar converse transferir transfiereme transfieran conectar conectame
    conectarme conecten derivar derivame derivarme llamar llamame llamen llamenme contactar contacten
    falar fala passar passa passe transfere transfira conecta encaminhar encaminha encaminhe ligar
    liga ligue ligarem chamar contatar atender atenderme atienda atiendan atiende atendam atenda
    parlare passare passarmi parler passer sprechen verbinden
    baat bat baatein jodo jod jodiye  milao milwao milwaiye karwao karwaiye
    pesanum pesa pesu pesunga pesalama pesanumnu pesuvathu pesanam koopidunga kooptu
    maatlaadaali matladali maatlaadali matladalanukuntunnanu matladandi maatlaadandi matladataanu
    maatlaadatanu matladanivvandi maatladali matladaali kalapandi""".split()
)
# Verbs of wanting or asking whether someone exists: only right next to the noun, before it in
# the European languages ("I want an agent"), after it in the verb-final ones ("agent venum").
_WANT_BEFORE = frozenset(
    """want need get give like have any there
    quiero quisiera necesito hay tienen tiene algun alguna
    quero queria gostaria preciso tem ha existe algum alguma
    voglio vorrei veux voudrais mochte""".split()
)
_WANT_AFTER = frozenset(
    """available disponible disponivel disponibile chahiye chahta chahti chaiye hai venum vendum
    irukkanga irukangala irukkingala irukingala irukeengala irukkeengala kavali kaavali kaavaali unnara
    unnaara""".split()
)
_TALK_NATIVE = (
    "बात",
    "जोड़",
    "जोड",
    "कनेक्ट",
    "ट्रांसफर",
    "कॉल",
    "फोन",
    "फ़ोन",
    "मिला",
    "मिलवा",
    "பேச",
    "இணை",
    "கனெக்ட்",
    "அழை",
    "கால்",
    "கூப்பிட",
    "ஃபோன்",
    "போன்",
    "தொடர்பு",
    "మాట్లాడ",
    "కనెక్ట్",
    "కలప",
    "కాల్",
    "ఫోన్",
    "సంప్రదించ",
    "ట్రాన్స్ఫర్",
)
# Verbs of helping: only with a staff noun close by ("can a person help me?", "alguien que me
# ayude" does not count: "someone help me understand" is not a handoff).
_HELP = frozenset("""help assist attend ayude ayuden ayudarme ayudar atiende ajude ajudem ajudar""".split())
# "call"/"phone" after an article or possessive is the noun ("a phone with a good camera").
_NOUN_DETERMINERS = frozenset("a an the my your this that new same old um uma o meu minha".split())
_WANT_NATIVE = ("चाहिए", "चाहता", "चाहती", "வேண்டும்", "வேணும்", "కావాలి")

# --- phrases rewritten before tokenising ------------------------------------------------------
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        # People who are not staff to be passed to.
        (
            r"\b(?:travel|insurance|real estate|estate|user|shipping|customs|booking|sales|selling|freight|"
            r"forwarding|ticketing|leasing|secret|free|talent|sports|literary|purchasing|buying) agents?\b",
            " zzother ",
        ),
        # The customer describing their own job: "I'm a sales rep", "soy agente", "sou representante".
        (
            r"\b(?:i'?m|i am|we are|we'?re) (?:a |an |the )?(?:\w+ )?(?:agents?|reps?|representatives?|managers?|employees?|operators?)\b",
            " zzother ",
        ),
        (
            r"\b(?:soy|somos|sou) (?:un |una |o |a )?(?:agentes?|representantes?|gerentes?|asesor(?:a|es)?)\b",
            " zzother ",
        ),
        (r"\bagen(?:te|tes) (?:de )?(?:viajes?|viagens?|seguros?|aduana)\b|\bagencias?\b", " zzother "),
        (r"\b(?:delivery|courier) (?:person|guy|man|boy|agent)\b|\brepartidor\w*|\bentregador\w*", " zzother "),
        (r"\b(?:another|other|third|a different) (?:person|people|party)\b", " zzother "),
        (r"\b(?:otra|otras|tercera) (?:persona|personas)\b|\b(?:outra|outras|terceira) pessoas?\b", " zzother "),
        (r"\b(?:per|por|each|cada|by) (?:person|persona|pessoa|pax|adulto|adult)\b", " zzother "),
        (
            r"\b(?:\d+|two|three|four|five|six|dos|tres|cuatro|cinco|seis|duas|dois|quatro) (?:people|persons?|personas?|pessoas?|adults?|adultos?)\b",
            " zzother ",
        ),
        (r"\bhuman (?:error|rights|resources)\b|\bderechos humanos\b|\bdireitos humanos\b", " zzother "),
        # Staff named by their department.
        (
            r"\bcustomer (?:care|service|support|success)(?: (?:team|executive|rep|representative|person|agent))?\b",
            " zzperson ",
        ),
        (r"\b(?:support|service|sales|help ?desk) (?:team|staff|desk|department)\b", " zzperson "),
        (r"\b(?:servicio|atencion) al cliente\b|\batendimento(?: ao cliente)?\b|\bsoporte tecnico\b", " zzperson "),
        (
            r"\blive (?:agent|person|human|support|chat agent)\b|\b(?:real|actual) (?:person|human|people|agent)\b"
            r"|\bhuman being\b|\bperson in charge\b",
            " zzperson ",
        ),
        # Hinglish "banda" (a guy) only after koi/kisi/ek: in es/pt "banda" is a band or broadband.
        (r"\b(?:koi|kisi|ek) (?:banda|bande|bandi)\b", " koi zzperson "),
        (r"\b(?:persona|pessoa) (?:real|de verdad|de verdade)\b|\bser humano\b", " zzperson "),
        (
            r"\b(?:alguem|alguien|pessoa|persona|someone|a person) de carne (?:e osso|y hueso)\b|\bflesh and blood\b",
            " zzperson ",
        ),
    )
)

# --- patterns that are a handoff request by themselves ----------------------------------------
_DIRECT: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p), c)
    for p, c in (
        (r"\b(?:call|ring|phone) me\b|\bgive me a (?:call|ring)\b|\bcallback\b|\bcall back\b", 0.85),
        (
            r"\bllam(?:a|e|en)me\b|\bme (?:pueden|puede|podrian|podria|podes|puedes) llamar\b|\bme llamen\b"
            r"|\b(?:que|alguien) me (?:llame|llamen|llamara|llamaran)\b",
            0.85,
        ),
        (
            r"\bme (?:liga|ligue|ligar|liguem|ligam|telefone)\b|\bliga(?:r)? (?:pra|para) mim\b|\bme (?:pode|podem|poderia|poderiam) ligar\b",
            0.85,
        ),
        (r"\b(?:call|phone) (?:karo|karein|kare|kijiye|kar do|kardo|kar dijiye|karwao|back karo|karna)\b", 0.8),
        (r"\b(?:call|phone) (?:pannunga|pannuga|pannu|pannungal|pannunga please)\b", 0.8),
        (r"\b(?:call|phone) (?:cheyyandi|cheyandi|cheyyi|cheyyagalara|cheyyandi please|chesthara|chestara)\b", 0.8),
        (
            r"\b(?:don'?t|do not|dont) want (?:to (?:talk|speak|chat) (?:to|with) )?(?:a |an |the |this )?(?:bot|robot|machine|chatbot|ai)\b",
            0.8,
        ),
        (r"\b(?:not|no more) (?:a |an |the |this )?(?:bot|robot|machine|chatbot)\b", 0.6),
        (
            r"\bno quiero (?:hablar con |chatear con )?(?:un |el |una |la |este )?(?:bot|robot|maquina|chatbot|ia)\b",
            0.8,
        ),
        (r"\bnao quero (?:falar com |conversar com )?(?:um |o |uma |a |esse )?(?:bot|robo|maquina|chatbot|ia)\b", 0.8),
        (r"\b(?:bot|robot|robo) (?:se |say |sa )?(?:nahi|nahin|nhi|mat)\b", 0.6),
        (r"\bbot (?:venam|vendam|vendaam|vaendaam|illa)\b|\bbot (?:vaddu|oddu|kaadu)\b", 0.6),
        (r"\bescalate (?:this|it|my|the|me)\b|\bplease escalate\b|\bput me through\b", 0.8),
        (
            r"\b(?:is|are) (?:there )?(?:any ?one|some ?one|any ?body|some ?body) (?:actually |really |even |still )?"
            r"(?:there|here|real)\b",
            0.75,
        ),
        # "Am I talking to a machine?": asking whether a person is there at all.
        (
            r"\b(?:am i|i am|i'?m) (?:just |only |still )?(?:talking|speaking|chatting) (?:to|with) (?:a |an |the )?"
            r"(?:bot|robot|machine|computer|ai)\b|\bestoy (?:hablando|chateando) con (?:un |una )?(?:bot|robot|maquina)\b"
            r"|\bestou (?:falando|conversando) com (?:um |uma )?(?:bot|robo|maquina)\b",
            0.6,
        ),
        (r"\btem alguem (?:\w+ ){0,5}ai\b|\bhay alguien (?:\w+ ){0,5}ahi\b", 0.7),
        (
            r"\b(?:yaaravadhu|yaaravathu|yaravathu|yaaravadu|yaravadhu|yaarachum|yaaraachum) "
            r"(?:\w+ )?(?:irukk?(?:i|ee)ngala|irukk?aangala)\b|\b(?:evaraina|evarainaa|evarina) (?:\w+ )?unn?aa?ra\b",
            0.7,
        ),
        (
            r"\bhay alguien (?:ahi|ahi\?|ah[ií]|real)\b|\btem alguem (?:ai|a[ií]|real)\b|\bkoi (?:hai|h) (?:kya|kia)\b",
            0.75,
        ),
        (
            r"\bare (?:you|u) (?:a )?(?:real|zzperson|human|person)\b|\beres (?:una )?(?:persona|humano|zzperson)\b|\bvoce e (?:uma )?(?:pessoa|humano|zzperson)\b",
            0.6,
        ),
    )
)
_DIRECT_NATIVE: tuple[tuple[str, float], ...] = (
    ("बॉट से नहीं", 0.6),
    ("बॉट नहीं", 0.6),
    ("मुझे कॉल", 0.85),
    ("कॉल करें", 0.7),
    ("कॉल कीजिए", 0.7),
    ("போட் வேண்டாம்", 0.6),
    ("கால் பண்ணுங்க", 0.8),
    ("அழையுங்கள்", 0.8),
    ("బాట్ వద్దు", 0.6),
    ("కాల్ చేయండి", 0.8),
)
# Information about contact channels, not a request to be put through.
_INFO = re.compile(
    r"\b(?:number|phone number|telephone|numero|telefono|telefone|hours|horario|horarios|timings?|"
    r"what time|a que hora|que horas|que hora|email|e-mail|correo|address|direccion|endereco|"
    r"open|opens|abre|abren|abrem|close|closes|cierra|fecha|how (?:do|can) (?:i|we) (?:call|contact|reach)|"
    r"how to (?:call|contact|reach)|como (?:llamo|contacto|me comunico|ligo|entro em contato))\b"
)
# Verbs that ask to be put through *now*: they override the information veto.
_TRANSFER = frozenset(
    """connect transfer pass escalate pasame pasarme pasenme comunicame comunicarme transfiereme
    conectame conectarme derivame derivarme passa passe transfere transfira encaminha encaminhe
    jodo jodiye milao milwao karwao kalapandi""".split()
)
_NEGATION = frozenset(
    """not no never don't dont doesn't didn't won't can't nobody noone no-one nunca nadie nao nem ninguem
    nahi nahin nhi mat illa illai vendam venam ledu vaddu""".split()
)
_CLAUSE_SPLIT = re.compile(r"[.?!;¿¡।\n]+")
_COMMA_SPLIT = re.compile(r"[,،]")


@dataclass(frozen=True)
class HandoffRequest:
    wanted: bool
    confidence: float  # 0..1; 0 when nothing suggests it
    reason: str  # which rule fired, for logs and debugging


def _is_person(tok: str) -> bool:
    return tok in _PERSON or tok.startswith(_PERSON_NATIVE)


def _is_someone(tok: str) -> bool:
    return tok in _SOMEONE or tok.startswith(_SOMEONE_NATIVE)


def _is_talk(tok: str) -> bool:
    return tok in _TALK or tok.startswith(_TALK_NATIVE)


def _is_want(tok: str, before_noun: bool) -> bool:
    if before_noun:
        return tok in _WANT_BEFORE
    return tok in _WANT_AFTER or tok.startswith(_WANT_NATIVE)


def _negated(tokens: list[str], i: int, commas: list[int]) -> bool:
    """A negator just before token i, or (verb-final languages) just after it, in the same clause."""
    lo, hi = max(0, i - 2), min(len(tokens), i + 3)
    return any(tokens[j] in _NEGATION and commas[j] == commas[i] for j in range(lo, hi) if j != i)


def _sentence_request(sentence: str) -> tuple[float, str]:
    # Token list with, for each token, the comma-clause it sits in (negation does not cross commas).
    tokens: list[str] = []
    commas: list[int] = []
    for k, part in enumerate(_COMMA_SPLIT.split(sentence)):
        ws = words(part)
        tokens += ws
        commas += [k] * len(ws)
    if not tokens:
        return 0.0, ""

    best, reason = 0.0, ""
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
                    best, reason = 0.75, f"person+help:{tokens[i]}/{tok}"
                continue
            if _is_talk(tok):
                # "transfer my booking to another person": an object between verb and noun that is
                # not the customer means something else is being passed.
                if tok in _TRANSFER and j < i and _has_foreign_object(tokens[j + 1 : i]):
                    continue
                if _negated(tokens, j, commas):
                    continue
                conf = 0.9 if strong_noun else 0.75
                if conf > best:
                    best, reason = conf, f"person+verb:{tokens[i]}/{tok}"
            elif strong_noun and (i - 3 <= j < i or i < j <= i + 3) and _is_want(tok, j < i):
                if _negated(tokens, j, commas):
                    continue
                if 0.8 > best:
                    best, reason = 0.8, f"person+want:{tokens[i]}/{tok}"
    # A bare noun as the whole message: "agent", "humano por favor", "human please".
    if not best and persons and len(tokens) <= 3 and not someones:
        noun = tokens[persons[0]]
        rest = tokens[: persons[0]] + tokens[persons[0] + 1 :]
        if noun not in {"people", "person", "persona", "pessoa", "rep"} and all(t in _BARE_OK for t in rest):
            best, reason = 0.7, f"bare:{noun}"
    if best and _INFO.search(sentence) and not any(t in _TRANSFER for t in tokens):
        return 0.0, "info-request"
    return best, reason


# What may stand next to a bare staff noun ("agent please", "un humano ya"); "pessimo atendimento"
# is a complaint about the service, not a request.
_BARE_OK = frozenset(
    """a an the un una um uma el la o please pls plz por favor porfa now ya agora ahora abhi hi hello
    hola oi ola ok okay chahiye venum kavali kaavali""".split()
)
_FOREIGN_OBJECT = frozenset(
    """my this ticket tickets booking reservation order package money points seat
    mi mis reserva pedido boleto billete dinero puntos asiento
    meu minha reserva pedido passagem bilhete dinheiro pontos assento""".split()
)


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
    for m in _DIRECT_RE.finditer(folded):
        conf = _DIRECT_CONF[m.lastgroup or ""]
        if conf <= best:
            continue
        before = words(folded[max(0, m.start() - 24) : m.start()])[-3:]
        # "nobody called me back", "you didn't call me" are complaints, not requests.
        if any(t in _NEGATION for t in before) and "bot" not in m.group(0) and "robo" not in m.group(0):
            continue
        best, reason = conf, f"direct:{m.group(0).strip()}"
    for phrase, conf in _DIRECT_NATIVE:
        if phrase in folded and conf > best:
            best, reason = conf, f"direct:{phrase}"
    return best, reason


def handoff_request(text: str, language: str = "und") -> HandoffRequest:
    """Does the customer ask to be passed to a person? With a confidence and the rule that fired."""
    del language  # the rules are shared: customers mix languages within one message
    if not text or not text.strip():
        return HandoffRequest(False, 0.0, "")
    folded = _preprocess(text)
    best, reason = _direct_request(folded)
    for sentence in _CLAUSE_SPLIT.split(folded):
        conf, why = _sentence_request(sentence)
        if why == "info-request" and best < 0.85:
            # The information veto also covers a "call me" elsewhere only if that was weak.
            continue
        if conf > best:
            best, reason = conf, why
    return HandoffRequest(best >= 0.5, round(best, 3), reason)


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
    if sentiment.label == "negative":
        return "complaint"
    if _ORDER_NOUN.search(folded) and _ORDER_STATUS.search(folded):
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
