// Question flows of a business unit (admins): the unit's flows, each written as a JSON definition (every save is a
// new version; sessions under way keep theirs; the endpoint's secret is write-only), a dry run ("Try it": nothing is
// sent or stored), and a flow's sessions with their answers, Reset / Retry (commands for the router) and a CSV
// export. Routes: /api/tenants/{tenant}/flows…, /api/tenants/{tenant}/flow-sessions….
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError, describeError } from "../api";
import { ErrorBox, Loading, PageHeader, UnitSelect } from "../components/common";
import { Link } from "../components/Link";
import { dateTime } from "../format";
import { errorText, toast } from "../session";
import {
  FLOW_SESSION_STATES,
  type FlowIn,
  type FlowSession,
  type FlowSessionPage,
  type FlowSessionState,
  type FlowTestMessage,
  type FlowTestOut,
  type FlowVersion,
} from "../types";
import { useTenantChoice } from "./Knowledge";

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
// What a stored version has beyond the admin's definition: left out of the editor (the API refuses them).
const STORED_ONLY = ["tenant", "flow_id", "version", "secret_set", "updated_at", "updated_by"];
const PAGE_SIZE = 25;
const LIVE: FlowSessionState[] = ["waiting_for_answer", "processing", "failed"];
const RETRIABLE: FlowSessionState[] = ["processing", "failed"];

const STATE_LABEL: Record<FlowSessionState, string> = {
  waiting_for_answer: "Waiting for an answer",
  processing: "With the API",
  ended: "Ended",
  failed: "Failed",
  abandoned: "Abandoned",
};

const EXAMPLE: FlowIn = {
  name: "Quote request",
  enabled: true,
  trigger: { keywords: { en: ["quote", "price"] }, intent: null, button: null, every_new_conversation: false },
  questions: [
    { id: "name", text: { en: "What is your name?" }, required: true, kind: "text", choices: [], minimum: null, maximum: null, reask: {} },
    { id: "email", text: { en: "What is your email?" }, required: true, kind: "email", choices: [], minimum: null, maximum: null, reask: {} },
  ],
  endpoint: null,
  final_message: { en: "Thank you! We will be in touch." },
  failure_message: {},
};

/** The editable definition of a stored version: without the stored-only fields and the (always empty) secret. */
function definitionOf(flow: FlowVersion): string {
  const copy: Record<string, unknown> = { ...flow };
  for (const key of STORED_ONLY) delete copy[key];
  if (flow.endpoint) {
    const { secret: _secret, ...endpoint } = flow.endpoint;
    copy.endpoint = endpoint;
  }
  return JSON.stringify(copy, null, 2);
}

/** The API's refusal as one line per field ("questions.1: Value error, a choice question needs 2 to 10 choices"). */
function fieldErrors(err: unknown): string[] {
  if (err instanceof ApiError && err.status === 422 && err.body && typeof err.body === "object" && "detail" in err.body) {
    const detail = (err.body as { detail: unknown }).detail;
    if (Array.isArray(detail)) return detail.map((d) => describeError({ detail: [d] }, 422));
  }
  return [errorText(err)];
}

function triggerSummary(flow: FlowVersion): string {
  const t = flow.trigger;
  const parts: string[] = [];
  const words = Object.values(t.keywords ?? {}).flat();
  if (words.length) parts.push(`keywords: ${words.slice(0, 4).join(", ")}${words.length > 4 ? "…" : ""}`);
  if (t.intent) parts.push(`intent ${t.intent}`);
  if (t.button) parts.push(`button ${t.button}`);
  if (t.every_new_conversation) parts.push("every new conversation");
  return parts.join("; ");
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// --- the definition editor ------------------------------------------------------------------------------------

function FlowEditor({
  tenant,
  editing,
  onSaved,
  onCancel,
}: {
  tenant: string;
  editing: FlowVersion | null;
  onSaved: (flow: FlowVersion) => void;
  onCancel: () => void;
}) {
  const [flowId, setFlowId] = useState(editing?.flow_id ?? "");
  const [text, setText] = useState(editing ? definitionOf(editing) : JSON.stringify(EXAMPLE, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => first.current?.focus(), []); // opened by a button: the keyboard goes to what to write first

  async function save(e: Event) {
    e.preventDefault();
    const id = flowId.trim();
    const problems: string[] = [];
    if (!ID_PATTERN.test(id)) problems.push("Flow id: lower-case letters, digits, _ and - (at most 64), starting with a letter or digit.");
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch (err) {
      problems.push(`Definition: not valid JSON (${errorText(err)}).`);
    }
    setErrors(problems);
    if (problems.length) return;
    setSaving(true);
    try {
      const saved = await api.putFlow(tenant, id, body as FlowIn);
      toast(`Flow ${saved.flow_id} saved: version ${saved.version}`, "success");
      onSaved(saved);
    } catch (err) {
      setErrors(fieldErrors(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="flow-editor-title" noValidate>
      <h2 id="flow-editor-title">{editing ? `Edit flow ${editing.flow_id}` : "New flow"}</h2>
      {editing ? (
        <p class="muted">
          Saving makes version {editing.version + 1}; conversations under way keep the version they started with.
        </p>
      ) : null}
      <div class="field">
        <label for="flow-id">Flow id</label>
        <input
          id="flow-id"
          ref={editing ? undefined : first}
          type="text"
          required
          maxLength={64}
          readOnly={!!editing}
          value={flowId}
          aria-describedby="flow-id-help"
          onInput={(e) => setFlowId((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="help" id="flow-id-help">
          Lower-case letters, digits, _ and -. It names the flow in the API and in exports.
        </span>
      </div>
      <div class="field">
        <label for="flow-definition">Definition (JSON)</label>
        <textarea
          id="flow-definition"
          ref={editing ? first : undefined}
          class="code-input"
          rows={22}
          spellcheck={false}
          value={text}
          aria-invalid={errors.length ? "true" : undefined}
          aria-describedby="flow-definition-help flow-errors"
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span class="help" id="flow-definition-help">
          name, enabled, trigger (keywords per language, intent, button, every_new_conversation), questions (id, text per language,
          kind: text, yes_no, choice, number, email, phone or date; required, choices, minimum, maximum, reask), endpoint (url,
          timeout_seconds, retries, secret), final_message, failure_message. Leave endpoint.secret out to keep the stored one
          {editing?.secret_set ? " (one is set)" : ""}.
        </span>
      </div>
      <div id="flow-errors" role="alert">
        {errors.length ? (
          <ul class="error-box field-errors" aria-label="Problems with the definition">
            {errors.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="button-row">
        <button type="submit" class="button-primary" disabled={saving}>
          {saving ? "Saving…" : "Save flow"}
        </button>
        <button type="button" class="button-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// --- try it --------------------------------------------------------------------------------------------------

function TryFlow({ tenant, flow }: { tenant: string; flow: FlowVersion }) {
  const [messages, setMessages] = useState("");
  const [language, setLanguage] = useState("");
  const [out, setOut] = useState<FlowTestOut | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function run(e: Event) {
    e.preventDefault();
    const said: FlowTestMessage[] = messages
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => (line.startsWith("button:") ? { text: "", payload: line.slice(7).trim() } : { text: line, payload: null }));
    setBusy(true);
    setError("");
    try {
      setOut(await api.testFlow(tenant, flow.flow_id, said, language.trim() || null));
    } catch (err) {
      setOut(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="flow-try-title">
      <h2 id="flow-try-title">Try it: {flow.name}</h2>
      <p class="muted">A dry run of version {flow.version}: nothing is sent to anyone, stored, or posted to the flow's API.</p>
      <form onSubmit={(e) => void run(e)}>
        <div class="field">
          <label for="flow-try-messages">The customer's answers, one per line</label>
          <textarea
            id="flow-try-messages"
            rows={4}
            value={messages}
            aria-describedby="flow-try-help"
            onInput={(e) => setMessages((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <span class="help" id="flow-try-help">
            Write <kbd>button:ID</kbd> on a line to press a button (a choice's id, yes, no or skip).
          </span>
        </div>
        <div class="flow-try-row">
          <div class="field">
            <label for="flow-try-language">Language</label>
            <input
              id="flow-try-language"
              class="short-input"
              type="text"
              maxLength={3}
              placeholder={flow.questions[0] ? Object.keys(flow.questions[0].text)[0] : "en"}
              value={language}
              onInput={(e) => setLanguage((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? "Running…" : "Run"}
          </button>
        </div>
      </form>
      <ErrorBox>{error}</ErrorBox>
      {out ? (
        <div aria-live="polite">
          <ol class="flow-transcript" aria-label="Conversation">
            {out.steps.map((step, i) => [
              step.message ? (
                <li key={`c${i}`} class="flow-line from-customer">
                  <strong>Customer:</strong> {step.message.payload ? `[button ${step.message.payload}] ` : ""}
                  {step.message.text}
                </li>
              ) : null,
              ...step.lines.map((line, j) => (
                <li key={`b${i}-${j}`} class="flow-line from-bot">
                  <strong>Bot:</strong> <span class="pre-line">{line.text}</span>
                  {line.quick_replies.length ? (
                    <span class="quick-replies">
                      {line.quick_replies.map((q) => (
                        <span key={q.id} class="chip" title={`button id: ${q.id}`}>
                          {q.title}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </li>
              )),
            ])}
          </ol>
          <p>
            State: <span class="chip">{STATE_LABEL[out.state] ?? out.state}</span>
            {out.outcome ? <span class="chip">{out.outcome}</span> : null}
          </p>
          {Object.keys(out.answers).length ? (
            <table class="data-table flow-answers">
              <caption class="sr-only">Answers of the dry run</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(out.answers).map(([q, v]) => (
                  <tr key={q}>
                    <th scope="row">{q}</th>
                    <td>{v ?? <span class="muted">skipped</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {out.would_submit ? (
            <details open>
              <summary>What the flow's API would receive</summary>
              <pre class="code-block">{JSON.stringify(out.would_submit, null, 2)}</pre>
            </details>
          ) : (
            <p class="muted">
              {flow.endpoint ? "Nothing would be sent yet: questions are left." : "This flow has no endpoint: the answers are only stored."}
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}

// --- sessions ------------------------------------------------------------------------------------------------

function SessionDetail({ tenant, sessionId, onChanged }: { tenant: string; sessionId: string; onChanged: () => void }) {
  const [session, setSession] = useState<FlowSession | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setSession(await api.flowSession(tenant, sessionId));
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }
  useEffect(() => {
    setSession(null);
    void load();
  }, [tenant, sessionId]);

  async function act(action: "reset" | "retry") {
    if (action === "reset" && !window.confirm(`Reset session ${sessionId}? It stops asking questions; its answers are kept.`)) return;
    setBusy(true);
    try {
      const out = await api.flowSessionAction(tenant, sessionId, action);
      const what = action === "reset" ? "Reset" : "Retry";
      if (out.outcome === "pending") toast(`${what} sent: the router applies it in a moment`, "info");
      else if (out.outcome === "unchanged") toast(`${what}: nothing to change`, "info");
      else toast(`${what} done`, "success");
      await load();
      onChanged();
    } catch (err) {
      toast(errorText(err), "error");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="flow-session" aria-labelledby="flow-session-title">
      <h3 id="flow-session-title">Session {sessionId}</h3>
      <ErrorBox>{error}</ErrorBox>
      {!session && !error ? <Loading /> : null}
      {session ? (
        <>
          <dl class="flow-facts">
            <dt>Flow</dt>
            <dd>
              {session.flow_name} (version {session.flow_version})
            </dd>
            <dt>Contact</dt>
            <dd>
              {session.contact.name ? `${session.contact.name} · ` : ""}
              {session.contact.id} <span class="muted">({session.channel})</span>
            </dd>
            <dt>Conversation</dt>
            <dd>
              <Link href={`/threads/${encodeURIComponent(session.thread_key)}`}>{session.thread_key}</Link>
            </dd>
            <dt>State</dt>
            <dd>
              <span class="chip">{STATE_LABEL[session.state] ?? session.state}</span>
              {session.outcome ? <span class="chip">{session.outcome}</span> : null}
            </dd>
            <dt>Started</dt>
            <dd>{dateTime(session.started_at)}</dd>
            <dt>Ended</dt>
            <dd>{session.ended_at ? dateTime(session.ended_at) : <span class="muted">not yet</span>}</dd>
            <dt>Submissions</dt>
            <dd>{session.attempt}</dd>
            {session.last_error ? (
              <>
                <dt>Last error</dt>
                <dd>{session.last_error}</dd>
              </>
            ) : null}
          </dl>
          <table class="data-table flow-answers">
            <caption class="sr-only">Answers of session {sessionId}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">Written</th>
                <th scope="col">Given</th>
              </tr>
            </thead>
            <tbody>
              {session.questions.map((q) => {
                const a = session.answers[q.id];
                return (
                  <tr key={q.id}>
                    <th scope="row">
                      {q.id} <span class="muted">{Object.values(q.text)[0] ?? ""}</span>
                    </th>
                    <td>{a ? (a.value ?? <span class="muted">skipped</span>) : <span class="muted">not answered</span>}</td>
                    <td>{a?.text ?? ""}</td>
                    <td>{a ? dateTime(a.at) : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {session.api_replies.length ? (
            <details>
              <summary>The API's replies ({session.api_replies.length})</summary>
              <pre class="code-block">{JSON.stringify(session.api_replies, null, 2)}</pre>
            </details>
          ) : null}
          <div class="button-row">
            <button
              type="button"
              class="button-secondary"
              disabled={busy || !RETRIABLE.includes(session.state)}
              onClick={() => void act("retry")}
            >
              Retry
            </button>
            <button type="button" class="button-danger" disabled={busy || !LIVE.includes(session.state)} onClick={() => void act("reset")}>
              Reset
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function FlowSessions({ tenant, flow }: { tenant: string; flow: FlowVersion }) {
  const [state, setState] = useState<FlowSessionState | "">("");
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<FlowSessionPage | null>(null);
  const [error, setError] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    api.flowSessions(tenant, { flowId: flow.flow_id, state, limit: PAGE_SIZE, offset }).then(
      (p) => {
        if (!current) return;
        setPage(p);
        setError("");
      },
      (err: unknown) => current && setError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [tenant, flow.flow_id, state, offset, reload]);

  async function exportCsv(e: Event) {
    e.preventDefault();
    try {
      download(await api.flowSessionsCsv(tenant, flow.flow_id), `${flow.flow_id}-sessions.csv`);
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  return (
    <section class="card" aria-labelledby="flow-sessions-title">
      <div class="card-head">
        <h2 id="flow-sessions-title">Sessions of {flow.name}</h2>
        <a href={api.flowSessionsCsvUrl(tenant, flow.flow_id)} download={`${flow.flow_id}-sessions.csv`} onClick={(e) => void exportCsv(e)}>
          Download CSV
        </a>
      </div>
      <div class="field-inline">
        <label for="flow-session-state">State</label>
        <select
          id="flow-session-state"
          value={state}
          onChange={(e) => {
            setState((e.currentTarget as HTMLSelectElement).value as FlowSessionState | "");
            setOffset(0);
          }}
        >
          <option value="">All states</option>
          {FLOW_SESSION_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox>{error}</ErrorBox>
      {page === null && !error ? <Loading /> : null}
      {page && page.items.length === 0 ? <p class="muted">No sessions{state ? " in this state" : ""} yet.</p> : null}
      {page && page.items.length ? (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="sr-only">Sessions of flow {flow.flow_id}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Contact</th>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Answers</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((s) => (
                <tr key={s.session_id} aria-current={open === s.session_id ? "true" : undefined}>
                  <td>{dateTime(s.started_at)}</td>
                  <th scope="row">
                    {s.contact.name || s.contact.id} <span class="muted">{s.channel}</span>
                  </th>
                  <td>{s.flow_version}</td>
                  <td>
                    <span class="chip">{STATE_LABEL[s.state] ?? s.state}</span>
                    {s.outcome ? <span class="muted">{s.outcome}</span> : null}
                  </td>
                  <td>
                    {s.answered} of {s.questions}
                  </td>
                  <td>{s.last_error ?? ""}</td>
                  <td>
                    <button type="button" class="button-ghost" aria-label={`View session ${s.session_id}`} onClick={() => setOpen(s.session_id)}>
                      View
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page && (offset > 0 || page.more) ? (
        <div class="button-row">
          <button type="button" class="button-ghost" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Newer
          </button>
          <button type="button" class="button-ghost" disabled={!page.more} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Older
          </button>
        </div>
      ) : null}
      {open ? <SessionDetail key={open} tenant={tenant} sessionId={open} onChanged={() => setReload((n) => n + 1)} /> : null}
    </section>
  );
}

// --- the page ------------------------------------------------------------------------------------------------

export function FlowsPage() {
  const [tenant, setTenant] = useTenantChoice();
  const [flows, setFlows] = useState<FlowVersion[] | null>(null);
  const [error, setError] = useState("");
  // The editor: closed (undefined), a new flow (null) or a flow's current version.
  const [editing, setEditing] = useState<FlowVersion | null | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);

  async function load() {
    if (!tenant) return;
    try {
      setFlows(await api.flows(tenant));
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }
  useEffect(() => {
    setFlows(null);
    setEditing(undefined);
    setSelected(null);
    void load();
  }, [tenant]);

  async function remove(flow: FlowVersion) {
    if (!window.confirm(`Delete flow ${flow.name}? It starts no more conversations; sessions under way finish.`)) return;
    try {
      await api.deleteFlow(tenant, flow.flow_id);
      toast(`Flow ${flow.flow_id} deleted`, "success");
      if (selected === flow.flow_id) setSelected(null);
      if (editing?.flow_id === flow.flow_id) setEditing(undefined);
      await load();
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  const chosen = flows?.find((f) => f.flow_id === selected) ?? null;
  return (
    <div class="page">
      <PageHeader title="Flows">
        <UnitSelect id="flows-unit" value={tenant} onChange={setTenant} />
        <button type="button" class="button-primary" onClick={() => setEditing(null)} disabled={!tenant}>
          New flow
        </button>
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      {flows === null && !error ? <Loading /> : null}
      {flows ? (
        <section class="card" aria-labelledby="flows-list">
          <h2 id="flows-list">Question flows</h2>
          {flows.length === 0 ? <p class="muted">No flows yet: the bot answers every message itself.</p> : null}
          {flows.length ? (
            <div class="table-scroll">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">Flow</th>
                    <th scope="col">Version</th>
                    <th scope="col">Starts on</th>
                    <th scope="col">Questions</th>
                    <th scope="col">Sends answers to</th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {flows.map((f) => (
                    <tr key={f.flow_id} class={f.enabled ? undefined : "inactive"} aria-current={selected === f.flow_id ? "true" : undefined}>
                      <th scope="row">
                        {f.name} <span class="muted">{f.flow_id}</span>
                        {f.enabled ? null : <span class="chip">disabled</span>}
                      </th>
                      <td>{f.version}</td>
                      <td>{triggerSummary(f)}</td>
                      <td>{f.questions.length}</td>
                      <td class="break">
                        {f.endpoint ? (
                          <>
                            {f.endpoint.url} {f.secret_set ? <span class="muted">(signed)</span> : null}
                          </>
                        ) : (
                          <span class="muted">stored only</span>
                        )}
                      </td>
                      <td>{dateTime(f.updated_at)}</td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="button-ghost"
                            aria-label={`Sessions and try ${f.flow_id}`}
                            onClick={() => setSelected(f.flow_id)}
                          >
                            Sessions
                          </button>
                          <button
                            type="button"
                            class="button-ghost"
                            aria-label={`Edit ${f.flow_id}`}
                            onClick={() => {
                              setEditing(f);
                              setSelected(f.flow_id);
                            }}
                          >
                            Edit
                          </button>
                          <button type="button" class="button-danger" aria-label={`Delete ${f.flow_id}`} onClick={() => void remove(f)}>
                            Delete
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      {editing !== undefined && tenant ? (
        <FlowEditor
          key={`${tenant}:${editing?.flow_id ?? "new"}:${editing?.version ?? 0}`}
          tenant={tenant}
          editing={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setSelected(saved.flow_id);
            void load();
          }}
        />
      ) : null}
      {chosen ? <TryFlow key={`try:${chosen.flow_id}:${chosen.version}`} tenant={tenant} flow={chosen} /> : null}
      {chosen ? <FlowSessions key={`sessions:${chosen.flow_id}`} tenant={tenant} flow={chosen} /> : null}
    </div>
  );
}
