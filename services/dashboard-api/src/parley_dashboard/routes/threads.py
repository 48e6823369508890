"""Threads and their messages, for operators: the inbox views, the conversation, replies and actions.

Replies and actions never write a thread here: they become `thread.command` events for the router
(docs/adr/0002-thread-command-topic.md). What can be refused at once is refused at once with the same
pure rules the router applies (the state machine, the channel's reply window): 409 with the reason."""

import json
from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from parley_contracts import (
    AuthorKind,
    Channel,
    CommandAction,
    MediaRef,
    MessageView,
    OutboundContent,
    ThreadCommand,
    ThreadStatus,
    ThreadView,
    utcnow,
)
from parley_conversations.documents import ThreadRecord
from parley_conversations.media import AttachmentRefused, attachment_rules
from parley_conversations.operators import Role
from parley_conversations.state_machine import COMMAND_TRIGGERS, Change, Rejected, ThreadState, Trigger, apply
from parley_conversations.store import ThreadQuery, View
from parley_conversations.windows import refusal, reply_limit_refusal
from parley_dashboard.auth.principal import Principal
from parley_dashboard.commands import conflict, respond
from parley_dashboard.deps import PrincipalDep, Services, ServicesDep, TenantQuery, visible_thread
from parley_dashboard.schemas import (
    ActionIn,
    AssignIn,
    CommandOut,
    NoteIn,
    Page,
    PageNumber,
    ReplyIn,
    ViewCounts,
)
from parley_runtime.validation import summarize

router = APIRouter(prefix="/api/threads", tags=["threads"])
log = structlog.get_logger()

MAX_ATTACHMENTS = 10
FREE_FORM = OutboundContent(text="free-form")  # what the window rule checks for a reply that is not a template
# The actions of `/actions/{action}` (assign has its own route: it takes an operator).
PLAIN_ACTIONS = (CommandAction.TAKE_OVER, CommandAction.HAND_BACK, CommandAction.RESOLVE, CommandAction.REOPEN)
COMMAND_RESPONSES: dict[int | str, dict] = {
    202: {"model": CommandOut, "description": "Sent to the router, which had not answered within the wait"},
    404: {"description": "No such thread in your business units"},
    409: {"model": CommandOut, "description": "Not possible in the thread's state (the reason says why)"},
}


def _query(principal: Principal, **filters) -> ThreadQuery:
    return ThreadQuery(tenants=principal.tenants, me=principal.id, **filters)


@router.get("", response_model=Page[ThreadView])
async def list_threads(
    services: ServicesDep,
    principal: PrincipalDep,
    view: View = View.ALL,
    status_filter: Annotated[ThreadStatus | None, Query(alias="status")] = None,
    channel: Channel | None = None,
    tenant: TenantQuery = None,
    assignee: str | None = None,
    label: str | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Contact name or number")] = None,
    page: PageNumber = 1,
    page_size: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Page[ThreadView]:
    """Newest activity first. Views: `mine` (assigned to me, not resolved), `unassigned` (waiting for a
    person, nobody assigned), `bot` (the bot is answering), `all`."""
    query = _query(
        principal,
        view=view,
        status=status_filter,
        channel=channel,
        tenant=tenant,
        assignee=assignee,
        label=label,
        search=q,
    )
    records, total = await services.inbox.list_threads(query, skip=(page - 1) * page_size, limit=page_size)
    return Page(items=records, total=total, page=page, page_size=page_size)


@router.get("/counts", response_model=ViewCounts)
async def count_threads(
    services: ServicesDep, principal: PrincipalDep, channel: Channel | None = None, tenant: TenantQuery = None
) -> ViewCounts:
    counts = await services.inbox.count_views(_query(principal, channel=channel, tenant=tenant), list(View))
    return ViewCounts(**{str(view): n for view, n in counts.items()})


@router.get("/attachment-rules")
async def attachment_limits(principal: PrincipalDep) -> dict:
    """Which files a reply may carry: MIME types and the largest size per kind."""
    return attachment_rules().model_dump(mode="json")


@router.get("/{thread_key}", response_model=ThreadView, responses={404: {"description": "No such thread"}})
async def get_thread(thread_key: str, services: ServicesDep, principal: PrincipalDep) -> ThreadView:
    return (await visible_thread(services, principal, thread_key)).view()


@router.get("/{thread_key}/messages", response_model=Page[MessageView])
async def list_messages(
    thread_key: str,
    services: ServicesDep,
    principal: PrincipalDep,
    page: PageNumber = 1,
    page_size: Annotated[int, Query(ge=1, le=500)] = 100,
    newest: Annotated[
        bool, Query(description="Pages count back from the newest message: page 1 is the latest `page_size`.")
    ] = False,
) -> Page[MessageView]:
    """Oldest first within a page: the conversation as it happened, with who wrote each message (customer, bot,
    operator with their name, or a system note), its type, text or caption, media and delivery status."""
    thread = await visible_thread(services, principal, thread_key)
    records, total = await services.conversations.list_messages(
        thread, skip=(page - 1) * page_size, limit=page_size, from_newest=newest
    )
    return Page(items=[r.view() for r in records], total=total, page=page, page_size=page_size)


_REPLY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ReplyIn"}},  # added by routes.docs
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string", "maxLength": 4096},
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    },
                }
            },
        },
    }
}


@router.post(
    "/{thread_key}/messages",
    response_model=CommandOut,
    responses={**COMMAND_RESPONSES, 413: {"description": "Attachment too large"}, 415: {"description": "Type refused"}},
    openapi_extra=_REPLY_BODY,
)
async def reply(thread_key: str, request: Request, services: ServicesDep, principal: PrincipalDep) -> JSONResponse:
    """Answer the customer: JSON `{"text"}` or `{"template": {"name", "language", "parameters"}}`, or
    multipart with `text` and `files` (images, documents, audio, video; the limits of
    `GET /api/threads/attachment-rules`). The thread is then held by a person (the bot stays silent).
    Outside WhatsApp's 24-hour window only a template may be sent (Messenger/Instagram: a person may answer for 7
    days, tagged HUMAN_AGENT): 409 says so before anything is sent."""
    record = await visible_thread(services, principal, thread_key)
    refused = _refusal(record, principal, Trigger.OPERATOR_REPLY) or reply_limit_refusal(
        record.channel, record.conversation, record.replies_sent
    )
    if not refused and request.headers.get("content-type", "").startswith("multipart/form-data"):
        # Files are free-form content: refuse before storing them when the window is closed.
        refused = refusal(record.channel, FREE_FORM, record.last_inbound_at, utcnow(), AuthorKind.OPERATOR)
    if refused:
        return conflict(refused, record.view())
    content = await _reply_content(request, services, record, principal)
    if refused := refusal(record.channel, content, record.last_inbound_at, utcnow(), AuthorKind.OPERATOR):
        return conflict(refused, record.view())
    return await _submit(services, record, principal, CommandAction.REPLY, content=content)


@router.post("/{thread_key}/notes", response_model=CommandOut, responses=COMMAND_RESPONSES)
async def add_note(thread_key: str, body: NoteIn, services: ServicesDep, principal: PrincipalDep) -> JSONResponse:
    """A private note for the team (Chatwoot's "private note"): kept in the thread's timeline with who wrote it
    (`direction` `internal`, `type` `note`), shown to operators, never sent to the customer, whatever the thread's
    status and whoever holds it. It does not change the thread. Colleagues it names with `@` (first name, the part
    of their email before the `@`, or id) get a `mention` notification."""
    record = await visible_thread(services, principal, thread_key)
    content = OutboundContent(text=body.text.strip())
    return await _submit(services, record, principal, CommandAction.NOTE, content=content)


@router.post("/{thread_key}/actions/assign", response_model=CommandOut, responses=COMMAND_RESPONSES)
async def assign(thread_key: str, body: AssignIn, services: ServicesDep, principal: PrincipalDep) -> JSONResponse:
    """Give the thread to an operator of its business unit (managers and admins)."""
    if not principal.may(Role.MANAGER):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "assigning to others needs the manager role")
    record = await visible_thread(services, principal, thread_key)
    target = await services.directory.get(body.operator_id)
    if target is None or record.tenant not in target.tenants or not target.active:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"no active operator {body.operator_id} in business unit {record.tenant}",
        )
    if refused := _refusal(record, principal, Trigger.ASSIGN, target=target.id):
        return conflict(refused, record.view())
    return await _submit(services, record, principal, CommandAction.ASSIGN, operator_id=target.id, reason=body.note)


@router.post("/{thread_key}/actions/{action}", response_model=CommandOut, responses=COMMAND_RESPONSES)
async def act(
    thread_key: str,
    action: CommandAction,
    services: ServicesDep,
    principal: PrincipalDep,
    body: ActionIn | None = None,
) -> JSONResponse:
    """`take_over` (you hold the thread; the bot goes silent), `hand_back` (the bot answers again),
    `resolve`, `reopen`. Answers with the thread's new state once the router applied it."""
    if action not in PLAIN_ACTIONS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no action {action}")
    record = await visible_thread(services, principal, thread_key)
    if refused := _refusal(record, principal, COMMAND_TRIGGERS[action]):
        return conflict(refused, record.view())
    return await _submit(services, record, principal, action, reason=body.note if body else None)


# --- helpers ----------------------------------------------------------------------------------------------


def _refusal(record: ThreadRecord, principal: Principal, trigger: Trigger, target: str | None = None) -> str | None:
    """The router decides, but what the state machine refuses now it will refuse then: say so at once."""
    state = ThreadState(record.status, record.assignee.id if record.assignee else None)
    outcome = apply(state, Change(trigger, principal.actor(), utcnow(), target=target))
    return outcome.reason if isinstance(outcome, Rejected) else None


async def _submit(
    services: Services,
    record: ThreadRecord,
    principal: Principal,
    action: CommandAction,
    *,
    content: OutboundContent | None = None,
    operator_id: str | None = None,
    reason: str | None = None,
) -> JSONResponse:
    command = ThreadCommand(
        tenant=record.tenant,
        channel=record.channel,
        thread_key=record.thread_key,
        action=action,
        actor=principal.actor(),
        operator_id=operator_id,
        content=content,
        reason=reason,
    )
    return await respond(services.commands, command, record.view())


async def _reply_content(
    request: Request, services: Services, record: ThreadRecord, principal: Principal
) -> OutboundContent:
    kind = request.headers.get("content-type", "")
    try:
        if kind.startswith("multipart/form-data"):
            return await _multipart_reply(request, services, record, principal)
        body = ReplyIn.model_validate(json.loads(await request.body() or b"{}"))
        return OutboundContent(text=body.text, template=body.template, quick_replies=body.quick_replies)
    except ValidationError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, summarize(exc)) from exc
    except ValueError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"the body is not JSON: {exc}") from exc


async def _multipart_reply(
    request: Request, services: Services, record: ThreadRecord, principal: Principal
) -> OutboundContent:
    form = await request.form(max_files=MAX_ATTACHMENTS, max_fields=10)
    text = form.get("text")
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    refs: list[MediaRef] = []
    for upload in files:
        data = await upload.read()
        try:
            refs.append(
                await services.media.put(
                    tenant=record.tenant,
                    data=data,
                    mime_type=(upload.content_type or "application/octet-stream").split(";")[0].strip(),
                    filename=upload.filename,
                    uploaded_by=principal.id,
                )
            )
        except AttachmentRefused as exc:
            code = (
                status.HTTP_413_CONTENT_TOO_LARGE
                if "larger than" in str(exc)
                else status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
            )
            raise HTTPException(code, f"{upload.filename}: {exc}") from exc
    return OutboundContent(text=str(text) if text else None, attachments=refs)
