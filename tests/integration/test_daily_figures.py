"""The daily figures on the real FerretDB (parley_conversations.daily_figures_store): a batch's documents written
in commands FerretDB can take, read back by `_id`, and a batch processed again after a crash counted once."""

import pytest

from parley_conversations.daily_figures import DayFigures, Figures, period_ids
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_router.figures import FiguresLedger
from parley_runtime.steps import RecordPosition
from tests.unit.router.test_figures import answered_step

pytestmark = pytest.mark.integration


def one_message() -> Figures:
    figures = Figures()
    figures.messages_in["whatsapp"] += 1
    figures.first_response.add(2.0)
    return figures


async def test_documents_written_together_and_read_back_by_id(db):
    store = DailyFiguresStore(db)
    days = [f"2026-11-{d:02d}" for d in range(1, 31)]
    documents = [DayFigures(tenant="demo", day=day, partition=p) for day in days for p in range(2)]
    for n, document in enumerate(documents):  # 60 documents: more than one command's worth
        document.count("message.received", n, one_message())
        document.settle()
    await store.write(documents)
    await store.write(documents)  # the same state again (a flush repeated after a failure): unchanged
    again = await store.read(period_ids(["demo", "aurora"], days, 3))
    assert len(again) == 60  # aurora's and partition 2's do not exist: left out
    assert {d.id for d in again} == {d.id for d in documents}
    assert all(d.figures.messages_in == {"whatsapp": 1} and d.figures.first_response.total == 1 for d in again)
    assert all(len(d.offsets) == 1 for d in again)


async def test_a_batch_processed_again_after_a_crash_is_counted_once(db):
    store = DailyFiguresStore(db)
    steps = [answered_step() for _ in range(3)]
    ledger = FiguresLedger(store)
    for offset, step in enumerate(steps[:2]):
        await ledger.count(step, RecordPosition("message.analyzed", 0, offset))
    await ledger.flush(force=True)  # then the process dies before the threads are written

    restarted = FiguresLedger(store)
    for offset, step in enumerate(steps):
        await restarted.count(step, RecordPosition("message.analyzed", 0, offset))
    await restarted.flush(force=True)
    key = period_ids(["demo"], [steps[0].at.date().isoformat()], 1)
    (stored,) = await store.read(key)
    assert stored.figures.conversations == {"whatsapp": 3} and stored.figures.answered == 3
    assert stored.offsets == {"message.analyzed": 2}
