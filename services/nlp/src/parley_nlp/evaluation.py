"""`make eval`: measure the brain on a labelled message set (format: a JSON object per line: text, tenant, language, and the expected labels).

    uv run parley-devstack eval --eval-dir ../shared/eval [--engine offline|auto|llm]   (what `make eval` runs)
    MONGODB_URL=mongodb://… uv run python -m parley_nlp.evaluation --eval-dir ../shared/eval [...]

For every tenant in `<dir>/messages.jsonl` the knowledge base `<dir>/<tenant>-faq.pdf` is loaded through
`parley_knowledge.ingest_pdf` (the code path of the upload endpoint) into the MongoDB-protocol server at
`--mongodb-url` (default: `MONGODB_URL`; this module never starts infrastructure, `parley-devstack eval`
starts a FerretDB for the run when `MONGODB_URL` is unset), then the real engine analyses every message.
Printed: language accuracy, wants_human precision/recall per language, answer rate / answer precision /
wrong-answer rate at thresholds 0.1…0.9 and at the configured handoff threshold, overall and per tenant,
with the counts behind every ratio, and the per-message time. The LAST line is one JSON object with all
figures (fractions 0–1)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pymongo import AsyncMongoClient

from parley_business import BotConfigStore
from parley_contracts import Channel, Contact, InboundContent, MessageReceived
from parley_knowledge import KnowledgeStore, ingest_pdf
from parley_nlp.engine import AnalysisRequest
from parley_nlp.engines import build_engine
from parley_nlp.engines.config import EngineSettings

THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]


@dataclass
class Outcome:
    id: str
    tenant: str
    label_language: str
    answerable: bool
    section: str | None
    label_wants_human: bool
    language: str
    wants_human: bool
    answer_section: str | None  # section of the knowledge-base answer, if one was produced
    confidence: float
    ms: float
    label_sentiment: str | None = None  # None when the labelled set has no sentiment labels
    sentiment: str = "neutral"


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _fmt(num: int, den: int) -> str:
    return f"{num / den:6.1%} ({num}/{den})" if den else "   n/a (0/0)"


def answer_metrics(outcomes: list[Outcome], t: float) -> dict[str, Any]:
    answerable = [o for o in outcomes if o.answerable]
    unanswerable = [o for o in outcomes if not o.answerable]

    def answered(o: Outcome) -> bool:
        return o.answer_section is not None and o.confidence >= t

    ans = [o for o in answerable if answered(o)]
    right = [o for o in ans if o.answer_section == o.section]
    wrong_section = len(ans) - len(right)
    answered_unanswerable = sum(answered(o) for o in unanswerable)
    return {
        "threshold": t,
        "answer_rate": _ratio(len(ans), len(answerable)),
        "answer_precision": _ratio(len(right), len(ans)),
        "wrong_answer_rate": _ratio(answered_unanswerable + wrong_section, len(outcomes)),
        "answered_unanswerable_rate": _ratio(answered_unanswerable, len(unanswerable)),
        "wrong_section_rate": _ratio(wrong_section, len(answerable)),
        "counts": {
            "messages": len(outcomes),
            "answerable": len(answerable),
            "unanswerable": len(unanswerable),
            "answered_answerable": len(ans),
            "answered_right_section": len(right),
            "answered_wrong_section": wrong_section,
            "answered_unanswerable": answered_unanswerable,
        },
    }


def language_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    by_lang: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_lang[o.label_language].append(o)
    correct = sum(o.language == o.label_language for o in outcomes)
    return {
        "accuracy": _ratio(correct, len(outcomes)),
        "correct": correct,
        "n": len(outcomes),
        "by_language": {
            lang: {
                "accuracy": _ratio(sum(o.language == lang for o in items), len(items)),
                "correct": sum(o.language == lang for o in items),
                "n": len(items),
            }
            for lang, items in sorted(by_lang.items())
        },
    }


def wants_human_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    def pr(items: list[Outcome]) -> dict[str, Any]:
        tp = sum(o.wants_human and o.label_wants_human for o in items)
        flagged = sum(o.wants_human for o in items)
        labelled = sum(o.label_wants_human for o in items)
        return {
            "precision": _ratio(tp, flagged),
            "recall": _ratio(tp, labelled),
            "true_positives": tp,
            "flagged": flagged,
            "labelled": labelled,
            "n": len(items),
        }

    by_lang: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_lang[o.label_language].append(o)
    return {"overall": pr(outcomes), "by_language": {lang: pr(items) for lang, items in sorted(by_lang.items())}}


def sentiment_metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    """Accuracy over the three labels and recall/precision of `negative` (an angry customer read as neutral
    loses priority and routing); messages without a sentiment label are left out."""
    labelled = [o for o in outcomes if o.label_sentiment]
    correct = sum(o.sentiment == o.label_sentiment for o in labelled)
    neg = [o for o in labelled if o.label_sentiment == "negative"]
    flagged = [o for o in labelled if o.sentiment == "negative"]
    tp = sum(o.sentiment == "negative" for o in neg)
    by_lang: dict[str, list[Outcome]] = defaultdict(list)
    for o in labelled:
        by_lang[o.label_language].append(o)
    return {
        "accuracy": _ratio(correct, len(labelled)),
        "correct": correct,
        "n": len(labelled),
        "negative_recall": _ratio(tp, len(neg)),
        "negative_precision": _ratio(tp, len(flagged)),
        "negative_true_positives": tp,
        "negative_labelled": len(neg),
        "negative_flagged": len(flagged),
        "by_language": {
            lang: {
                "accuracy": _ratio(sum(o.sentiment == o.label_sentiment for o in items), len(items)),
                "negative_recall": _ratio(
                    sum(o.sentiment == "negative" for o in items if o.label_sentiment == "negative"),
                    sum(o.label_sentiment == "negative" for o in items),
                ),
                "n": len(items),
            }
            for lang, items in sorted(by_lang.items())
        },
    }


def knowledge_base(tenant: str, dirs: list[Path]) -> Path:
    """`<tenant>-faq.pdf` from the first of `dirs` that has it."""
    for folder in dirs:
        if (pdf := folder / f"{tenant}-faq.pdf").exists():
            return pdf
    raise SystemExit(
        f"missing knowledge base for tenant {tenant!r}: {tenant}-faq.pdf in none of {[str(d) for d in dirs]}"
    )


def read_messages(paths: list[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows


def _message(row: dict[str, Any], i: int) -> MessageReceived:
    contact = f"eval-{row.get('id', i)}"
    return MessageReceived(
        tenant=row["tenant"],
        channel=Channel.WHATSAPP,
        thread_key=f"{row['tenant']}:eval:{contact}",
        account_id="eval",
        contact=Contact(id=contact),
        provider_message_id=str(row.get("id", i)),
        dedupe_key=f"eval:{row.get('id', i)}",
        sent_at=datetime.now(UTC),
        content=InboundContent(type="text", text=row["text"]),
    )


async def evaluate(
    eval_dir: Path,
    mongodb_url: str,
    engine_mode: str,
    messages: Path | list[Path] | None = None,
    kb_dirs: list[Path] | None = None,
) -> dict[str, Any]:
    """`messages` (one file or several) defaults to `<eval_dir>/messages.jsonl`; a tenant's knowledge base is
    `<tenant>-faq.pdf` from `eval_dir`, else from a messages file's folder, else from one of `kb_dirs`."""
    paths = [messages] if isinstance(messages, Path) else list(messages or [eval_dir / "messages.jsonl"])
    rows = read_messages(paths)
    pdf_dirs = [eval_dir, *dict.fromkeys(p.parent for p in paths), *(kb_dirs or [])]
    tenants = sorted({r["tenant"] for r in rows})
    client: AsyncMongoClient = AsyncMongoClient(mongodb_url)
    db_name = f"parley_eval_{uuid.uuid4().hex[:8]}"
    db = client[db_name]
    try:
        store = KnowledgeStore(db)
        await store.ensure_indexes()
        ingested = {}
        for tenant in tenants:
            pdf = knowledge_base(tenant, pdf_dirs)
            summary = await ingest_pdf(store, tenant, pdf.name, pdf.read_bytes())
            ingested[tenant] = {"pages": summary.pages, "chunks": summary.chunks, "sections": len(summary.sections)}
        settings = EngineSettings(NLP_ENGINE=engine_mode)  # type: ignore[call-arg]
        engine = build_engine(db, settings)
        configs = BotConfigStore(db)
        thresholds = {t: (await configs.get(t)).handoff_threshold for t in tenants}
        outcomes: list[Outcome] = []
        engines_used: dict[str, int] = defaultdict(int)
        tokens = 0
        cost = 0.0
        for i, row in enumerate(rows):
            analysis = await engine.analyze(AnalysisRequest(inbound=_message(row, i)))
            engines_used[analysis.engine] += 1
            if analysis.tokens:
                tokens += analysis.tokens.total
            cost += analysis.cost_usd or 0.0
            reply = analysis.reply
            has_kb_answer = reply is not None and reply.section is not None
            outcomes.append(
                Outcome(
                    id=str(row.get("id", i)),
                    tenant=row["tenant"],
                    label_language=row["language"],
                    answerable=bool(row["answerable"]),
                    section=row.get("section"),
                    label_wants_human=bool(row["wants_human"]),
                    language=analysis.language,
                    wants_human=analysis.wants_human,
                    answer_section=reply.section if has_kb_answer else None,
                    confidence=reply.confidence if has_kb_answer else 0.0,
                    ms=analysis.processing_ms,
                    label_sentiment=row.get("sentiment"),
                    sentiment=analysis.sentiment.label,
                )
            )
    finally:
        await client.drop_database(db_name)
        await client.close()

    configured = statistics.median(thresholds.values()) if thresholds else 0.3
    sweep = sorted({*THRESHOLDS, configured})
    report: dict[str, Any] = {
        "engine": dict(engines_used),
        "configured_threshold": configured,
        "messages": len(outcomes),
        "tenants": ingested,
    }
    lang = language_metrics(outcomes)
    wh = wants_human_metrics(outcomes)
    at_conf = answer_metrics(outcomes, configured)
    sent = sentiment_metrics(outcomes)
    report.update(
        {
            "language_accuracy": lang["accuracy"],
            "language": lang,
            "wants_human_precision": wh["overall"]["precision"],
            "wants_human_recall": wh["overall"]["recall"],
            "wants_human": wh["overall"],
            "wants_human_by_language": wh["by_language"],
            "answer_rate": at_conf["answer_rate"],
            "answer_precision": at_conf["answer_precision"],
            "wrong_answer_rate": at_conf["wrong_answer_rate"],
            "answered_unanswerable_rate": at_conf["answered_unanswerable_rate"],
            "wrong_section_rate": at_conf["wrong_section_rate"],
            "answer_counts": at_conf["counts"],
            "sentiment_accuracy": sent["accuracy"],
            "negative_recall": sent["negative_recall"],
            "negative_precision": sent["negative_precision"],
            "sentiment": sent,
            "wants_human_recall_by_language": {
                code: m["recall"] for code, m in wh["by_language"].items() if m["labelled"]
            },
            "by_threshold": {f"{t:g}": answer_metrics(outcomes, t) for t in sweep},
            "per_tenant": {
                tenant: {
                    "language_accuracy": language_metrics([o for o in outcomes if o.tenant == tenant])["accuracy"],
                    "wants_human": wants_human_metrics([o for o in outcomes if o.tenant == tenant])["overall"],
                    "by_threshold": {
                        f"{t:g}": answer_metrics([o for o in outcomes if o.tenant == tenant], t) for t in sweep
                    },
                }
                for tenant in tenants
            },
            "answers_by_language": {
                lang: answer_metrics([o for o in outcomes if o.label_language == lang], configured)
                for lang in sorted({o.label_language for o in outcomes})
            },
            "timing_ms": _timing([o.ms for o in outcomes]),
            "llm_tokens": tokens,
            "llm_cost_usd": round(cost, 6),
            "per_message": [o.__dict__ for o in outcomes],
        }
    )
    return report


def _timing(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "mean": round(statistics.fmean(ordered), 3),
        "p50": round(ordered[len(ordered) // 2], 3),
        "p95": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 3),
        "max": round(ordered[-1], 3),
    }


def print_report(report: dict[str, Any], verbose: bool = False) -> None:
    p = print
    p(
        f"Parley brain evaluation — engine(s): {report['engine']}; {report['messages']} messages; "
        f"knowledge bases: {report['tenants']}"
    )
    lang = report["language"]
    p(f"\nLanguage detection accuracy: {_fmt(lang['correct'], lang['n'])}")
    for code, m in lang["by_language"].items():
        p(f"  {code:4} {_fmt(m['correct'], m['n'])}")
    wh = report["wants_human"]
    p("\nwants_human (positive class = labelled true)")
    p(
        f"  overall precision {_fmt(wh['true_positives'], wh['flagged'])}  recall {_fmt(wh['true_positives'], wh['labelled'])}"
    )
    for code, m in report["wants_human_by_language"].items():
        p(
            f"  {code:4} precision {_fmt(m['true_positives'], m['flagged'])}  recall {_fmt(m['true_positives'], m['labelled'])}"
        )

    sm = report["sentiment"]
    p(
        f"\nSentiment accuracy {_fmt(sm['correct'], sm['n'])}  negative recall "
        f"{_fmt(sm['negative_true_positives'], sm['negative_labelled'])}  negative precision "
        f"{_fmt(sm['negative_true_positives'], sm['negative_flagged'])}"
    )
    for code, m in sm["by_language"].items():
        p(f"  {code:4} accuracy {m['accuracy']}  negative recall {m['negative_recall']}  (n={m['n']})")

    def table(title: str, sweep: dict[str, Any]) -> None:
        p(f"\n{title}")
        p(
            "  thr   answer rate          answer precision     wrong-answer rate    (answered unanswerable / wrong section)"
        )
        for key, m in sweep.items():
            c = m["counts"]
            mark = " <- configured" if float(key) == report["configured_threshold"] else ""
            p(
                f"  {float(key):.2f}  {_fmt(c['answered_answerable'], c['answerable']):20} "
                f"{_fmt(c['answered_right_section'], c['answered_answerable']):20} "
                f"{_fmt(c['answered_unanswerable'] + c['answered_wrong_section'], c['messages']):20} "
                f"({c['answered_unanswerable']}/{c['unanswerable']}, {c['answered_wrong_section']}/{c['answerable']}){mark}"
            )

    table("Answers, all tenants", report["by_threshold"])
    for tenant, data in report["per_tenant"].items():
        table(f"Answers, tenant {tenant}", data["by_threshold"])
    p(f"\nAnswers by the customer's language at the configured threshold {report['configured_threshold']:g}")
    for lang, m in report["answers_by_language"].items():
        c = m["counts"]
        p(
            f"  {lang:4} answer rate {_fmt(c['answered_answerable'], c['answerable'])}  "
            f"precision {_fmt(c['answered_right_section'], c['answered_answerable'])}  "
            f"answered unanswerable {_fmt(c['answered_unanswerable'], c['unanswerable'])}"
        )
    t = report["timing_ms"]
    p(
        f"\nProcessing time per message (ms): mean {t.get('mean')}, p50 {t.get('p50')}, p95 {t.get('p95')}, max {t.get('max')}"
    )
    if report["llm_tokens"]:
        p(f"LLM tokens: {report['llm_tokens']}, cost USD {report['llm_cost_usd']}")
    if verbose:
        p("\nPer message:")
        for o in report["per_message"]:
            flag = "ok " if (o["answer_section"] == o["section"] and o["answer_section"]) else "   "
            p(
                f"  {o['id']:12} {flag} conf={o['confidence']:.2f} lang={o['language']}/{o['label_language']} "
                f"human={int(o['wants_human'])}/{int(o['label_wants_human'])} sent={o['sentiment']}/{o['label_sentiment']} "
                f"ans={o['answer_section']} label={o['section']}"
            )
    summary = {
        k: v for k, v in report.items() if k not in {"per_message", "language", "per_tenant", "answers_by_language"}
    }
    summary["per_tenant"] = {
        tenant: {
            "language_accuracy": d["language_accuracy"],
            "wants_human": d["wants_human"],
            "answer_rate": d["by_threshold"][f"{report['configured_threshold']:g}"]["answer_rate"],
            "answer_precision": d["by_threshold"][f"{report['configured_threshold']:g}"]["answer_precision"],
            "wrong_answer_rate": d["by_threshold"][f"{report['configured_threshold']:g}"]["wrong_answer_rate"],
        }
        for tenant, d in report["per_tenant"].items()
    }
    p(json.dumps(summary, ensure_ascii=False, separators=(",", ":")))


def parse_args(argv: list[str] | None = None, prog: str | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument(
        "--engine",
        choices=["offline", "auto", "llm"],
        default="offline",
        help="offline (default), auto (LLM when OPENAI_API_KEY/OPENAI_BASE_URL is set) or llm",
    )
    parser.add_argument(
        "--messages",
        type=Path,
        nargs="+",
        default=None,
        help="labelled messages, one file or several (default: <eval-dir>/messages.jsonl)",
    )
    parser.add_argument(
        "--kb-dir",
        type=Path,
        action="append",
        default=[],
        help="another folder to look for <tenant>-faq.pdf in (repeatable)",
    )
    parser.add_argument(
        "--mongodb-url",
        default=os.environ.get("MONGODB_URL") or None,
        help="MongoDB-protocol server to load the knowledge bases into (default: MONGODB_URL)",
    )
    parser.add_argument("--verbose", action="store_true", help="also print one line per message")
    return parser.parse_args(argv)


def messages_paths(args: argparse.Namespace) -> list[Path]:
    return list(args.messages or [args.eval_dir / "messages.jsonl"])


def input_error(args: argparse.Namespace) -> str | None:
    """Why the evaluation cannot run with these arguments (checked before any server is needed), or None."""
    missing = [str(m) for m in messages_paths(args) if not m.exists()]
    return f"no labelled messages at {', '.join(missing)}" if missing else None


def run(args: argparse.Namespace, mongodb_url: str) -> dict[str, Any]:
    return asyncio.run(evaluate(args.eval_dir, mongodb_url, args.engine, messages_paths(args), args.kb_dir))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if error := input_error(args):
        print(error, file=sys.stderr)
        return 2
    if not args.mongodb_url:
        print(
            "no MongoDB: pass --mongodb-url or set MONGODB_URL "
            "(or run `make eval` / `uv run parley-devstack eval`, which start a FerretDB for the run)",
            file=sys.stderr,
        )
        return 2
    print_report(run(args, args.mongodb_url), verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
