"""The customer's tone, from a weighted lexicon with negation, intensifiers and shouting cues.

Calibrated to the labelling rule the product uses: a routine "please"/"thanks" is not positive, and
a calm report of a problem ("it stopped working after 8 months") is neutral; displeasure (anger,
frustration with the business or with the bot) is negative; praise or enthusiasm is positive. So
problem words weigh little and their total is capped, while emotion words weigh a lot.
"""

import math
import re
from dataclasses import dataclass

from parley_contracts import Sentiment
from parley_nlp.analysis.text import WORD_CHAR, fold, phrase_pattern, words

STRONG = 1.0
MILD = 0.6
WEAK_POSITIVE = 0.4
PROBLEM = -0.3  # a symptom, not an emotion: never enough on its own

# Entries are accent-folded; a trailing "*" matches any word starting with it (native-script words
# take suffixes, and "frustrat*" covers frustrated/frustrating/frustration).
_POSITIVE = {
    STRONG: """love loved loving amazing awesome excellent fantastic wonderful perfect superb brilliant
        outstanding thrilled delighted happy glad satisfied impressed grateful enjoyed enjoy
        best great excited exciting incredible lovely congrat*
        encanta encanto encantado encantada excelente genial perfecto perfecta feliz contento contenta
        maravill* increible buenisimo buenisima fantastico fantastica ilusionad* emocionad* satisfech*
        agradecid* estupend* chevere bacan*
        adorei adoro amei amo otimo otima maravilhos* perfeito perfeita incrivel satisfeit* gostei
        parabens sensacional animad* top show
        ottimo ottima fantastico bellissimo contento felice
        badhiya badiya shandaar shandar behtareen zabardast mast khush
        arumai semma santhosham magizhchi
        bagundi baagundi adbhutam santosham
        बढ़िया* शानदार* बेहतरीन* खुश* ज़बरदस्त* प्यार*
        அருமை* சூப்பர்* மகிழ்ச்சி* சந்தோஷ* நன்றாக*
        అద్భుత* సంతోష* బాగుంది*""",
    MILD: """helpful quick fast easy cool appreciate* pleased
        rapido rapida util amable
        rapido rapida facil gentil
        badiya super""",
    # Ambiguous praise ("a good restaurant", "is it fine?") needs an intensifier to count.
    WEAK_POSITIVE: """good nice fine bueno buena bien bom boa legal bonito buono buona bene
        accha acha achha achcha nalla nallathu manchi baaga
        अच्छा* अच्छी* अच्छे* நல்ல* మంచి*""",
}
_NEGATIVE = {
    STRONG: """hate hated terrible horrible awful worst useless ridiculous unacceptable disgusting pathetic
        angry furious frustrat* disappoint* annoy* scam* fraud* incompetent rude outrage* fed_up
        sick_of never_again waste_of garbage trash sucks stupid lousy disgrace* shameful shame
        unprofessional nightmare joke_of worthless liar* lying cheat* ripoff rip-off
        pesimo pesima horrible terrible odio verguenza harto harta hartos canse cansad* enojad*
        molest* furios* decepcion* estafa* inaceptable ridicul* absurd* basura inutil indignad*
        desastre fatal porqueria engan* timo robo mentira* mentiros* tomadura_de_pelo
        pessimo pessima horrivel terrivel odeio vergonha absurd* inaceitavel decepcionad* irritad*
        raiva cansei golpe* lixo descaso desrespeito palhacada enganad* mentira* ridicul*
        vergognoso pessimo schifo
        bakwas bakwaas bekar bekaar ghatiya gussa naraz naraaz dhokha dhoka faltu chor* pareshan*
        pakau
        mosam mosamana kevalam kovam kadupu eruchal yematha* yemathu* waste
        chetta chettha kopam visugu dharunam darunam moosam
        kaduppa kaduppu veruppu veruppa chiraku chirakuga visugga
        बकवास* बेकार* घटिया* गुस्सा* नाराज़* नाराज* धोखा* परेशान* शर्म* चोर*
        மோசம்* மோசமான* கேவலம்* கோபம்* எரிச்சல்* ஏமாற்ற* கடுப்பு* வெறுப்பு*
        చెత్త* కోపం* విసుగు* దారుణ* మోసం* బాలేదు* బాగోలేదు*""",
    MILD: """bad poor slow unhappy upset worse wrong_again unfortunately complain* complaint*
        crazy insane locura loucura
        problema_otra_vez malo mala lento lenta queja* reclam* peor triste
        ruim lento lenta pior reclamacao reclamar triste chateado chateada
        cattivo lento
        bura buri kharab
        பிரச்சனை_மீண்டும்
        బాధ*
        बुरा* बुरी* खराब*""",
    -PROBLEM: """broken broke damaged cracked defective faulty late delayed missing lost wrong stuck
        charged_twice double_charged not_working stopped_working error failed fail problem issue
        roto rota danado danada defectuos* tarde retrasad* perdid* equivocad* error fallo problema
        quebrad* danificad* defeito atrasad* perdid* errad* erro problema
        problem dikkat galti
        பிரச்சனை*
        సమస్య*""",
}
# Phrases that express frustration as a whole; matched on folded text before single words.
_PHRASES: tuple[tuple[str, float], ...] = (
    (r"\b(?:still|keep) waiting\b", -0.7),
    (r"\b(?:no ?one|nobody) (?:answers|replies|responds|helps|is helping|cares)\b", -0.8),
    (r"\b(?:you|u) (?:don'?t|do not|dont) understand\b", -1.0),
    (r"\b(?:useless|stupid|dumb) (?:bot|chatbot|robot|machine)\b", -1.0),
    (r"\b(?:tired|sick) of (?:this|the|your|talking|waiting)\b", -1.0),
    (r"\bwaste of (?:time|money)\b", -1.0),
    (r"\bwhat a joke\b", -1.0),
    (r"\b(?:sigo|seguimos|sigue|continuo|estoy) esperando\b", -0.7),
    (r"\bnadie (?:responde|contesta|me responde|me ayuda|me atiende)\b", -0.8),
    (r"\bno (?:me )?entiende(?:s|n)?\b", -0.9),
    (r"\bnao (?:me )?entende(?:m)?\b", -0.9),
    (
        r"\b(?:you|u|it|bot|this bot|the bot|chatbot|this chatbot) (?:doesn'?t|dont|don'?t|do not|does not|can'?t|cannot) understand\b",
        -0.9,
    ),
    # Rhetorical impatience: "Seriously??", "are you kidding me?", "¿en serio?".
    (r"\bseriously\s*\?", -0.8),
    (r"\b(?:en serio|es en serio|serio)\s*\?", -0.8),
    (r"\bare (?:you|u) (?:kidding|joking|serious)\b|\byou(?:'re| are) kidding\b", -0.9),
    (r"\b(?:estan|estas|esta) de broma\b|\b(?:ta|esta|so pode ser) de brincadeira\b", -0.9),
    (r"\bor what\s*\?|\bou o que\s*\?", -0.6),
    # Complaints that nobody answered.
    (
        r"\b(?:sin|without) (?:ninguna |any |a )?(?:respuesta|contestar|response|reply|answer)\b"
        r"|\bsem (?:nenhuma )?(?:resposta|retorno)\b|\b(?:still |got |had )no (?:response|reply)\b",
        -0.6,
    ),
    (r"\by ya esta bien\b|\bya estuvo bueno\b", -1.0),
    (r"\bthak (?:gaya|gayi|gaye|gya|gyi|chuka|chuki|chuke)\b|\btang (?:aa|a) (?:gaya|gayi|gaye|gya|gyi)\b", -1.0),
    (r"\b(?:ya )?me (?:canse|harte)\b", -1.0),
    (r"\bsin llegar\b", -0.3),
    (r"\b(?:ainda|continuo|to|estou) (?:esperando|aguardando)\b", -0.7),
    (r"\bninguem (?:responde|me responde|atende|me ajuda)\b", -0.8),
    (r"\b(?:voce|vc) nao entende\b", -0.9),
    (r"\bfalta de respeito\b", -1.0),
    (r"\b(?:kab se|kitne din se) (?:wait|intezaar|intezar)\b", -0.8),
    (r"\b(?:koi|kisi ne) (?:jawab|reply) nahi\b", -0.8),
    # Celebrations: mildly positive, enthusiastic with an exclamation mark.
    (
        r"\b(?:nos casamos|me caso|nos vamos a casar|vamos (?:nos )?casar|(?:we(?:'re| are) )?getting married"
        r"|luna de miel|lua de mel|viaje de novios|honeymoon|shaadi ho rahi)\b",
        0.4,
    ),
    (r"\b(?:would|i'?d) love\b", 0.0),
    # Acknowledgements: "vale, perfecto", "ok great" close a topic, they are not praise.
    (
        r"\b(?:vale|ok|okay|okey|listo|dale|ta|beleza|bueno),? (?:perfect[oa]?|genial|great|otimo|excelente)\b",
        0.0,
    ),  # politeness, not enthusiasm ("I would love to know…")
    (r"\bme encantaria\b", 0.0),
    (r"\b(?:eu )?adoraria\b", 0.0),
    (r"\bthanks? (?:a lot|so much)\b|\bthank you (?:so|very) much\b", 0.0),
    (r"\bmuchas gracias\b|\bmuito obrigad[oa]\b|\bbahut (?:dhanyavad|shukriya)\b", 0.0),
    (r"\bno (?:problem|worries)\b|\bsin problema\b|\bsem problema\b", 0.0),
    # Greetings are not praise.
    (r"\bgood (?:morning|afternoon|evening|night|day)\b", 0.0),
    (r"\bbuen(?:os|as)? (?:dias|tardes|noches|dia)\b|\bbom dia\b|\bboa (?:tarde|noite)\b", 0.0),
)
_NEGATORS = frozenset(
    """not no never don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent won't
    wont can't cant cannot nothing hardly nunca nada ni tampoco nao nem jamais non pas nicht kein keine
    nahi nahin nhi mat illa illai ledu ledhu kaadu नहीं नही मत इल्லை இல்லை இல்ல లేదు కాదు""".split()
)
# Negators placed after what they negate ("accha nahi", "nalla illa", "bagaledu").
_POSTPOSED_NEGATORS = frozenset("nahi nahin nhi illa illai ledu ledhu kaadu नहीं नही இல்லை இல்ல లేదు కాదు".split())
_INTENSIFIERS = frozenset(
    """very so really extremely super too totally absolutely truly incredibly
    muy tan demasiado bastante re recontra muito bem demais tao molto davvero tres sehr
    bahut bohot bahot ekdum bilkul romba rombha semma chala chaala baaga bahut बहुत एकदम ரொம்ப சாலா
    చాలా""".split()
)
# Words people shout in anger or impatience; capitals on these are a cue, on "TV" or "CFDI" they are not.
_SHOUT_WORDS = frozenset(
    "now ya ja abhi turant ahora agora urgent urgente asap immediately help ayuda ajuda stop enough basta why".split()
)
_EMOJI = {
    **dict.fromkeys("😡🤬😠👎💩😤😞😢😭😒🙄💢😩😫", -1.0),
    **dict.fromkeys("😍🥰❤💯🎉🙌🤩😁", 1.0),
    **dict.fromkeys("😊🙂😀😃😄👍👌", 0.4),
}

_EMOJI_RE = re.compile("[" + "".join(_EMOJI) + "]")


@dataclass(frozen=True)
class _Lexicon:
    exact: dict[str, float]
    prefixes: dict[str, float]
    prefix_re: re.Pattern[str]  # one alternation, longest first: a single match per token

    def weight(self, token: str) -> float | None:
        w = self.exact.get(token)
        if w is not None:
            return w
        m = self.prefix_re.match(token)
        return self.prefixes[m.group(0)] if m else None


def _build() -> _Lexicon:
    exact: dict[str, float] = {}
    prefixes: dict[str, float] = {}
    for sign, table in ((1.0, _POSITIVE), (-1.0, _NEGATIVE)):
        for weight, blob in table.items():
            for entry in blob.split():
                w = sign * weight
                key = fold(entry).replace("_", " ")
                if key.endswith("*"):
                    prefixes[key[:-1]] = w
                else:
                    exact[key] = w
    ordered = sorted(prefixes, key=len, reverse=True)
    return _Lexicon(exact, prefixes, re.compile("|".join(map(re.escape, ordered))))


_LEX = _build()
# Multi-word lexicon entries ("fed up", "charged twice") become phrases.
_MULTI = tuple((phrase_pattern(k).pattern, w) for k, w in _LEX.exact.items() if " " in k) + _PHRASES
# All phrases in one alternation (named groups tell which matched): one scan instead of fifty, and
# only tried where a word starts, which makes it three times faster again.
_MULTI_RE = re.compile(
    rf"(?<!{WORD_CHAR})(?=\w)(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_MULTI)) + ")"
)
_MULTI_WEIGHT = {f"p{i}": w for i, (_, w) in enumerate(_MULTI)}
# Words that mean something else in one language: "mala" is a suitcase in Portuguese and "robo" a
# robot, while "show" and "top" are praise only in Brazilian Portuguese ("show me", "top of the box").
_ONLY_IN: dict[str, frozenset[str]] = {"show": frozenset({"pt"}), "top": frozenset({"pt"})}
_NOT_IN: dict[str, frozenset[str]] = {"mala": frozenset({"pt"}), "malas": frozenset({"pt"}), "robo": frozenset({"pt"})}
# "how fast is…", "que tan rapido…": a question about speed, not praise.
_DEGREE_QUESTION = frozenset("how tan quao kitna kitni kitne evlo evvalavu entha".split())
_O_QUE_END = re.compile(r"\bo que\s*\?+\W*$")
_THRESHOLD = 0.5
_PROBLEM_CAP = -0.45


def _shouting(text: str) -> float:
    """Anger cue from capitals and repeated exclamation marks (0 or negative)."""
    raw = re.findall(r"[^\W\d_]+", text)
    caps = [w for w in raw if len(w) >= 2 and w.isupper() and w.isascii()]
    cue = 0.0
    if any(w.lower() in _SHOUT_WORDS for w in caps):
        cue -= 0.5
    letters = [w for w in raw if w.isascii() and len(w) >= 2]
    if len(letters) >= 4 and len(caps) >= 0.6 * len(letters):
        cue -= 0.5  # the whole message is shouted
    return cue


def analyze_sentiment(text: str, language: str = "und") -> Sentiment:
    """The lexicon is shared because customers mix languages; `language` only settles the few words
    that mean something else in one of them."""
    if not text or not text.strip():
        return Sentiment(label="neutral", score=0.0)
    folded = fold(text)

    total = 0.0
    placeholders: dict[str, float] = {}

    def _placeholder(m: re.Match[str]) -> str:
        key = f"zz{m.lastgroup}zz"
        placeholders[key] = _MULTI_WEIGHT[m.lastgroup or ""]
        return f" {key} "

    folded = _MULTI_RE.sub(_placeholder, folded)

    tokens = words(folded)
    problems = 0.0
    for i, tok in enumerate(tokens):
        w = placeholders.get(tok)
        if w is None:
            w = _LEX.weight(tok)
        if not w:
            continue
        only = _ONLY_IN.get(tok)
        if (only is not None and language not in only) or language in _NOT_IN.get(tok, ()):
            continue
        if 0 < w < STRONG and i > 0 and tokens[i - 1] in _DEGREE_QUESTION:
            continue
        is_problem = w == PROBLEM
        if tok in _INTENSIFIERS and i + 1 < len(tokens) and _LEX.weight(tokens[i + 1]):
            continue  # "super happy": "super" is the intensifier here, not a word of its own
        before = tokens[max(0, i - 3) : i]
        after = tokens[i + 1 : i + 3]
        if any(t in _NEGATORS for t in before) or any(t in _POSTPOSED_NEGATORS for t in after):
            # "not good" is displeasure; "not bad" is only mildly good.
            w = -max(0.5, 0.6 * w) if w > 0 else -0.3 * w
        elif i > 0 and (tokens[i - 1] in _INTENSIFIERS or (i > 1 and tokens[i - 2] in _INTENSIFIERS)):
            w *= 1.5
        if is_problem and w < 0:
            problems += w
        else:
            total += w
    total += max(problems, _PROBLEM_CAP)
    total += sum(_EMOJI[ch] for ch in _EMOJI_RE.findall(text))

    shout = _shouting(text)
    exclaim = "!!" in text or text.count("!") >= 3
    if total < 0 or shout < 0:
        total += shout - (0.5 if exclaim or "??" in text else 0.0)
    elif total > 0 and exclaim:
        total += 0.3

    if language == "es" and _O_QUE_END.search(folded):
        total -= 0.6  # "¿me devuelven la diferencia o qué?": a challenge, not a question
    score = round(math.tanh(total / 1.5), 3)
    if total <= -_THRESHOLD:
        return Sentiment(label="negative", score=score)
    if total >= _THRESHOLD:
        return Sentiment(label="positive", score=score)
    return Sentiment(label="neutral", score=score)
