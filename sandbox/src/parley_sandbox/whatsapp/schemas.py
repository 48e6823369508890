"""Pydantic models at the WhatsApp boundaries: Graph API request bodies and the customer-side API.

The Graph models mirror Cloud API limits (docs/whatsapp.md) and forbid unknown keys, as Meta does
("Unexpected key ... on param ..."), so a typo in Parley's outbound adapter fails here, not in production.
"""

import re
from typing import Annotated, Any, Literal, Self, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from parley_sandbox.meta import GraphError, invalid_parameter

MessageType = Literal[
    "text",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "interactive",
    "template",
    "location",
    "reaction",
    "contacts",
]
MESSAGE_TYPES: tuple[str, ...] = get_args(MessageType)
MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")  # sent by uploaded `id` or by `link`
INTERACTIVE_TYPES = ("button", "list")
WA_ID_PATTERN = r"^[1-9][0-9]{6,14}$"
BSUID_PATTERN = r"^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$"  # e.g. US.13491208655302741918


def normalize_phone(value: str) -> str:
    """`to` may be written like a phone number (+1 555-000 0001); the wa_id is its digits."""
    return re.sub(r"[^0-9]", "", value)


def param_error(field: str, detail: str, *, missing: bool = False) -> PydanticCustomError:
    """A cross-field check's error that still names its field (relative to the model that raised it)."""
    return PydanticCustomError("sandbox_param", "{detail}", {"field": field, "detail": detail, "missing": missing})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- Graph API: send message -------------------------------------------------------------------------


class Context(_Strict):
    message_id: str = Field(min_length=1)


class Text(_Strict):
    body: str = Field(min_length=1, max_length=4096)
    preview_url: bool = False


class Media(_Strict):
    id: str | None = Field(default=None, min_length=1)
    link: str | None = None
    caption: str | None = Field(default=None, max_length=1024)
    filename: str | None = Field(default=None, max_length=240)

    @field_validator("link")
    @classmethod
    def _link_is_url(cls, value: str | None) -> str | None:
        # Meta wants public HTTPS; the sandbox also takes http so local file servers work.
        if value is not None and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http(s) URL")
        return value

    @model_validator(mode="after")
    def _one_source(self) -> Self:
        if (self.id is None) == (self.link is None):
            raise ValueError("exactly one of 'link' or 'id' is required")
        return self


class ReplyButtonReply(_Strict):
    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=20)


class ReplyButton(_Strict):
    type: Literal["reply"]
    reply: ReplyButtonReply


class ButtonAction(_Strict):
    buttons: list[ReplyButton] = Field(min_length=1, max_length=3)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        titles = [b.reply.title for b in self.buttons]
        if len(set(titles)) != len(titles):
            raise param_error("buttons", "button titles must be unique")
        ids = [b.reply.id for b in self.buttons]
        if len(set(ids)) != len(ids):
            raise param_error("buttons", "button ids must be unique")
        return self


class ListRow(_Strict):
    id: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=24)
    description: str | None = Field(default=None, max_length=72)


class ListSection(_Strict):
    title: str | None = Field(default=None, min_length=1, max_length=24)
    rows: list[ListRow] = Field(min_length=1, max_length=10)


class ListAction(_Strict):
    button: str = Field(min_length=1, max_length=20)
    sections: list[ListSection] = Field(min_length=1, max_length=10)

    @model_validator(mode="after")
    def _limits(self) -> Self:
        rows = [row for section in self.sections for row in section.rows]
        if len(rows) > 10:
            raise param_error("sections", f"at most 10 rows in total across sections, got {len(rows)}")
        if len(self.sections) > 1 and any(s.title is None for s in self.sections):
            raise param_error("sections", "each section needs a title when there are several")
        ids = [row.id for row in rows]
        if len(set(ids)) != len(ids):
            raise param_error("sections", "row ids must be unique")
        return self


class InteractiveHeader(_Strict):
    type: Literal["text", "image", "video", "document"]
    text: str | None = Field(default=None, min_length=1, max_length=60)
    image: Media | None = None
    video: Media | None = None
    document: Media | None = None

    @model_validator(mode="after")
    def _object_present(self) -> Self:
        if getattr(self, self.type) is None:
            raise param_error(self.type, f"required when header type is {self.type}", missing=True)
        return self


class InteractiveBody(_Strict):
    text: str = Field(min_length=1, max_length=1024)


class InteractiveFooter(_Strict):
    text: str = Field(min_length=1, max_length=60)


class ButtonInteractive(_Strict):
    type: Literal["button"]
    header: InteractiveHeader | None = None
    body: InteractiveBody
    footer: InteractiveFooter | None = None
    action: ButtonAction


class ListInteractive(_Strict):
    type: Literal["list"]
    header: InteractiveHeader | None = None  # lists take a text header only
    body: InteractiveBody
    footer: InteractiveFooter | None = None
    action: ListAction

    @field_validator("header")
    @classmethod
    def _text_header(cls, value: InteractiveHeader | None) -> InteractiveHeader | None:
        if value is not None and value.type != "text":
            raise ValueError("list messages only take a text header")
        return value


Interactive = Annotated[ButtonInteractive | ListInteractive, Field(discriminator="type")]


class TemplateLanguage(_Strict):
    code: str = Field(min_length=2)
    policy: Literal["deterministic"] | None = None


class TemplateCurrency(_Strict):
    fallback_value: str = Field(min_length=1)
    code: str = Field(min_length=3, max_length=3)
    amount_1000: int


class TemplateDateTime(_Strict):
    fallback_value: str = Field(min_length=1)


class TemplateParameter(_Strict):
    """A value for one placeholder; the customer sees `text`, or the `fallback_value` of currency/date_time."""

    type: Literal["text", "currency", "date_time"]
    # Not min_length=1: Meta answers an empty text with 131008, not 100 (checked in templates.check_send).
    text: str | None = None
    currency: TemplateCurrency | None = None
    date_time: TemplateDateTime | None = None
    parameter_name: str | None = None

    @model_validator(mode="after")
    def _object_present(self) -> Self:
        if self.type != "text" and getattr(self, self.type) is None:
            raise param_error(self.type, f"required when parameter type is {self.type}", missing=True)
        return self

    def value(self) -> str:
        """What fills the placeholder: the object named by `type` (`text`, or its fallback_value)."""
        obj = getattr(self, self.type)
        return obj.fallback_value if isinstance(obj, TemplateCurrency | TemplateDateTime) else obj or ""


class TemplateComponent(_Strict):
    type: Literal["header", "body", "button"]
    sub_type: str | None = None
    index: int | str | None = None
    parameters: list[TemplateParameter] = Field(default_factory=list)

    @field_validator("type", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        # Clients write "BODY" as the template definitions do; read it the same as "body".
        return value.lower() if isinstance(value, str) else value


class Template(_Strict):
    name: str = Field(min_length=1, max_length=512)
    language: TemplateLanguage
    components: list[TemplateComponent] = Field(default_factory=list)


class Location(_Strict):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    name: str | None = None
    address: str | None = None


class Reaction(_Strict):
    message_id: str = Field(min_length=1)
    emoji: str


class SendMessage(_Strict):
    messaging_product: Literal["whatsapp"]
    recipient_type: Literal["individual"] = "individual"
    to: str | None = Field(default=None, min_length=1)
    # A business-scoped user id, for a customer whose number is hidden; `to` wins when both are given (Meta,
    # business-scoped-user-ids).
    recipient: str | None = Field(default=None, pattern=BSUID_PATTERN)
    type: MessageType
    context: Context | None = None
    biz_opaque_callback_data: str | None = Field(default=None, max_length=512)
    text: Text | None = None
    image: Media | None = None
    audio: Media | None = None
    video: Media | None = None
    document: Media | None = None
    sticker: Media | None = None
    interactive: Interactive | None = None
    template: Template | None = None
    location: Location | None = None
    reaction: Reaction | None = None
    contacts: list[dict[str, Any]] | None = None

    @field_validator("to")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not re.fullmatch(r"\+?[0-9][0-9 ()\-]*", value) or not 5 <= len(normalize_phone(value)) <= 15:
            raise ValueError("must be a phone number or WhatsApp id (5 to 15 digits)")
        return value

    @model_validator(mode="after")
    def _type_object_present(self) -> Self:
        if self.to is None and self.recipient is None:
            raise param_error("to", "required (or recipient, a business-scoped user id)", missing=True)
        if getattr(self, self.type) is None:
            raise param_error(self.type, f"required when type is {self.type}", missing=True)
        return self


class TypingIndicator(_Strict):
    type: Literal["text"]


class MarkRead(_Strict):
    messaging_product: Literal["whatsapp"]
    status: Literal["read"]
    message_id: str = Field(min_length=1)
    typing_indicator: TypingIndicator | None = None


# --- Graph API: upload media --------------------------------------------------------------------------


class UploadedFile(BaseModel):
    """The `file` part of a multipart upload, as received (its bytes are kept aside)."""

    filename: str | None = Field(default=None, max_length=240)
    content_type: str = Field(description="the part's own Content-Type, which Meta checks")
    size: int = Field(ge=0)


class MediaUpload(_Strict):
    """`POST /{phone_number_id}/media` form fields (Meta: file, type, messaging_product, all required)."""

    messaging_product: Literal["whatsapp"]
    type: str = Field(min_length=1, description="the file's MIME type")
    file: UploadedFile


_GraphModel = TypeVar("_GraphModel", bound=BaseModel)


def validate_graph(model: type[_GraphModel], data: Any) -> _GraphModel:
    """Validate a Graph request; raise the Graph error Meta would answer (code 100, field named)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise graph_error_from(exc) from None


def parse_graph_body(body: Any) -> SendMessage | MarkRead:
    """Validate a `/messages` body: a send, or a mark-as-read (it has `status`)."""
    if not isinstance(body, dict):
        raise invalid_parameter("The request body must be a JSON object")
    if "status" in body:
        return validate_graph(MarkRead, body)
    return validate_graph(SendMessage, body)


def graph_error_from(exc: ValidationError) -> GraphError:
    """Turn pydantic's first error into Meta-style wording that names the field (`text.body`)."""
    errors = exc.errors(include_url=False)
    # A typo'd key ("bdy") also makes the real key missing; the unexpected key is the better diagnosis.
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = [str(part) for part in err["loc"]]
    # A tagged union puts its tag in the location (interactive.button.action...): drop it.
    if len(loc) > 1 and loc[0] == "interactive" and loc[1] in INTERACTIVE_TYPES:
        del loc[1]
    kind = err["type"]
    msg = str(err["msg"]).removeprefix("Value error, ")
    ctx = err.get("ctx") or {}
    if kind == "sandbox_param":
        loc.append(str(ctx["field"]))
        if ctx.get("missing"):
            return invalid_parameter(f"The parameter {'.'.join(loc)} is {ctx['detail']}.")
    path = ".".join(loc) or "body"
    if kind == "missing":
        return invalid_parameter(f"The parameter {path} is required.")
    if kind == "extra_forbidden":
        parent = ".".join(loc[:-1]) or "body"
        return invalid_parameter(f'Unexpected key "{loc[-1]}" on param "{parent}".')
    if kind == "union_tag_invalid":
        return invalid_parameter(f"Param {path}.type must be one of {', '.join(INTERACTIVE_TYPES)}.")
    if kind == "union_tag_not_found":
        return invalid_parameter(f"The parameter {path}.type is required.")
    return invalid_parameter(f"Param {path} is invalid: {msg}.")


# --- Customer-side sandbox API -----------------------------------------------------------------------


class OptionReply(BaseModel):
    """What the customer tapped: a reply button or a list row."""

    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=256)
    description: str | None = None


class CustomerMedia(BaseModel):
    """A file the customer sends: one uploaded with `POST /sandbox/whatsapp/media` (its `id`)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["image", "audio", "video", "document", "sticker"]
    id: str = Field(min_length=1, description="the id `POST /sandbox/whatsapp/media` answered")
    caption: str | None = Field(default=None, min_length=1, max_length=1024)
    filename: str | None = Field(default=None, min_length=1, max_length=240)


class CustomerUploadIn(BaseModel):
    """The customer's phone puts a file on WhatsApp's servers (what a media message's id then names)."""

    model_config = ConfigDict(extra="forbid")

    mime_type: str = Field(min_length=3, description="a type WhatsApp supports (media_limits.json)")
    data_base64: str = Field(min_length=1, description="the file's bytes, base64")
    filename: str | None = Field(default=None, min_length=1, max_length=240)


class CustomerUploadOut(BaseModel):
    id: str
    kind: str
    mime_type: str
    sha256: str
    file_size: int


class CustomerMessageIn(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    from_: str = Field(alias="from", pattern=WA_ID_PATTERN, description="the customer's wa_id (digits)")
    name: str | None = Field(
        default=None, min_length=1, max_length=256, description="profile name; default: the last one used"
    )
    text: str | None = Field(default=None, min_length=1, max_length=4096)
    button_reply: OptionReply | None = None
    list_reply: OptionReply | None = None
    media: CustomerMedia | None = Field(default=None, description="a photo, voice note, … the customer uploaded")
    message_id: str | None = Field(
        default=None,
        min_length=1,
        description="reuse a wamid: a known one replays the original webhook bytes (a provider retry)",
    )
    context_message_id: str | None = Field(
        default=None, description="the business message replied to; filled in for taps when omitted"
    )
    timestamp: int | None = Field(default=None, ge=0, description="unix seconds; default now")


class CustomerMessageOut(BaseModel):
    message_id: str
    payload: dict[str, Any]
    ingest_status: int
    ingest_body: str
    retry: bool = False


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message_id: str = Field(min_length=1)
    status: Literal["sent", "delivered", "read", "failed"]
    recipient_id: str | None = Field(default=None, description="default: the `to` of the recorded send")
    timestamp: int | None = Field(default=None, ge=0)
    errors: list[dict[str, Any]] | None = None


class WebhookOut(BaseModel):
    payload: Any
    ingest_status: int
    ingest_body: str


class VerifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verify_token: str | None = Field(default=None, description="default: WHATSAPP_VERIFY_TOKEN")
    mode: str = "subscribe"
    challenge: str | None = Field(default=None, description="default: a random number")


class VerifyOut(BaseModel):
    ok: bool = Field(description="ingest answered 200 with exactly the challenge as body")
    url: str
    status: int
    challenge: str
    echoed: bool
    body: str


class RawIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    body: Any = Field(description="a string is posted as is; anything else is serialised as JSON")
    signature: Literal["valid", "invalid", "absent"] = "valid"
    signature_header: str | None = Field(default=None, description="exact X-Hub-Signature-256 to send")
    headers: dict[str, str] = Field(default_factory=dict)


class RawOut(BaseModel):
    ingest_status: int
    ingest_body: str
    body: str
    headers: dict[str, str]
