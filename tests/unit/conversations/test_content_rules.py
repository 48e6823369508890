"""The conversation rules per content type are data: the file must be complete and consistent."""

import json
from importlib import resources

import pytest

from parley_contracts import InboundContent
from parley_conversations.content_rules import ContentRules, Treatment, content_rules, treatment_of

# What every channel emits today (InboundContent.type's vocabulary, plus the generic edit/delete of issue 9).
EMITTED_TYPES = {
    "text", "button_reply", "flow_reply", "interactive", "image", "audio", "video", "document", "sticker",
    "location", "contacts", "reaction", "order", "system", "edit", "delete", "unsupported",
}  # fmt: skip


def test_the_rules_file_validates_and_names_every_type_channels_emit():
    rules = content_rules()
    assert EMITTED_TYPES <= set(rules.types)
    assert rules.unknown == Treatment.SILENT  # a type newer than the table is recorded, never guessed at


def test_the_rules_file_refuses_unknown_treatments_and_keys():
    raw = json.loads(resources.files("parley_conversations").joinpath("data/content_rules.json").read_text())
    with pytest.raises(ValueError):
        ContentRules.model_validate({**raw, "types": {"text": {"treatment": "maybe"}}})
    with pytest.raises(ValueError):
        ContentRules.model_validate({**raw, "types": {"text": {"treatment": "answer", "typo": 1}}})


def test_the_bot_only_answers_what_it_can_read():
    answered = {kind for kind, rule in content_rules().types.items() if rule.treatment == Treatment.ANSWER}
    assert {"text", "button_reply", "flow_reply"} <= answered
    assert not answered & {"reaction", "edit", "delete", "system", "sticker", "order", "contacts", "location"}


@pytest.mark.parametrize(
    ("content", "treatment"),
    [
        (InboundContent(type="image", text="is this in stock?"), Treatment.ANSWER),
        (InboundContent(type="image", text="  "), Treatment.PERSON),
        (InboundContent(type="text", text=""), Treatment.SILENT),
        (InboundContent(type="interactive"), Treatment.SILENT),
        (InboundContent(type="flow_reply"), Treatment.PERSON),
        (InboundContent(type="story_mention"), Treatment.SILENT),
    ],
)
def test_without_text_and_unknown_types(content, treatment):
    assert treatment_of(content) == treatment
