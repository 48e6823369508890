"""No message, however long or strange, costs more than a channel's worth of analysis (an outside probe
stalled nlp for an estimated 77 minutes on one 950 KB word). That the entity patterns stay linear on
pathological text is measured, not asserted: `make bench` (bench/engine_cost.py, `entity_extraction_growth`)."""

from parley_contracts import Channel
from parley_conversations.windows import text_limit
from parley_nlp.handlers import within_limit
from tests.unit.nlp.nlp_fakes import inbound


def test_text_beyond_the_channels_limit_is_cut_before_analysis_and_short_text_untouched():
    limit = text_limit(Channel.WHATSAPP)
    long = inbound("x" * (limit * 200))
    cut = within_limit(long)
    assert len(cut.content.text) == limit == 4096 and long.content.text != cut.content.text
    short = inbound("hola")
    assert within_limit(short) is short
