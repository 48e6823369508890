"""Media on the Graph side, as the Cloud API media reference describes it:

- `POST /{phone_number_id}/media` (multipart: `file`, `type`, `messaging_product=whatsapp`) → `{"id"}`;
- `GET /{media_id}` → `{"messaging_product","url","mime_type","sha256","file_size","id"}`;
- the `url` downloads the bytes with the same bearer token, like Meta's `lookaside.fbsbx.com` URLs.

Supported types and sizes come from `media_limits.json` ("Supported media types" in Meta's reference),
loaded and validated at start-up. Files live in the bounded in-memory `MediaStore`; a send that names a
media `id` must name one of them.
"""

import hashlib
import secrets
from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley_sandbox.logs import get_logger
from parley_sandbox.meta import GraphError, invalid_parameter, unknown_object
from parley_sandbox.state import SandboxState
from parley_sandbox.store import StoredMedia
from parley_sandbox.whatsapp import CHANNEL
from parley_sandbox.whatsapp.graph import check_auth, check_post, check_version, reject
from parley_sandbox.whatsapp.schemas import MEDIA_TYPES, Media, MediaUpload, UploadedFile, validate_graph

log = get_logger("parley_sandbox.whatsapp.media")
DOWNLOAD_ROUTE = "whatsapp_media_download"
_MB = 1024 * 1024


class KindLimit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_bytes: int = Field(gt=0)
    mime_types: list[str] = Field(min_length=1)

    @field_validator("mime_types")
    @classmethod
    def _mime_syntax(cls, value: list[str]) -> list[str]:
        bad = [m for m in value if m != m.strip().lower() or m.count("/") != 1 or ";" in m]
        if bad:
            raise ValueError(f"not bare lower-case type/subtype MIME types: {bad}")
        return value


class MediaLimits(BaseModel):
    """`media_limits.json`: per message media type, the MIME types Meta accepts and the largest file."""

    model_config = ConfigDict(extra="forbid")

    about: str
    kinds: dict[str, KindLimit]

    @model_validator(mode="after")
    def _complete_and_unambiguous(self) -> "MediaLimits":
        if set(self.kinds) != set(MEDIA_TYPES):
            raise ValueError(f"kinds must be exactly {sorted(MEDIA_TYPES)}, got {sorted(self.kinds)}")
        mimes = [m for limit in self.kinds.values() for m in limit.mime_types]
        if len(set(mimes)) != len(mimes):
            raise ValueError("a MIME type belongs to one kind only (the kind decides the size limit)")
        return self

    @property
    def mime_types(self) -> list[str]:
        return [m for limit in self.kinds.values() for m in limit.mime_types]

    def kind_of(self, mime_type: str) -> str | None:
        return next((kind for kind, limit in self.kinds.items() if mime_type in limit.mime_types), None)


@lru_cache(maxsize=1)
def media_limits() -> MediaLimits:
    """Read once; a malformed file fails the app at start-up (`routers()` calls this), not at first upload."""
    text = resources.files("parley_sandbox.whatsapp").joinpath("media_limits.json").read_text(encoding="utf-8")
    return MediaLimits.model_validate_json(text)


def new_media_id() -> str:
    # Meta's media ids are opaque numeric strings of 15-16 digits.
    return str(10**15 + secrets.randbelow(9 * 10**15))


async def sent_media(state: SandboxState, kind: str, media: Media) -> dict[str, Any] | None:
    """What a media message sent by `id` refers to (None for a `link`).

    An id the sandbox never issued gets Meta's synchronous refusal, code 100 "Param image['id'] is not a
    valid whatsapp business account media attachment ID" (as reported by Cloud API users; Meta documents
    only that ids come from the upload endpoint).
    """
    if media.id is None:
        return None
    stored = await state.media.get(media.id)
    if stored is None:
        raise invalid_parameter(f"Param {kind}['id'] is not a valid whatsapp business account media attachment ID")
    return {
        "id": stored.id,
        "mime_type": stored.mime_type,
        "filename": stored.filename,
        "file_size": stored.size,
        "sha256": stored.sha256,
    }


def _human(size: int) -> str:
    if size % _MB == 0:
        return f"{size // _MB} MB"
    return f"{size // 1024} KB" if size % 1024 == 0 else f"{size} bytes"


def check_file(limits: MediaLimits, upload: MediaUpload) -> str:
    """The upload's media kind, or the code-100 refusal naming the problem.

    The file part's own Content-Type is what Meta checks (a bare type: "audio/ogg; codecs=opus" is refused),
    with the message "(#100) Param file must be a file with one of the following types: … Received file of
    type '…'." as Cloud API users report it. `type` must be a supported type as well.
    """
    received = upload.file.content_type
    kind = limits.kind_of(received)
    if kind is None:
        raise invalid_parameter(
            f"Param file must be a file with one of the following types: {', '.join(limits.mime_types)}. "
            f"Received file of type '{received}'."
        )
    if limits.kind_of(upload.type) is None:
        raise invalid_parameter(f"Param type must be one of: {', '.join(limits.mime_types)}; got '{upload.type}'.")
    if upload.file.size == 0:
        raise invalid_parameter("Param file is empty.")
    max_bytes = limits.kinds[kind].max_bytes
    if upload.file.size > max_bytes:
        raise invalid_parameter(
            f"File Too Large: {kind} files ({received}) can be at most {_human(max_bytes)} ({max_bytes} bytes); "
            f"this one has {upload.file.size} bytes."
        )
    return kind


async def _read_form(request: Request) -> FormData | None:
    try:
        return await request.form()
    except StarletteHTTPException:  # a malformed multipart body
        return None


def _fields(form: FormData | None) -> dict[str, Any] | None:
    """The form as recorded and validated: plain fields as sent, the file part described (bytes left out)."""
    if form is None:
        return None
    fields: dict[str, Any] = {}
    for key, value in form.items():
        if isinstance(value, UploadFile):
            fields[key] = UploadedFile(
                filename=value.filename, content_type=value.content_type or "", size=value.size or 0
            ).model_dump()
        else:
            fields[key] = value
    return fields


def _download_url(request: Request, media: StoredMedia) -> str:
    return str(request.url_for(DOWNLOAD_ROUTE).include_query_params(mid=media.id))


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(tags=["whatsapp: provider (Graph API)"])
    limits = media_limits()

    @router.post("/graph/{version}/{phone_number_id}/media", summary="Upload a file; answers its media id")
    async def upload(version: str, phone_number_id: str, request: Request) -> JSONResponse:
        form = await _read_form(request)
        fields = _fields(form)
        try:
            await check_post(state, request, version, phone_number_id, "media")
            if form is None or fields is None:
                raise invalid_parameter("The request body must be multipart/form-data")
            if "file" in form and not isinstance(form["file"], UploadFile):
                raise invalid_parameter("Param file must be a file part (with a filename), not a plain field.")
            parsed = validate_graph(MediaUpload, fields)
            kind = check_file(limits, parsed)
        except GraphError as error:
            return await reject(state, error, account_id=phone_number_id, to=None, type_="upload", body=fields)
        part = form["file"]
        assert isinstance(part, UploadFile)
        data = await part.read()
        media = await state.media.add(
            id=new_media_id(),
            channel=CHANNEL,
            account_id=phone_number_id,
            kind=kind,
            mime_type=parsed.file.content_type,
            filename=parsed.file.filename,
            data=data,
            sha256=hashlib.sha256(data).hexdigest(),
        )
        await state.store.add_request(
            channel=CHANNEL,
            account_id=phone_number_id,
            to=None,
            type="upload",
            body=fields,
            status_code=200,
            message_id=media.id,
        )
        log.info("whatsapp.media.uploaded", media_id=media.id, kind=kind, mime_type=media.mime_type, size=media.size)
        return JSONResponse({"id": media.id})

    @router.get("/graph/{version}/{media_id}", summary="Retrieve a media URL (and its type, hash and size)")
    async def retrieve(
        version: str, media_id: str, request: Request, phone_number_id: str | None = None
    ) -> dict[str, str]:
        check_version(version, media_id)
        check_auth(request, state.settings)
        media = await state.media.get(media_id)
        # Meta: with `phone_number_id`, only media uploaded for that number is found.
        if media is None or phone_number_id not in (None, media.account_id):
            raise unknown_object("get", media_id)
        return {
            "messaging_product": "whatsapp",
            "url": _download_url(request, media),
            "mime_type": media.mime_type,
            "sha256": media.sha256,
            "file_size": str(media.size),  # a string, as in Meta's reference
            "id": media.id,
        }

    @router.get(
        "/lookaside/whatsapp_business/attachments/",
        name=DOWNLOAD_ROUTE,
        summary="Download a media file (the URL from GET /{media_id}; needs the bearer token)",
    )
    async def download(request: Request, mid: str) -> Response:
        check_auth(request, state.settings)
        media = await state.media.get(mid)
        if media is None:
            raise GraphError(404, 100, f"Media {mid} not found")
        return Response(media.data, media_type=media.mime_type)

    return router
