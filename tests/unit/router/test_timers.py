from datetime import UTC, datetime, timedelta

from parley_contracts import Channel, ThreadStatus
from parley_conversations.store import OpenThread
from parley_router.timers import TimerIndex, idle_deadline

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def thread(key: str, *, status=ThreadStatus.BOT, assignee=None, partition=0, idle_minutes=10, tenant="demo"):
    return OpenThread(key, tenant, Channel.WHATSAPP, partition, status, assignee, NOW - timedelta(minutes=idle_minutes))


def test_an_idle_timer_fires_once_per_deadline():
    index = TimerIndex()
    index.merge([thread("a", idle_minutes=10), thread("b", idle_minutes=1)])
    due = index.due_idle(NOW, lambda tenant: 300)
    assert [(t.thread_key, d) for t, d in due] == [("a", NOW - timedelta(minutes=5))]
    assert index.due_idle(NOW + timedelta(minutes=1), lambda tenant: 300) == []
    # The customer wrote again: a new deadline, which fires again when it passes.
    index.threads["a"] = thread("a", idle_minutes=-5)
    assert index.due_idle(NOW + timedelta(minutes=1), lambda t: 300) == []
    assert len(index.due_idle(NOW + timedelta(minutes=11), lambda t: 300)) == 2


def test_no_idle_timeout_configured_means_never():
    index = TimerIndex()
    index.merge([thread("a", idle_minutes=10_000)])
    assert index.due_idle(NOW, lambda tenant: None) == []
    assert idle_deadline(None, 60) is None


def test_waiting_threads_are_offered_again_at_most_every_interval():
    index = TimerIndex()
    index.merge(
        [
            thread("wait", status=ThreadStatus.NEEDS_HUMAN),
            thread("held", status=ThreadStatus.NEEDS_HUMAN, assignee="op_ana"),
            thread("bot"),
        ]
    )
    every = timedelta(seconds=30)
    assert [t.thread_key for t in index.waiting(NOW, every)] == ["wait"]
    assert index.waiting(NOW + timedelta(seconds=10), every) == []
    assert [t.thread_key for t in index.waiting(NOW + timedelta(seconds=31), every)] == ["wait"]


def test_revoked_partitions_are_dropped_and_a_rebuild_never_overwrites_fresher_entries():
    index = TimerIndex()
    index.merge([thread("p0", partition=0), thread("p1", partition=1)])
    index.drop_partitions({1})
    assert set(index.threads) == {"p0"}
    fresher = thread("p0", status=ThreadStatus.HUMAN, assignee="op_ana")
    index.threads["p0"] = fresher
    assert index.merge([thread("p0"), thread("p2", partition=2)]) == 1
    assert index.threads["p0"] is fresher and "p2" in index.threads


def flow_thread(key: str, due: datetime | None, status=ThreadStatus.BOT) -> OpenThread:
    return OpenThread(key, "demo", Channel.WHATSAPP, 0, status, None, NOW, flow_session="s-" + key, flow_due_at=due)


def test_a_flow_deadline_fires_once_and_a_resolved_thread_is_kept_only_for_it():
    index = TimerIndex()
    index.merge(
        [
            flow_thread("a", NOW - timedelta(seconds=1)),
            flow_thread("b", NOW + timedelta(minutes=1)),
            flow_thread("c", NOW - timedelta(seconds=1), status=ThreadStatus.RESOLVED),
            flow_thread("d", None),
        ]
    )
    assert sorted(t.thread_key for t, _ in index.due_flows(NOW)) == ["a", "c"]
    assert index.due_flows(NOW) == [], "each deadline fires once here; the router re-checks it"
    assert [t.thread_key for t, _ in index.due_flows(NOW + timedelta(minutes=2))] == ["b"]
    # A resolved thread (its flow's answers still at the business's API) never gets an idle timeout.
    assert "c" not in [t.thread_key for t, _ in index.due_idle(NOW + timedelta(days=1), lambda tenant: 60)]
    # A new deadline for the same thread (the next retry) fires again.
    index.threads["a"] = flow_thread("a", NOW + timedelta(seconds=5))
    assert [t.thread_key for t, _ in index.due_flows(NOW + timedelta(seconds=6))] == ["a"]
