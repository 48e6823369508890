#!/usr/bin/env python3
"""Validate a held-out set's messages.jsonl and print its label counts: this folder's (heldout4), or the folder
given (`validate.py tests/data/heldout5`; heldout5's own validate.py calls this one).

Checks: every line parses as a JSON object with exactly the README fields and types;
ids are unique and look like h<N>-<tenant>-<nnn> (N from the folder's name, heldout<N>); section is null exactly when answerable
is false; every section string equals a numbered heading of its tenant's FAQ, read from
the FAQ files themselves (not from build.py).

FAQ locations can be overridden with EVAL_DIR (aurora/solmar .txt) and DEMO_FAQ.
Exit status 1 if any check fails.

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))

FIELDS = ["id", "tenant", "text", "language", "answerable", "section", "wants_human", "sentiment"]
FAQ_LANG = {"aurora": "en", "solmar": "es", "demo": "en"}
LANG_ORDER = ["en", "es", "pt", "hi", "ta", "te", "fr", "it", "de"]
SENTIMENTS = ("positive", "neutral", "negative")


def headings_txt(path):
    """Numbered headings '<n>. <heading>' of a pypdf text dump, in order 1..N."""
    found, want = [], 1
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{1,2})\. (\S.*)$", line.strip())
        if m and int(m.group(1)) == want:
            found.append(f"{want}. {m.group(2).strip()}")
            want += 1
    return found


def headings_md(path):
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^##\s+(\d{1,2})\.\s+(\S.*)$", line)
        if m:
            found.append(f"{int(m.group(1))}. {m.group(2).strip()}")
    return found


def script_of(text):
    """'native' if the text contains Devanagari/Tamil/Telugu letters, else 'latin'."""
    for ch in text:
        if "\u0900" <= ch <= "\u097f" or "\u0b80" <= ch <= "\u0bff" or "\u0c00" <= ch <= "\u0c7f":
            return "native"
    return "latin"


def main(folder=HERE):
    prefix = "h" + folder.name.removeprefix("heldout")
    headings = {
        "aurora": headings_txt(EVAL_DIR / "aurora-faq.txt"),
        "solmar": headings_txt(EVAL_DIR / "solmar-faq.txt"),
        "demo": headings_md(DEMO_FAQ),
    }
    errors = []
    for t, n in (("aurora", 16), ("solmar", 14), ("demo", 10)):
        if len(headings[t]) != n:
            errors.append(f"{t}: expected {n} FAQ headings, parsed {len(headings[t])}")

    msgs, ids = [], set()
    path = folder / "messages.jsonl"
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            m = json.loads(raw)
        except json.JSONDecodeError as e:
            errors.append(f"line {ln}: does not parse: {e}")
            continue
        if not isinstance(m, dict) or list(m.keys()) != FIELDS:
            errors.append(f"line {ln}: fields {list(m) if isinstance(m, dict) else type(m)} != {FIELDS}")
            continue
        mid = m["id"]
        if mid in ids:
            errors.append(f"line {ln}: duplicate id {mid}")
        ids.add(mid)
        if m["tenant"] not in headings:
            errors.append(f"{mid}: unknown tenant {m['tenant']!r}")
            continue
        if not re.fullmatch(rf"{prefix}-{m['tenant']}-\d{{3}}", mid):
            errors.append(f"{mid}: id does not match {prefix}-<tenant>-<nnn>")
        if not isinstance(m["text"], str) or not m["text"].strip():
            errors.append(f"{mid}: empty text")
        if not (isinstance(m["language"], str) and re.fullmatch(r"[a-z]{2}", m["language"])):
            errors.append(f"{mid}: language {m['language']!r} is not an ISO 639-1 code")
        for b in ("answerable", "wants_human"):
            if not isinstance(m[b], bool):
                errors.append(f"{mid}: {b} is not a bool")
        if m["sentiment"] not in SENTIMENTS:
            errors.append(f"{mid}: bad sentiment {m['sentiment']!r}")
        if (m["section"] is None) != (m["answerable"] is False):
            errors.append(f"{mid}: section must be null exactly when answerable is false")
        if m["section"] is not None and m["section"] not in headings[m["tenant"]]:
            errors.append(f"{mid}: section {m['section']!r} is not a heading of {m['tenant']}'s FAQ")
        msgs.append(m)

    # ---- counts
    by_lang = defaultdict(Counter)
    for m in msgs:
        c = by_lang[m["language"]]
        c["n"] += 1
        c["ans" if m["answerable"] else "unans"] += 1
        c["wh"] += m["wants_human"]
        c["wh+ans"] += m["wants_human"] and m["answerable"]
        c[m["sentiment"][:3]] += 1
        c[m["tenant"]] += 1
        c[script_of(m["text"])] += 1
    langs = [lang for lang in LANG_ORDER if lang in by_lang] + sorted(set(by_lang) - set(LANG_ORDER))
    tot = Counter()
    for lang in langs:
        tot.update(by_lang[lang])

    print(f"messages: {len(msgs)}   unique ids: {len(ids)}")
    tc = Counter(m["tenant"] for m in msgs)
    print(
        "tenants: " + "  ".join(f"{t} {tc[t]} ({100 * tc[t] / len(msgs):.0f}%)" for t in ("aurora", "solmar", "demo"))
    )
    off = sum(m["language"] != FAQ_LANG[m["tenant"]] for m in msgs)
    print(f"not in tenant's FAQ language: {off} ({100 * off / len(msgs):.0f}%)")
    print()
    hdr = f"{'lang':<5}{'n':>4}{'ans':>5}{'unans':>6}{'wh':>4}{'wh+ans':>7}{'pos':>5}{'neu':>5}{'neg':>5}   {'aurora':>6}{'solmar':>7}{'demo':>5}   {'native':>6}{'latin':>6}"
    print(hdr)
    print("-" * len(hdr))
    for lang, c in [(lang, by_lang[lang]) for lang in langs] + [("all", tot)]:
        print(
            f"{lang:<5}{c['n']:>4}{c['ans']:>5}{c['unans']:>6}{c['wh']:>4}{c['wh+ans']:>7}{c['pos']:>5}{c['neu']:>5}{c['neg']:>5}"
            f"   {c['aurora']:>6}{c['solmar']:>7}{c['demo']:>5}   {c['native']:>6}{c['latin']:>6}"
        )
    print("(wh+ans: wants_human and answerable; native/latin: script of the text)")
    print()
    sec = Counter((m["tenant"], m["section"]) for m in msgs if m["section"])
    for t in ("aurora", "solmar", "demo"):
        print(f"{t} answerable per section: " + ", ".join(f"{h.split('.')[0]}:{sec[(t, h)]}" for h in headings[t]))
    print()
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK: all checks passed")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)
