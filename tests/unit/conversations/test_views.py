"""The inbox views' counts are tallied from one grouped pass with `ThreadQuery.in_view`: it must say exactly what
each view's database filter (`view_filter`) selects."""

import itertools
from typing import Any

from parley_contracts import ThreadStatus
from parley_conversations.store import ThreadQuery, View


def _field(doc: dict[str, Any], path: str) -> Any:
    value: Any = doc
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def matches(doc: dict[str, Any], where: dict[str, Any]) -> bool:
    """The operators view_filter uses: equality (None matches a missing field) and $in."""
    for path, wanted in where.items():
        value = _field(doc, path)
        if isinstance(wanted, dict):
            if value not in wanted["$in"]:
                return False
        elif value != wanted:
            return False
    return True


def test_in_view_selects_what_each_view_filter_selects():
    query = ThreadQuery(tenants=None, me="op_me")
    assignees = [None, "op_me", "op_other"]
    for status, assignee, view in itertools.product(list(ThreadStatus), assignees, list(View)):
        doc = {"status": str(status), "assignee": {"id": assignee, "name": "x"} if assignee else None}
        expected = matches(doc, query.view_filter(view))
        assert query.in_view(view, str(status), assignee) == expected, (status, assignee, view)


def test_nobody_logged_in_has_no_threads_of_their_own():
    query = ThreadQuery(tenants=None, me=None)
    assert not query.in_view(View.MINE, str(ThreadStatus.HUMAN), None)
    assert query.in_view(View.UNASSIGNED, str(ThreadStatus.NEEDS_HUMAN), None)
