"""What the message is about: salient words, structured entities, and customer-care topics."""

import re
from collections import Counter
from collections.abc import Iterable

from parley_contracts import Entity
from parley_knowledge import vocab
from parley_nlp.analysis.text import fold, normalize, words

# --- stop words ---------------------------------------------------------------------------------
# The product's one stop list (accent-folded, shared with the knowledge base): customers mix languages
# inside a message, and a Spanish article in an English sentence is as little a keyword as in a Spanish one.
_STOP_WORDS = vocab.stopwords() | vocab.low_content_words()


def _is_stop(word: str) -> bool:
    return word in _STOP_WORDS


def extract_keywords(text: str, language: str = "und", limit: int | None = 8) -> list[str]:
    """Content words, most frequent first, then in order of appearance; accent-folded for Latin."""
    del language  # one multilingual stop list: see _STOP_WORDS
    if not text:
        return []
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for pos, tok in enumerate(words(fold(text))):
        tok = tok.strip("'-")
        if len(tok) < 3 and not (len(tok) == 2 and not tok.isascii()):
            continue
        if tok.isdigit() or _is_stop(tok) or tok.startswith("zz"):
            continue
        counts[tok] += 1
        first.setdefault(tok, pos)
    ranked = sorted(counts, key=lambda w: (-counts[w], first[w]))
    return ranked if limit is None else ranked[:limit]


# --- entities -----------------------------------------------------------------------------------
_NUM = r"\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"
_CURRENCY_WORDS = (
    r"pesos?|reais|real|d[oó]lares|dollars?|bucks|euros?|rupees?|rupaye|rupay|rupiya|rs\.?|inr|mxn|usd|eur|"
    r"brl|ars|cop|clp|pen|gbp|lakh|crore|mil reais|€|₹|rupai|रुपये|रुपए|ரூபாய்|రూపాయలు"
)
_MONEY = re.compile(
    rf"(?:(?P<sym>R\$|US\$|MX\$|\$|€|£|₹|Rs\.?|INR|MXN|USD|EUR|BRL)\s?(?P<amt1>{_NUM}))"
    # A bare amount starts where a number starts: without the look-behind every digit of a long run would be
    # tried as a start, each scanning to the run's end (quadratic: 4,096 digits took 3.9 s).
    rf"|(?:(?<![\d.,])(?P<amt2>{_NUM})\s?(?P<cur>{_CURRENCY_WORDS})(?![a-z]))",
    re.IGNORECASE,
)
_DURATION_UNITS = (
    r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"segundos?|minutos?|horas?|d[ií]as|dias?|semanas?|mes|meses|a[nñ]os?|anos?|"
    r"ghante|ghanta|din|hafte|hafta|mahine|mahina|saal|naal|naatkal|vaaram|maasam|rojulu|roju|"
    r"घंटे|दिन|हफ्ते|महीने|साल|நாள்|நாட்கள்|மாதம்|రోజులు|నెలలు"
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|"
    r"un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
    r"um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez|"
    r"ek|do|teen|char|paanch"
)
_DURATION = re.compile(
    rf"(?<![\w.,])(?:\d+|{_NUMBER_WORDS})\s?(?:{_DURATION_UNITS})(?![\w])",
    re.IGNORECASE,
)
# Local parts start at a word's start and are at most 64 characters (RFC 5321): linear on a long word without "@".
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_ORDER_ID = re.compile(
    r"(?:#\s?(?P<hash>[A-Z0-9-]*\d[A-Z0-9-]{2,}))"
    r"|(?:\b(?:order|pedido|orden|ordem|booking|reserva|reservation|ticket|localizador|tracking|guia|awb)"
    r"\s*(?:no\.?|number|n[úu]mero|nº|n°|id|code|c[oó]digo)?\s*[:#]?\s*(?P<ref>[A-Z0-9][A-Z0-9-]*\d[A-Z0-9-]*))",
    re.IGNORECASE,
)
_CODE = re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]{1,4}-?\d{4,}\b")
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d\s().-]{6,}\d(?!\w)")
_DATE = re.compile(
    r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}\s(?:de\s)?(?:jan|feb|fev|mar|apr|abr|may|mai|jun|jul|aug|ago|sep|set|oct|out|nov|dec|dic|dez)"
    r"[a-zç]*\.?(?:\s(?:de\s)?\d{4})?\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:kg|kgs|kilos?|g|gr|lb|lbs|cm|mm|m|km|l|ml|gb|tb|mb|inch|inches|pulgadas|polegadas|\")(?![\w])",
    re.IGNORECASE,
)
_PLAIN_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")


MAX_ENTITIES = 50  # a message listing more is not telling us 50 things; the event stays small


def extract_entities(text: str) -> list[Entity]:
    """Money, durations, quantities, emails, URLs, order ids, phone numbers, dates and other numbers.

    Spans are claimed in that order so "18,500 MXN" is money, not also a number."""
    if not text:
        return []
    # Which characters are claimed, as a byte each: checking a span costs its length, so the whole extraction
    # stays linear (comparing with every span taken so far was quadratic on a text full of numbers).
    taken = bytearray(len(text))
    found: list[tuple[int, Entity]] = []

    def claim(start: int, end: int, kind: str, value: str) -> None:
        if any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append((start, Entity(type=kind, value=value.strip())))

    for m in _EMAIL.finditer(text):
        claim(m.start(), m.end(), "email", m.group(0))
    for m in _URL.finditer(text):
        claim(m.start(), m.end(), "url", m.group(0))
    for m in _MONEY.finditer(text):
        claim(m.start(), m.end(), "money", m.group(0))
    for m in _ORDER_ID.finditer(text):
        ref = m.group("hash") or m.group("ref")
        claim(m.start(), m.end(), "order_id", ref)
    for m in _CODE.finditer(text):
        claim(m.start(), m.end(), "order_id", m.group(0))
    for m in _DURATION.finditer(text):
        claim(m.start(), m.end(), "duration", m.group(0))
    for m in _DATE.finditer(text):
        claim(m.start(), m.end(), "date", m.group(0))
    for m in _QUANTITY.finditer(text):
        claim(m.start(), m.end(), "quantity", m.group(0))
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if 8 <= len(digits) <= 15:
            claim(m.start(), m.end(), "phone", m.group(0))
    for m in _PLAIN_NUMBER.finditer(text):
        claim(m.start(), m.end(), "number", m.group(0))
    found.sort(key=lambda pair: pair[0])
    return [e for _, e in found[:MAX_ENTITIES]]


# --- topics -------------------------------------------------------------------------------------
# Accent-folded word prefixes per topic; native-script entries match as prefixes too. "=word" must
# match a whole word ("=pet" is not "petrol", "=cat" is not "catalog"); "a b" matches a phrase.
_TOPIC_PREFIXES: dict[str, tuple[str, ...]] = {
    "shipping": (
        "ship",
        "deliver",
        "envio",
        "envia",
        "enviar",
        "entrega",
        "frete",
        "flete",
        "despacho",
        "courier",
        "paqueteria",
        "correios",
        "dhl",
        "fedex",
        "estafeta",
        "tracking",
        "rastre",
        "track",
        "llega",
        "chega",
        "arriv",
        "transit",
        "डिलीवरी",
        "शिपिंग",
        "டெலிவரி",
        "ஷிப்பிங்",
        "డెలివరీ",
        "షిప్పింగ్",
    ),
    "returns": (
        "return",
        "devol",
        "devolu",
        "troca",
        "trocar",
        "exchange",
        "wapas",
        "wapis",
        "रिटर्न",
        "वापस",
        "ரிட்டர்ன்",
        "రిటర్న్",
    ),
    "refunds": ("refund", "reembols", "estorno", "reimburs", "money back", "रिफंड", "ரீஃபண்ட்", "రీఫండ్"),
    "payments": (
        "pay",
        "pago",
        "pagar",
        "pague",
        "pagu",
        "pagamento",
        "pix",
        "card",
        "tarjeta",
        "cartao",
        "credit",
        "debit",
        "credito",
        "debito",
        "installment",
        "cuota",
        "parcela",
        "intereses",
        "interest",
        "juros",
        "msi",
        "upi",
        "paytm",
        "efectivo",
        "dinheiro",
        "cash",
        "charged",
        "cobrad",
        "cobran",
        "cobro",
        "cobrar",
        "भुगतान",
        "पेमेंट",
        "பேமெண்ட்",
        "பணம்",
        "పేమెంట్",
        "చెల్లింపు",
    ),
    "invoices": (
        "invoice",
        "=factura",
        "=facturas",
        "facturacion",
        "cfdi",
        "fatura",
        "nota fiscal",
        "=nota",
        "receipt",
        "recibo",
        "billing",
        "gst",
        "rfc",
        "बिल",
        "इनवॉइस",
        "இன்வாய்ஸ்",
        "பில்",
        "బిల్లు",
        "ఇన్వాయిస్",
    ),
    "warranty": ("warrant", "garant", "guarantee", "protege", "वारंटी", "வாரண்டி", "వారంటీ"),
    "orders": ("order", "pedido", "compra", "encomenda", "purchase", "ऑर्डर", "ஆர்டர்", "ఆర్డర్"),
    "account": (
        "account",
        "cuenta",
        "=conta",
        "=contas",
        "login",
        "log in",
        "password",
        "contrasena",
        "senha",
        "=sign",
        "signin",
        "sign-in",
        "profile",
        "perfil",
        "usuario",
        "username",
        "अकाउंट",
        "கணக்கு",
        "అకౌంట్",
    ),
    "booking": (
        "book",
        "reserv",
        "hotel",
        "flight",
        "vuelo",
        "voo",
        "=trip",
        "=trips",
        "viaje",
        "viagem",
        "paquete",
        "check-in",
        "checkin",
        "ticket",
        "pasaje",
        "passagem",
        "boleto",
        "itinerar",
        "tour",
        "crucero",
        "cruise",
        "बुकिंग",
        "टिकट",
        "டிக்கெட்",
        "புக்கிங்",
        "టికెట్",
        "బుకింగ్",
    ),
    "cancellation": ("cancel", "anular", "anula", "कैंसल", "रद्द", "ரத்து", "கேன்சல்", "క్యాన్సిల్", "రద్దు"),
    "baggage": (
        "baggage",
        "luggage",
        "=bag",
        "=bags",
        "bagga",
        "bagag",
        "suitcase",
        "maleta",
        "equipaje",
        "bagagem",
        "valija",
        "kilo",
        "carry-on",
        "सामान",
        "லக்கேஜ்",
        "பேக்",
        "లగేజీ",
    ),
    "documents": (
        "visa",
        "visado",
        "passport",
        "pasaporte",
        "passaporte",
        "document",
        "dni",
        "identif",
        "वीज़ा",
        "वीजा",
        "पासपोर्ट",
        "விசா",
        "பாஸ்போர்ட்",
        "వీసా",
        "పాస్‌పోర్ట్",
        "పాస్పోర్ట్",
    ),
    "insurance": ("insur", "seguro", "bima", "बीमा", "இன்சூரன்ஸ்", "காப்பீடு", "బీమా", "ఇన్సూరెన్స్"),
    "pets": (
        "=pet",
        "=pets",
        "dog",
        "=cat",
        "=cats",
        "puppy",
        "perr",
        "gato",
        "gata",
        "mascota",
        "cachorr",
        "animal",
        "kutta",
        "naai",
        "kukka",
        "कुत्त",
        "பூனை",
        "நாய்",
        "కుక్క",
        "పిల్లి",
    ),
    "promotions": (
        "promo",
        "coupon",
        "cupon",
        "cupom",
        "discount",
        "descuento",
        "desconto",
        "offer",
        "oferta",
        "=deal",
        "=deals",
        "voucher",
        "price match",
        "cheaper",
        "barato",
        "millas",
        "miles",
        "cashback",
        "कूपन",
        "डिस्काउंट",
        "ஆஃபர்",
        "கூப்பன்",
        "ఆఫర్",
        "కూపన్",
    ),
    "accessibility": (
        "wheelchair",
        "silla de ruedas",
        "ruedas",
        "cadeira de rodas",
        "rotelle",
        "disab",
        "discapacid",
        "deficien",
        "accessib",
        "accesib",
        "acessib",
        "mobility",
        "movilidad",
        "mobilidade",
        "blind",
        "deaf",
        "व्हीलचेयर",
        "சக்கர நாற்காலி",
        "వీల్‌చైర్",
    ),
    "support": (
        "support",
        "soporte",
        "suporte",
        "help",
        "ayuda",
        "ajuda",
        "agent",
        "human",
        "atendimento",
        "atencion",
        "atendente",
        "asesor",
        "customer service",
        "customer care",
        "contact",
        "phone",
        "telefono",
        "telefone",
        "horario",
        "hours",
        "chat",
        "manager",
        "representative",
        "operator",
        "=person",
        "=persona",
        "=pessoa",
        "insaan",
        "इंसान",
        "एजेंट",
        "மனித",
        "ஏஜென்ட்",
        "మనిషి",
        "ఏజెంట్",
    ),
}
_TOPIC_ORDER = tuple(_TOPIC_PREFIXES)


def _index() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]], re.Pattern[str]]:
    exact: dict[str, set[str]] = {}
    prefix: dict[str, set[str]] = {}
    phrase: dict[str, set[str]] = {}
    for topic, entries in _TOPIC_PREFIXES.items():
        for entry in entries:
            entry = fold(entry)
            table = exact if entry.startswith("=") else phrase if " " in entry else prefix
            table.setdefault(entry.lstrip("="), set()).add(topic)
    alternation = "|".join(map(re.escape, sorted(prefix, key=len, reverse=True)))
    return exact, prefix, phrase, re.compile(alternation)


_EXACT, _PREFIX, _PHRASE, _PREFIX_RE = _index()


def topics(keywords: Iterable[str]) -> list[str]:
    """Customer-care topics the terms point to, in a fixed order; ["other"] when none does."""
    terms = [fold(k) for k in keywords]
    hits: set[str] = set()
    for term in terms:
        hits |= _EXACT.get(term, set())
        m = _PREFIX_RE.match(term)
        if m:
            hits |= _PREFIX[m.group(0)]
    joined = " ".join(terms)
    for phrase, owners in _PHRASE.items():
        if phrase in joined:
            hits |= owners
    return [t for t in _TOPIC_ORDER if t in hits] or ["other"]


def topic_terms(text: str) -> list[str]:
    """Every content word of the text, for `topics` (keywords are capped; topics should see all)."""
    return extract_keywords(normalize(text), limit=None)
