"""Which language is the customer writing in?

Three layers, cheapest first:
1. Script. Devanagari, Tamil and Telugu letters settle it (and a few other scripts map to one code).
2. Function words. Short, frequent words ("hai", "kitta", "tho", "que", "você", "the") and a few verb
   endings identify romanized Hindi/Tamil/Telugu and the Latin-script languages even in code-mixed
   text, where the content words are often English ("order cancel karna hai").
3. A statistical detector (lingua, low-accuracy mode: character trigrams, models shipped inside
   the wheel, ~50 µs per message) for Latin-script text, weighted by length because it is
   unreliable on two or three words and very reliable on a sentence.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from parley_nlp.analysis.text import fold, words

UNDETERMINED = "und"


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und"
    confidence: float  # 0..1


# --- 1. scripts -------------------------------------------------------------------------------
# (first code point, last code point, language). Devanagari is also Marathi/Nepali; for a customer-
# care inbox in this market "hi" is the right default.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0900, 0x097F, "hi"),
    (0x0980, 0x09FF, "bn"),
    (0x0A00, 0x0A7F, "pa"),
    (0x0A80, 0x0AFF, "gu"),
    (0x0B00, 0x0B7F, "or"),
    (0x0B80, 0x0BFF, "ta"),
    (0x0C00, 0x0C7F, "te"),
    (0x0C80, 0x0CFF, "kn"),
    (0x0D00, 0x0D7F, "ml"),
    (0x0600, 0x06FF, "ar"),
    (0x0400, 0x04FF, "ru"),
    (0x0370, 0x03FF, "el"),
    (0x0590, 0x05FF, "he"),
    (0x0E00, 0x0E7F, "th"),
    (0xAC00, 0xD7AF, "ko"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
)


def _script_of(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, code in _SCRIPTS:
        if lo <= cp <= hi:
            return code
    return None


_ROMANIZED_INDIC = ("hi", "ta", "te")
_STAT_LANGS = ("en", "es", "pt", "it", "fr", "de")

# --- 2. function-word lexicons ---------------------------------------------------------------
# Strong words count 1, weak ones 0.4; a word listed for several languages is split between them,
# so "que" (es/pt/fr) says "Romance" without picking one. Lists are accent-folded.
_STRONG: dict[str, str] = {
    "en": """the and is are was were been does did don't doesn't didn't can't won't isn't i'm i've
        i'll you're it's what's there's you your my we our they their this that these those what
        when where why how which who whom of with from about would should could will have has had
        want need please thanks thank hello hey yes not any some still just after before if or
        but get got u ur pls plz thx my me anyone someone there here much many long does shall
        into than then also only very really yet already tomorrow today yesterday morning""",
    "es": """el los las del al y es son esta estan estoy esto eso este porque pero tambien
        hola gracias favor usted ustedes vosotros tenemos tengo tiene tienen hay quiero quisiera
        puedo puede pueden podria necesito cuanto cuantos cuanta cuantas cuando donde cual cuales
        muy ya hasta desde sin mas ahora hoy manana ayer hacer nos yo mi mis su sus le les lo
        llega llego pedido cuesta pagar pague reservar reserve vale bueno buenas buenos dias
        senor senora che vos pues entonces algo nada nunca siempre otro otra usar ir hace porfa porfis
        oye comunican pasan llamen atienden""",
    "pt": """o os um uma do da dos das no na nos nas em e nao voce voces vc meu minha meus minhas
        seu sua eu ele ela com pra pro por quero queria gostaria posso pode poderia tem tenho
        tenha estou obrigado obrigada oi ola bom boa tudo bem muito muita mais quando onde
        qual quanto quanta isso isto esse essa aqui ainda tambem ja ate sem agora hoje amanha
        ontem preciso vai vou ter fazer ao aos pelo pela entao mas so sim vcs ta tô to nao
        gente coisa comprei chegou chega vem junto outra outro algum alguma nenhum
        valeu blz beleza tbm tb obg vlw cade pq ne faco consigo depois""",
    "it": """il lo gli i un una di del della dello dei delle che e non per con mi ti si sono sei ho
        hai ha abbiamo avete hanno come quando dove perche cosa grazie ciao buongiorno buonasera
        vorrei posso puo questo questa anche molto gia ancora mia mio tuo suo nel nella alla al
        dal dalla sul sulla essere avere fare pero prego salve mia madre possibile avere ci""",
    "fr": """le la les un une de des du et est je tu il nous vous ils elles ne pas que qui pour dans
        sur avec mon ma mes votre vos bonjour merci oui non c'est j'ai au aux ce cette mais ou
        comment quand pourquoi combien peux puis voudrais est-ce suis avez avons sont ai leur""",
    "de": """der die das und ist ich du sie wir ihr nicht ein eine einen mit fur auf zu von den dem
        bin habe hat haben kann konnen wie was wann wo warum danke bitte hallo guten tag mein
        meine ja nein auch noch schon aber oder mochte ich bestellung""",
    "hi": """hai hain nahi nahin nhi kya kyu kyun kyon mujhe mujhko mera meri mere tum tumhe aap
        aapka aapki aapko apna apni apne karna karni karo kare karein karen kariye kijiye raha
        rahi rahe tha thi hoga hogi jayega jayegi jaega gaya gayi abhi kab kaise kaisa kitna
        kitne kitni kahan kaha yeh woh wo bhai bhi sirf accha acha achha theek thik bahut bohot
        kuch koi kisi kyunki lekin aur hum humko humein hamara hamari baat bata batao bataiye
        batayein chahiye chahta chahti dijiye dena dedo diya liya lena wala wale wali haan
        dikha dikh sakte sakta sakti milega milegi hua hui aaj pehle baad wapas karwana
        karvana bolo samajh pata jao jaana aana aaya aayi aaye kr bina sabse zyada jyada
        matlab namaste namaskar dhanyavad dhanyawad shukriya yaar ji kab tak tha ab jab kaun
        kiska kiski kuchh krna krdo kardo karwa dikhao bhejo bheja mangwaya mila gaye gya gyi gye
        paise paisa hoon hun karta karte karti kiya kiye mere mili chalega dikkat pareshani jaldi
        kripya krpya bhej diye hue hota hoti hote phir dobara wapis kidhar idhar udhar waise
        vaise thoda zara bilkul sahi galat parso raha rahe hamko tumko unko usko isko
        liye milta milti milte lagta lagti lagte lagega lagegi karke karne wahan wahaan vahan
        yahan yahaan usme isme usmein ismein uska uski iska iski unka unki agar toh
        kyonki hamesha samjha samjhao bataye sakta sakenge payenge hogaya hogya ho gaya jata jati
        jate rakha rakhna rakho chahte dekho dekhiye kaunsa kaunsi konsa konsi""",
    "ta": """enna epdi eppadi eppo enga engae enge yenna naan neenga ninga unga ungal ungalukku
        enakku enaku ennoda avanga idhu athu adhu inga anga illa illai illaiya irukku iruku
        irukka irukkum iruntha vanakkam nandri romba konjam seri venum venam vendum vendaam
        mudiyuma mudiyum mudiyadhu pannunga pannu panna pannanum pannalama panren sollunga sollu
        kudunga kodunga kitta pesanum pesa pesunga varum varuma vandhu vanthu aagum aagala aachu
        achu podunga paarunga theriyum theriyala theriyuma yaaru naalaikku nalaikku naalai
        innaikku inniki nethu ippo ippa appo evlo evvalavu ethana oru dhaan thaan machan ponga
        vaanga varala varalai kaasu panam aana aanaa irundhu irunthu kooda pannittu eppadi
        sonnanga sonninga kedaikuma kidaikuma kedaikum ungaluku namma nammaloda aagudhu aaguthu
        irukkudhu irukuthu varudhu varuthu pogudhu poguthu sollala pannala kudukala vandhuchu
        vanthuchu pochu poyiduchu aayiduchu kaanom kanom ennachu ennaachu ethuku edhuku paathu
        paakanum vaangunga anuppunga ungalala mudiyala aacha aachaa pannirunthen panniten
        innum mattum ellam ellaam neraya pathi patthi puthu pudhu pazhaya palaya thirumba apram
        aprom apparam ippadi appadi eduthu eduthuttu kuduthu koduthu vaanganum vaangalama
        pannitten panniten pannuvaanga pannuveengala tharuveengala tharuvingala varuvaanga
        aaguma aagumaa evvalo evalo yevlo ethavadhu ethavathu enna naal naalu vaaram panni illama
        illaama kattanum kattunga""",
    "te": """naaku naku nenu meeru miru mee nuvvu nuvu emi enti endi ela elaa ekkada eppudu enduku
        entha enta evaru ledu ledhu undi unnadi unnayi kaadu kavali kaavali kaavaali cheyyandi
        cheyandi cheyyi chey cheppandi cheppu chestanu chesanu chesaru chesi chestara
        maatlaadaali matladali maatlaadali matladandi maatlaadu matladu konchem koncham tho gaaru
        garu andi avunu ikkada akkada ippudu appudu repu ninna inka kuda dhanyavadalu
        namaskaram bagundi baagundi baaga chala chaala vachindi vastundi vellali raadu ravali
        pampandi pampu cheyyali ayindi aindi avutundi telusu teliyadu emaindi emaina mari
        enni entho maa mana manaki vaallu valla anupandi pampinchandi ivvandi ivvali ivvaledu
        raaledu raledu kaledu avvaledu jarigindi chudandi cheyyadam ayyindi poyindi unnaru unnanu
        kaani emo adi idi ante antunnaru sariga sarigga
        untunda untundi untaya untayi unda undha unnaya unnara istara istaru istaaru ammutara
        ammutaru chesthe cheste chesina chestunna chesthunna cheyyocha cheyyacha cheyocha
        cheyyagalara cheyyagalana cheyyagalanu cheskovacha cheskovachha cheskovali vastaya
        ostundi osthundi vasthundi padutundi pattadu rojulu meeku miku maaku ekkuva takkuva
        tarvata taruvata varaku lopala leka kavala kaavala evaru evaraina ivvagalara""",
}
_WEAK: dict[str, str] = {
    "en": "a an to in on at for by no i it be do can is",
    "es": "la que de en un una se me con para por como no a te mi",
    "pt": "a que de se me para por como te e",
    "it": "la le in a da",
    "fr": "en a se me te",
    "de": "in im am",
    "hi": "se ko ka ki ke ho main mein par pe ye na ek do bas wo hu",
    "ta": "la ku naa",
    "te": "lo ki ni naa ee",
}


# A distinctive romanized Hindi/Tamil/Telugu word almost never turns up by accident in European
# text, and code-mixed messages carry only a few of them among English nouns: they weigh more.
_INDIC_BOOST = 1.8


def _build_lexicon() -> dict[str, dict[str, float]]:
    owners: dict[str, list[tuple[str, float]]] = {}
    for weight, table in ((1.0, _STRONG), (0.4, _WEAK)):
        for lang, blob in table.items():
            boost = _INDIC_BOOST if lang in _ROMANIZED_INDIC and weight == 1.0 else 1.0
            for word in set(blob.split()):
                owners.setdefault(word, []).append((lang, weight * boost))
    return {word: {lang: weight / len(entries) for lang, weight in entries} for word, entries in owners.items()}


_LEXICON = _build_lexicon()

# Verb endings that survive romanization; only applied to words no lexicon knows.
_SUFFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^\w{3,}(?:unga|ungal|inga|anum|aanum|aagum|alaama?|alama|iruku|irukku|aachu|kitta|udhu|uthu)$"),
        "ta",
    ),
    (re.compile(r"^\w{3,}(?:ikku|aikku|ukku)$"), "ta"),
    # Tamil: "-umbothu" (while …ing), "-ttu" (having …ed), "-eengala/-inga" (will you …?).
    (re.compile(r"^\w{3,}(?:iducha|iduchu|aducha|aduchu)$"), "ta"),
    (re.compile(r"^\w{3,}(?:umbothu|umpothu|umbodhu|uttu|ittu|eengala|eenga|ingala|vaanga|vanga)$"), "ta"),
    (re.compile(r"^\w{3,}(?:andi|aali|aalanu|tundi|tunnanu|tanu|ledu|indi|inchandi)$"), "te"),
    # Telugu: "-unda" (is there …?), "-occha/-vacha" (may I …?), "-galana/-galara" (can I/you …?).
    (re.compile(r"^\w{2,}(?:yinda|yyinda|chinda|sinda|yindi|chindi)$"), "te"),
    (re.compile(r"^\w{2,}(?:tunda|unnara|occha|ocha|vacha|vachha|galana|galara|galaru|stara|staru)$"), "te"),
    (re.compile(r"^\w{2,}(?:iye|enge|ogi|oge|unga|wana|vana|wao|vao|wayi)$"), "hi"),
)

# Letters only one language family writes.
_CHAR_HINTS: dict[str, dict[str, float]] = {
    "ñ": {"es": 1.5},
    "¿": {"es": 1.5},
    "¡": {"es": 1.5},
    "ã": {"pt": 1.5},
    "õ": {"pt": 1.5},
    "ç": {"pt": 0.6, "fr": 0.6},
    "ê": {"pt": 0.5, "fr": 0.5},
    "ô": {"pt": 0.5, "fr": 0.5},
    "è": {"it": 0.7, "fr": 0.5},
    "ò": {"it": 1.0},
    "ì": {"it": 1.0},
    "ù": {"it": 0.5, "fr": 0.5},
    "ß": {"de": 1.5},
    "ä": {"de": 1.0},
    "ö": {"de": 1.0},
}


@cache
def _detector():  # type: ignore[no-untyped-def]
    """Built on first use: low-accuracy mode needs no preloading and keeps memory near 20 MB."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in _STAT_LANGS]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def warm_up() -> None:
    """Load the statistical models now rather than on the first customer message."""
    _statistical("warm up the detector")


def _statistical(text: str) -> dict[str, float]:
    values = _detector().compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): v.value for v in values}


def _script_guess(text: str) -> tuple[str | None, float, int]:
    """(dominant non-Latin script's language, its share of letters, number of Latin letters)."""
    counts: Counter[str] = Counter()
    latin = 0
    for ch in text:
        if ord(ch) < 0x250:
            latin += ch.isalpha()
            continue
        code = _script_of(ch)  # letters and vowel signs alike: both say which script it is
        if code is not None:
            counts[code] += 1
    if not counts:
        return None, 0.0, latin
    # Kana anywhere means Japanese even though most characters may be shared CJK ideographs.
    if counts.get("ja") and counts.get("zh"):
        counts["ja"] += counts.pop("zh")
    code, n = counts.most_common(1)[0]
    return code, n / (n + latin + sum(counts.values()) - n), latin


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,4}\b")


def _lexical_scores(tokens: list[str]) -> dict[str, float]:
    scores: dict[str, float] = dict.fromkeys((*_STAT_LANGS, *_ROMANIZED_INDIC), 0.0)
    for tok in tokens:
        entry = _LEXICON.get(tok)
        if entry is not None:
            for lang, w in entry.items():
                scores[lang] += w
            continue
        for pattern, lang in _SUFFIXES:
            if pattern.match(tok):
                scores[lang] += 1.0
                break
    return scores


def _confidence(best: float, second: float, evidence: float) -> float:
    """High when the winner is far ahead *and* there was enough evidence to be sure."""
    margin = (best - second) / best if best > 0 else 0.0
    strength = 1.0 - math.exp(-evidence / 1.2)
    return round(max(0.05, min(0.99, (0.35 + 0.65 * margin) * strength)), 3)


def detect_language(text: str) -> LanguageGuess:
    if not text or not text.strip():
        return LanguageGuess(UNDETERMINED, 0.0)

    script_code, script_share, latin_letters = _script_guess(text)
    if script_code is not None and script_share >= 0.2:
        # Native script is near-conclusive; only a handful of letters lowers the confidence.
        conf = min(0.99, 0.6 + 0.4 * script_share) * (1.0 - math.exp(-len(text.strip()) / 4))
        return LanguageGuess(script_code, round(conf, 3))

    if latin_letters == 0:
        return LanguageGuess(UNDETERMINED, 0.0)

    folded = fold(text)
    tokens = [t for t in words(folded) if not t.isdigit()]
    # Short all-capital words in otherwise lower-case text are acronyms ("EMI", "COD", "TV"), not
    # the function words they happen to spell ("emi" is Telugu for "what").
    if any(ch.islower() for ch in text):
        acronyms = {w.lower() for w in _ACRONYM_RE.findall(text)}
        if acronyms:
            tokens = [t for t in tokens if t not in acronyms]
    scores = _lexical_scores(tokens)
    for ch in text.lower():
        hint = _CHAR_HINTS.get(ch)
        if hint:
            for lang, w in hint.items():
                scores[lang] += w

    # The detector's weight grows with length: ~0 for "oi", full for a sentence. When the function
    # words have already decided by a wide margin it cannot change the answer, so it is skipped.
    stat_weight = min(2.5, latin_letters / 12)
    top_two = sorted(scores.values(), reverse=True)[:2]
    decided = top_two[0] >= 4.0 and top_two[1] + stat_weight < top_two[0] - stat_weight
    if stat_weight >= 0.25 and not decided:
        for lang, p in _statistical(text).items():
            if lang in scores:
                # A language none of whose function words occur gets half a vote: the detector
                # only knows European languages and must pick one of them even for Hinglish.
                scores[lang] += stat_weight * p * (1.0 if scores[lang] > 0 else 0.5)

    # Romanized Indic text is English-heavy in content words; let the detector's English vote count
    # less when Indic function words are present, since it cannot know those languages at all.
    indic_best = max(scores[c] for c in _ROMANIZED_INDIC)
    if indic_best >= 1.0:
        scores["en"] *= 0.7

    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best_lang, best), (_, second) = ranked[0], ranked[1]
    if best <= 0.15:
        return LanguageGuess(UNDETERMINED, 0.0)
    return LanguageGuess(best_lang, _confidence(best, second, best))
