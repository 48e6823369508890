// The dashboard API client: one `request` that adds the bearer token, turns error bodies into words
// (FastAPI's `detail`, a string or a list of validation errors) and reports a 401 once, so the app can send
// the operator back to the login page. Typed wrappers below mirror the routes.
import type {

  AccountSpec,
  Analytics,
  AttachmentRules,
  Availability,
  BotConfig,
  BotSettings,
  BusinessUnit,
  SavedReply,
  UnitSettings,
  Channel,
  ChannelAccountIn,
  ChannelAccountView,
  CommandOut,
  ContactProfile,
  DocumentInfo,
  DocumentSummary,
  FlowIn,
  FlowSession,
  FlowSessionPage,
  FlowSessionState,
  FlowTestMessage,
  FlowTestOut,
  FlowVersion,
  Me,
  MessageView,
  Notification,
  Operator,
  Page,
  Role,
  SearchResponse,
  TeamMember,
  TemplateInfo,
  TemplateMessage,
  ThreadStatus,
  ThreadView,
  TokenOut,
  View,
  ViewCounts,
} from "./types";

/** Messages per request when a conversation opens, and per "Earlier messages". */
export const MESSAGES_PAGE = 100;

const TOKEN_KEY = "parley.token";

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

type UnauthorizedHandler = (message: string) => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** Called on any 401 (except the login call itself): the app clears the session and shows the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** FastAPI's error body in words: `detail` is a string, or a list of `{loc, msg}` for validation errors. */
export function describeError(body: unknown, status: number): string {
  if (body && typeof body === "object" && "detail" in body) {
    const detail = (body as { detail: unknown }).detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return detail
        .map((d) => {
          if (d && typeof d === "object") {
            const { loc, msg } = d as { loc?: unknown[]; msg?: string };
            const where = Array.isArray(loc) ? loc.filter((p) => p !== "body").join(".") : "";
            return where ? `${where}: ${msg ?? "invalid"}` : (msg ?? "invalid");
          }
          return String(d);
        })
        .join("; ");
    }
  }
  if (body && typeof body === "object" && "reason" in body && typeof (body as { reason: unknown }).reason === "string") {
    return (body as { reason: string }).reason;
  }
  if (typeof body === "string" && body.trim()) return body.trim().slice(0, 300);
  return `request failed (HTTP ${status})`;
}

interface Options {
  method?: string;
  json?: unknown;
  form?: FormData;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Don't treat a 401 as an expired session (the login form's own wrong password). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Options["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, opts: Options): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.json);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method: opts.method ?? "GET", headers, body, signal: opts.signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "cannot reach the server: check your connection", null);
  }
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    const retry = Number(res.headers.get("Retry-After"));
    const error = new ApiError(res.status, describeError(parsed, res.status), parsed, Number.isFinite(retry) && retry > 0 ? retry : null);
    if (res.status === 401 && !opts.noAuthRedirect) onUnauthorized("Your session has ended: please log in again.");
    throw error;
  }
  return res;
}

export async function request<T>(path: string, opts: Options = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A command's answer: 200 applied/unchanged, 202 pending (the router had not answered yet). A 409 is an
 * ApiError whose message is the reason. */
async function command(path: string, json: unknown): Promise<CommandOut> {
  return request<CommandOut>(path, { method: "POST", json });
}

/** A flow's path under its business unit. */
function flowPath(tenant: string, flowId: string): string {
  return `/api/tenants/${encodeURIComponent(tenant)}/flows/${encodeURIComponent(flowId)}`;
}

function flowSessionPath(tenant: string, sessionId: string): string {
  return `/api/tenants/${encodeURIComponent(tenant)}/flow-sessions/${encodeURIComponent(sessionId)}`;
}

export interface ThreadFilters {
  channel?: string;
  tenant?: string;
  status?: ThreadStatus | "";
  label?: string;
  q?: string;
}

export const api = {
  login: (email: string, password: string) =>
    request<TokenOut>("/api/auth/login", { method: "POST", json: { email, password }, noAuthRedirect: true }),
  logout: () => request<void>("/api/auth/logout", { method: "POST", noAuthRedirect: true }),
  me: () => request<Me>("/api/me"),
  setAvailability: (availability: Availability) =>
    request<Me>("/api/me/availability", { method: "PUT", json: { availability } }),

  units: () => request<BusinessUnit[]>("/api/business-units"),
  putUnit: (tenant: string, body: UnitSettings) =>
    request<BusinessUnit>(`/api/business-units/${encodeURIComponent(tenant)}`, { method: "PUT", json: body }),

  counts: (f: Pick<ThreadFilters, "channel" | "tenant">, signal?: AbortSignal) =>
    request<ViewCounts>("/api/threads/counts", { query: { channel: f.channel, tenant: f.tenant }, signal }),
  threads: (view: View, f: ThreadFilters, page: number, signal?: AbortSignal) =>
    request<Page<ThreadView>>("/api/threads", {
      query: { view, status: f.status, channel: f.channel, tenant: f.tenant, label: f.label, q: f.q, page, page_size: 50 },
      signal,
    }),
  thread: (key: string) => request<ThreadView>(`/api/threads/${encodeURIComponent(key)}`),
  /** The conversation's messages, newest page first (`page` 2 is the `MESSAGES_PAGE` before page 1). */
  messages: (key: string, page = 1) =>
    request<Page<MessageView>>(`/api/threads/${encodeURIComponent(key)}/messages`, {
      query: { page_size: MESSAGES_PAGE, newest: true, page },
    }),
  attachmentRules: () => request<AttachmentRules>("/api/threads/attachment-rules"),
  replyText: (key: string, text: string) => command(`/api/threads/${encodeURIComponent(key)}/messages`, { text }),
  /** A private note for the team: kept in the thread, never sent to the customer. */
  note: (key: string, text: string) => command(`/api/threads/${encodeURIComponent(key)}/notes`, { text }),
  replyTemplate: (key: string, template: TemplateMessage) =>
    command(`/api/threads/${encodeURIComponent(key)}/messages`, { template }),
  replyFiles: (key: string, text: string, files: File[]) => {
    const form = new FormData();
    if (text) form.append("text", text);
    for (const f of files) form.append("files", f, f.name);
    return request<CommandOut>(`/api/threads/${encodeURIComponent(key)}/messages`, { method: "POST", form });
  },
  action: (key: string, action: "take_over" | "hand_back" | "resolve" | "reopen") =>
    command(`/api/threads/${encodeURIComponent(key)}/actions/${action}`, {}),
  assign: (key: string, operatorId: string) =>
    command(`/api/threads/${encodeURIComponent(key)}/actions/assign`, { operator_id: operatorId }),

  media: async (mediaId: string): Promise<Blob> => (await send(`/api/media/${encodeURIComponent(mediaId)}`, {})).blob(),

  team: (tenant: string) => request<TeamMember[]>("/api/team", { query: { tenant } }),
  operators: (tenant?: string) => request<Operator[]>("/api/operators", { query: { tenant } }),
  channelAccounts: () => request<ChannelAccountView[]>("/api/channel-accounts"),
  channelSpecs: () => request<Record<Channel, AccountSpec>>("/api/channel-accounts/specs"),
  putChannelAccount: (channel: Channel, accountId: string, body: ChannelAccountIn) =>
    request<ChannelAccountView>(`/api/channel-accounts/${channel}/${encodeURIComponent(accountId)}`, { method: "PUT", json: body }),
  deleteChannelAccount: (channel: Channel, accountId: string) =>
    request<void>(`/api/channel-accounts/${channel}/${encodeURIComponent(accountId)}`, { method: "DELETE" }),
  createOperator: (body: { email: string; name: string; role: Role; tenants: string[]; password: string }) =>
    request<Operator>("/api/operators", { method: "POST", json: body }),
  updateOperator: (id: string, patch: Partial<Pick<Operator, "name" | "role" | "tenants" | "active" | "availability">>) =>
    request<Operator>(`/api/operators/${encodeURIComponent(id)}`, { method: "PATCH", json: patch }),

  notifications: () => request<Page<Notification>>("/api/notifications", { query: { limit: 30 } }),
  readNotification: (id: string) =>
    request<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: "POST" }),
  readAllNotifications: () => request<{ marked: number }>("/api/notifications/read-all", { method: "POST" }),

  savedReplies: (tenant: string) => request<SavedReply[]>(`/api/tenants/${encodeURIComponent(tenant)}/saved-replies`),
  putSavedReply: (tenant: string, shortCode: string, text: string) =>
    request<SavedReply>(`/api/tenants/${encodeURIComponent(tenant)}/saved-replies/${encodeURIComponent(shortCode)}`, {
      method: "PUT",
      json: { text },
    }),
  deleteSavedReply: (tenant: string, shortCode: string) =>
    request<void>(`/api/tenants/${encodeURIComponent(tenant)}/saved-replies/${encodeURIComponent(shortCode)}`, {
      method: "DELETE",
    }),
  templates: (accountId: string) => request<TemplateInfo[]>(`/api/templates?account_id=${encodeURIComponent(accountId)}`),

  documents: (tenant: string) => request<DocumentInfo[]>(`/api/tenants/${encodeURIComponent(tenant)}/knowledge/documents`),
  uploadDocument: (tenant: string, file: File) => {
    const form = new FormData();
    form.append("file", file, file.name);
    return request<DocumentSummary>(`/api/tenants/${encodeURIComponent(tenant)}/knowledge/documents`, {
      method: "POST",
      form,
    });
  },
  deleteDocument: (tenant: string, id: string) =>
    request<void>(`/api/tenants/${encodeURIComponent(tenant)}/knowledge/documents/${encodeURIComponent(id)}`, {
      method: "DELETE",
    }),
  searchKnowledge: (tenant: string, q: string) =>
    request<SearchResponse>(`/api/tenants/${encodeURIComponent(tenant)}/knowledge/search`, { query: { q } }),

  botConfig: (tenant: string) => request<BotConfig>(`/api/tenants/${encodeURIComponent(tenant)}/bot-config`),
  putBotConfig: (tenant: string, body: BotSettings) =>
    request<BotConfig>(`/api/tenants/${encodeURIComponent(tenant)}/bot-config`, { method: "PUT", json: body }),

  flows: (tenant: string) => request<FlowVersion[]>(`/api/tenants/${encodeURIComponent(tenant)}/flows`),
  flow: (tenant: string, flowId: string) => request<FlowVersion>(flowPath(tenant, flowId)),
  /** A new version of the flow (a 422's message lists the fields refused; `ApiError.body.detail` has them). */
  putFlow: (tenant: string, flowId: string, body: FlowIn) =>
    request<FlowVersion>(flowPath(tenant, flowId), { method: "PUT", json: body }),
  deleteFlow: (tenant: string, flowId: string) => request<void>(flowPath(tenant, flowId), { method: "DELETE" }),
  testFlow: (tenant: string, flowId: string, messages: FlowTestMessage[], language: string | null) =>
    request<FlowTestOut>(`${flowPath(tenant, flowId)}/test`, { method: "POST", json: { messages, language } }),
  flowSessions: (tenant: string, f: { flowId?: string; state?: FlowSessionState | ""; limit?: number; offset?: number }) =>
    request<FlowSessionPage>(`/api/tenants/${encodeURIComponent(tenant)}/flow-sessions`, {
      query: { flow_id: f.flowId, state: f.state, limit: f.limit, offset: f.offset },
    }),
  flowSession: (tenant: string, sessionId: string) => request<FlowSession>(flowSessionPath(tenant, sessionId)),
  flowSessionAction: (tenant: string, sessionId: string, action: "reset" | "retry") =>
    request<CommandOut>(`${flowSessionPath(tenant, sessionId)}/${action}`, { method: "POST" }),
  /** Where a flow's sessions export is (the console fetches it with its token: `flowSessionsCsv`). */
  flowSessionsCsvUrl: (tenant: string, flowId: string) => `${flowPath(tenant, flowId)}/sessions.csv`,
  flowSessionsCsv: async (tenant: string, flowId: string): Promise<Blob> =>
    (await send(`${flowPath(tenant, flowId)}/sessions.csv`, {})).blob(),

  analytics: (tenant: string | null, days: number) =>
    request<Analytics>("/api/analytics", { query: { tenant, days } }),
  contact: (channel: string, contactId: string) =>
    request<ContactProfile>(`/api/contacts/${encodeURIComponent(channel)}/${encodeURIComponent(contactId)}`),
};
