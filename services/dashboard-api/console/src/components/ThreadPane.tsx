// The open conversation: header with status, reply window and actions; handoff banner; the messages (a
// live log); the reply box; the contact panel. Live updates for this thread are applied in place.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiError, MESSAGES_PAGE } from "../api";
import { CHANNEL_LABEL, dayKey, dayLabel, handoffText, relativeTime, timeLeft } from "../format";
import { inbox, upsertLocal } from "../inbox";
import { onLive, onResync } from "../live";
import { errorText, hasRole, me, toast, unitName } from "../session";
import { useStore } from "../store";
import type { CommandOut, MessageView, TeamMember, ThreadView } from "../types";
import { markSeen } from "../unread";
import { ErrorBox, Loading, StatusChip, UnitBadge } from "./common";
import { addFiles, Composer, NoteComposer, TemplatePicker, useAttachmentRules } from "./Composer";
import { ContactPanel, contactHref } from "./ContactPanel";
import { ChannelIcon, Icon } from "./icons";
import { Link } from "./Link";
import { Message } from "./Message";

type Action = "take_over" | "hand_back" | "resolve" | "reopen";

const ACTION_LABEL: Record<Action, string> = {
  take_over: "Take over",
  hand_back: "Hand back to bot",
  resolve: "Resolve",
  reopen: "Reopen",
};

/** The actions that make sense in each status (the state machine's table; the server refuses the rest with
 * 409 anyway). Taking over a thread a colleague holds is allowed, so it is offered then. */
function actionsFor(t: ThreadView, myId: string | null): Action[] {
  switch (t.status) {
    case "bot":
      return ["take_over", "resolve"];
    case "needs_human":
      return ["take_over", "resolve"];
    case "human":
      return t.assignee?.id === myId ? ["hand_back", "resolve"] : ["take_over", "hand_back", "resolve"];
    default:
      return ["reopen"];
  }
}

function byTime(a: MessageView, b: MessageView): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1);
}

/** Insert or replace messages by id, keeping chronological order. */
function mergeMessages(list: MessageView[], incoming: MessageView[]): MessageView[] {
  if (!incoming.length) return list;
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort(byTime);
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(t);
  }, [intervalMs]);
  return now;
}

/** The channel's reply window: open (closes in …) or closed; past it, Messenger and Instagram let a person answer
 * for days more (sent tagged HUMAN_AGENT). Null when the channel has none. */
function windowState(t: ThreadView, now: number): { open: boolean; text: string } | null {
  if (!t.reply_window_closes_at) return null;
  const left = Date.parse(t.reply_window_closes_at) - now;
  if (left > 0) return { open: true, text: `Window open, closes in ${timeLeft(left)}` };
  const personLeft = t.operator_window_closes_at ? Date.parse(t.operator_window_closes_at) - now : 0;
  if (personLeft > 0) return { open: true, text: `Only a person may reply now, for ${timeLeft(personLeft)} more` };
  return { open: false, text: "Window closed" };
}

/** "Ben Okafor · online, seen now · 3/10": who can take it, whether they are at a console, how loaded they are. */
function teamLabel(m: TeamMember): string {
  const seen = m.operator.availability === "online" && m.last_seen_at ? `, seen ${relativeTime(m.last_seen_at)}` : "";
  return `${m.operator.name} · ${m.operator.availability}${seen} · ${m.open_threads}/${m.cap}`;
}

function AssignControl({ thread, onResult }: { thread: ThreadView; onResult: (o: CommandOut) => void }) {
  const [team, setTeam] = useState<TeamMember[] | null>(null);
  const [target, setTarget] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let alive = true;
    api.team(thread.tenant).then(
      (list) => alive && setTeam(list.filter((m) => m.operator.active)),
      () => alive && setTeam([]),
    );
    return () => {
      alive = false;
    };
  }, [thread.tenant]);
  async function assign() {
    if (!target) return;
    setBusy(true);
    try {
      onResult(await api.assign(thread.thread_key, target));
    } catch (err) {
      toast(errorText(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <span class="assign">
      <label for="assign-to" class="sr-only">
        Assign to
      </label>
      <select id="assign-to" value={target} onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Assign to…</option>
        {(team ?? []).map((m) => (
          <option key={m.operator.id} value={m.operator.id} disabled={m.operator.id === thread.assignee?.id}>
            {teamLabel(m)}
          </option>
        ))}
      </select>
      <button type="button" class="button-ghost" disabled={!target || busy} onClick={() => void assign()}>
        Assign
      </button>
    </span>
  );
}

export function ThreadPane({ threadKey }: { threadKey: string }) {
  const [thread, setThread] = useState<ThreadView | null>(null);
  const [messages, setMessages] = useState<MessageView[]>([]);
  // How many messages the thread has, and how many pages back from the newest are loaded.
  const [history, setHistory] = useState({ total: 0, pages: 0, loading: false });
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState<Action | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [noting, setNoting] = useState(false); // the writing box: a reply to the customer, or a private note
  const [dragging, setDragging] = useState(false);
  const [showContact, setShowContact] = useState(false);
  const who = useStore(me);
  const view = useStore(inbox).view;
  const rules = useAttachmentRules();
  const logRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const now = useNow(30000);
  const threadRef = useRef<ThreadView | null>(null);
  threadRef.current = thread;

  async function load(initial: boolean) {
    if (initial) setLoading(true);
    try {
      const [t, page] = await Promise.all([api.thread(threadKey), api.messages(threadKey)]);
      // A live update may have come while these were read: the newer thread wins, and on opening, the messages
      // it brought are kept (on a resync the page read is the truth).
      setThread((cur) => (cur && cur.version > t.version ? cur : t));
      const read = [...page.items].sort(byTime);
      setMessages((live) => (initial ? mergeMessages(read, live) : read));
      setHistory({ total: page.total, pages: 1, loading: false });
      setError("");
      markSeen(threadKey);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? "This conversation does not exist or is not in your business units." : errorText(err));
    } finally {
      setLoading(false);
    }
  }

  async function loadEarlier() {
    const el = logRef.current;
    const fromBottom = el ? el.scrollHeight - el.scrollTop : 0;
    setHistory((h) => ({ ...h, loading: true }));
    try {
      const page = await api.messages(threadKey, history.pages + 1);
      stick.current = false;
      setMessages((list) => mergeMessages(list, page.items));
      setHistory((h) => ({ total: page.total, pages: h.pages + 1, loading: false }));
      // Keep what the operator was reading where it was: the earlier messages appear above it.
      requestAnimationFrame(() => {
        if (el) el.scrollTop = el.scrollHeight - fromBottom;
      });
    } catch (err) {
      setHistory((h) => ({ ...h, loading: false }));
      toast(errorText(err), "error");
    }
  }

  useEffect(() => {
    setThread(null);
    setMessages([]);
    setHistory({ total: 0, pages: 0, loading: false });
    setFiles([]);
    stick.current = true;
    void load(true);
    const offLive = onLive((ev) => {
      if (ev.type !== "thread.updated" || ev.thread_key !== threadKey) return;
      const cur = threadRef.current;
      if (ev.thread && (!cur || ev.thread.version >= cur.version)) setThread(ev.thread);
      if (ev.messages.length) {
        setMessages((list) => mergeMessages(list, ev.messages));
        if (document.visibilityState === "visible") markSeen(threadKey);
      }
    });
    const offResync = onResync(() => void load(false));
    return () => {
      offLive();
      offResync();
    };
  }, [threadKey]);

  // Keep the newest message in view unless the operator scrolled up to read.
  useEffect(() => {
    const el = logRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages, loading]);

  function onResult(out: CommandOut) {
    if (out.thread) {
      setThread((cur) => (!cur || (out.thread && out.thread.version >= cur.version) ? out.thread : cur));
      upsertLocal(out.thread);
    }
    if (out.outcome === "pending") return;
    // The live stream carries the new messages; if it is down, fetch them.
    void api.messages(threadKey).then((p) => setMessages((list) => mergeMessages(list, p.items)), () => {});
  }

  async function act(action: Action) {
    setBusy(action);
    try {
      const out = await api.action(threadKey, action);
      onResult(out);
      if (out.outcome === "pending") toast(`${ACTION_LABEL[action]}: sent, waiting for confirmation…`);
      else if (out.outcome === "unchanged") toast(out.reason ?? "Nothing to change");
      else toast(`${ACTION_LABEL[action]}: done`, "success");
    } catch (err) {
      if (err instanceof ApiError && err.body && typeof err.body === "object" && "thread" in err.body) {
        const t = (err.body as { thread: ThreadView | null }).thread;
        if (t) setThread(t);
      }
      toast(errorText(err), "error");
    } finally {
      setBusy(null);
    }
  }

  const customerName = thread ? thread.contact.name || thread.contact.id : "";
  const grouped = useMemo(() => {
    const out: { day: string; label: string; items: MessageView[] }[] = [];
    for (const m of messages) {
      const day = dayKey(m.at);
      const last = out[out.length - 1];
      if (last && last.day === day) last.items.push(m);
      else out.push({ day, label: dayLabel(m.at), items: [m] });
    }
    return out;
  }, [messages]);

  if (loading && !thread) {
    return (
      <section class="thread-pane" aria-label="Conversation">
        <Loading label="Loading conversation…" />
      </section>
    );
  }
  if (!thread) {
    return (
      <section class="thread-pane" aria-label="Conversation">
        <div class="thread-head">
          <Link href={`/inbox/${view}`} class="back-link">
            <Icon.back /> <span>Back to inbox</span>
          </Link>
        </div>
        <ErrorBox>{error || "Not found"}</ErrorBox>
      </section>
    );
  }

  const win = windowState(thread, now);
  const actions = actionsFor(thread, who?.id ?? null);
  const canAssign = hasRole(who, "manager") && thread.status !== "resolved" && thread.status !== "bot";
  const withPeople = thread.status === "needs_human" || thread.status === "human";

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const dropped = [...(e.dataTransfer?.files ?? [])];
    if (!dropped.length) return;
    if (thread?.status === "resolved") {
      toast("Reopen the conversation to reply.", "error");
      return;
    }
    if (win && !win.open) {
      toast("The 24-hour window is closed: only a template can be sent.", "error");
      return;
    }
    setFiles(addFiles(files, dropped, rules));
    setNoting(false); // files go with a reply: show it
  }

  return (
    <section
      class={`thread-pane${dragging ? " dragging" : ""}`}
      aria-label={`Conversation with ${customerName}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes("Files")) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div class="thread-main">
        <div class="thread-head">
          <Link href={`/inbox/${view}`} class="back-link" aria-label="Back to inbox">
            <Icon.back />
          </Link>
          <div class="thread-title">
            <h2>
              <UnitBadge tenant={thread.tenant} size={22} />{" "}
              <Link href={contactHref(thread.channel, thread.contact.id)} class="contact-link">
                {customerName}
              </Link>
            </h2>
            <p class="thread-sub">
              <ChannelIcon channel={thread.channel} /> {CHANNEL_LABEL[thread.channel] ?? thread.channel} · {unitName(thread.tenant)}
              {thread.assignee ? <> · Assigned to {thread.assignee.name || thread.assignee.id}</> : withPeople ? <> · Unassigned</> : null}
            </p>
          </div>
          <div class="thread-state">
            <StatusChip status={thread.status} testid="thread-status" />
            {win ? (
              <span class={`window ${win.open ? "window-open" : "window-closed"}`} title={thread.reply_window_closes_at ?? ""}>
                {win.text}
              </span>
            ) : null}
          </div>
          <div class="thread-actions" role="group" aria-label="Actions">
            {actions.map((a) => (
              <button key={a} type="button" class={a === "resolve" ? "button-ghost" : "button-secondary"} disabled={busy !== null} onClick={() => void act(a)}>
                {busy === a ? `${ACTION_LABEL[a]}…` : ACTION_LABEL[a]}
              </button>
            ))}
            {canAssign ? <AssignControl thread={thread} onResult={onResult} /> : null}
            <button
              type="button"
              class="button-ghost contact-toggle"
              aria-expanded={showContact}
              aria-controls="contact-panel"
              onClick={() => setShowContact(!showContact)}
            >
              Contact details
            </button>
          </div>
        </div>
        {withPeople && thread.handoff_reason ? (
          <div class="banner banner-handoff" role="note">
            <strong>Handed to a person:</strong> {handoffText(thread.handoff_reason)}.
          </div>
        ) : null}
        <ErrorBox>{error}</ErrorBox>
        <div
          class="message-log"
          role="log"
          aria-label="Messages"
          aria-live="polite"
          tabIndex={0}
          ref={logRef}
          onScroll={(e) => {
            const el = e.currentTarget as HTMLDivElement;
            stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
          }}
        >
          {history.pages > 0 && history.pages * MESSAGES_PAGE < history.total ? (
            <div class="earlier">
              <button type="button" class="btn" disabled={history.loading} onClick={() => void loadEarlier()}>
                {history.loading ? "Loading…" : "Earlier messages"}
              </button>
            </div>
          ) : null}
          {grouped.length === 0 ? <p class="empty">No messages yet.</p> : null}
          {grouped.map((g) => (
            <div key={g.day} class="day-group">
              <div class="day-sep" role="separator">
                <span>{g.label}</span>
              </div>
              {g.items.map((m) => (
                <Message key={m.id} m={m} customerName={customerName} />
              ))}
            </div>
          ))}
        </div>
        <div class="composer-tabs" role="group" aria-label="Write">
          <button type="button" class="tab" aria-pressed={!noting} onClick={() => setNoting(false)}>
            Reply
          </button>
          <button type="button" class="tab" aria-pressed={noting} onClick={() => setNoting(true)}>
            Private note
          </button>
        </div>
        {noting ? (
          <NoteComposer key={thread.thread_key} thread={thread} onResult={onResult} />
        ) : thread.status === "resolved" ? (
          <p class="composer-closed">This conversation is resolved. Reopen it to reply; the customer's next message reopens it too.</p>
        ) : win && !win.open && thread.channel === "whatsapp" ? (
          <TemplatePicker thread={thread} onResult={onResult} />
        ) : win && !win.open ? (
          <p class="composer-closed">The reply window is closed: nothing can be sent until the customer writes again.</p>
        ) : (
          <Composer thread={thread} files={files} setFiles={setFiles} rules={rules} onResult={onResult} />
        )}
        {dragging ? (
          <div class="drop-hint" aria-hidden="true">
            Drop files to attach them to your reply
          </div>
        ) : null}
      </div>
      <ContactPanel thread={thread} messages={messages} open={showContact} onClose={() => setShowContact(false)} />
    </section>
  );
}
