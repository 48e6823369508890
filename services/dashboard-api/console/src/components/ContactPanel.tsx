// The side panel of a conversation: who the customer is, their mood over this conversation, and their
// other conversations. A drawer on narrow screens (toggled by "Contact details").
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { CHANNEL_LABEL, relativeTime } from "../format";
import type { MessageView, ThreadView } from "../types";
import { Sparkline, StatusChip } from "./common";
import { ChannelIcon, Icon } from "./icons";
import { Link } from "./Link";

/** Most recent activity first (the contact route lists threads oldest first). */
export function newestFirst(threads: ThreadView[]): ThreadView[] {
  const at = (t: ThreadView) => Date.parse(t.last_message?.at ?? t.updated_at) || 0;
  return [...threads].sort((a, b) => at(b) - at(a));
}

export function contactHref(channel: string, contactId: string): string {
  return `/contacts/${encodeURIComponent(channel)}/${encodeURIComponent(contactId)}`;
}

function usePastThreads(thread: ThreadView): ThreadView[] | null {
  const [list, setList] = useState<ThreadView[] | null>(null);
  useEffect(() => {
    let alive = true;
    setList(null);
    // The contact route lists every conversation of the contact; the thread search (name or number) is the
    // fallback while it is not deployed.
    api
      .contact(thread.channel, thread.contact.id)
      .then((c) => c.threads)
      .catch(() =>
        api.threads("all", { channel: thread.channel, q: thread.contact.id }, 1).then((p) => p.items.filter((t) => t.contact.id === thread.contact.id)),
      )
      .then(
        (items) => alive && setList(newestFirst(items.filter((t) => t.thread_key !== thread.thread_key))),
        () => alive && setList([]),
      );
    return () => {
      alive = false;
    };
  }, [thread.thread_key]);
  return list;
}

export function ContactPanel({ thread, messages, open, onClose }: { thread: ThreadView; messages: MessageView[]; open: boolean; onClose: () => void }) {
  const past = usePastThreads(thread);
  const scores = messages.filter((m) => m.author === "customer" && m.analysis).map((m) => m.analysis!.sentiment.score);
  const avg = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const name = thread.contact.name || thread.contact.id;
  return (
    <aside id="contact-panel" class={`contact-panel${open ? " open" : ""}`} aria-label="Contact">
      <div class="panel-head">
        <h2>{name}</h2>
        <button type="button" class="icon-button panel-close" aria-label="Close contact details" onClick={onClose}>
          <Icon.close />
        </button>
      </div>
      <dl class="facts">
        <dt>Number / handle</dt>
        <dd>{thread.contact.id}</dd>
        <dt>Channel</dt>
        <dd>
          <ChannelIcon channel={thread.channel} /> {CHANNEL_LABEL[thread.channel] ?? thread.channel}
        </dd>
        <dt>Language</dt>
        <dd>{thread.language ?? "–"}</dd>
        <dt>Sentiment</dt>
        <dd>
          <Sparkline
            values={scores}
            label={scores.length ? `Sentiment over ${scores.length} customer messages, from ${scores[0]!.toFixed(2)} to ${scores[scores.length - 1]!.toFixed(2)}` : "No sentiment yet"}
          />
          {avg !== null ? <span class="muted"> avg {avg.toFixed(2)}</span> : null}
        </dd>
        {thread.labels.length ? (
          <>
            <dt>Labels</dt>
            <dd>{thread.labels.map((l) => <span class="chip" key={l}>{l}</span>)}</dd>
          </>
        ) : null}
      </dl>
      <h3>Other conversations</h3>
      {past === null ? (
        <p class="muted">Loading…</p>
      ) : past.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="past-threads">
          {past.slice(0, 10).map((t) => (
            <li key={t.thread_key}>
              <Link href={`/threads/${encodeURIComponent(t.thread_key)}`}>
                <span>{t.last_message?.text?.slice(0, 60) || "(no text)"}</span>
                <span class="past-meta">
                  <StatusChip status={t.status} /> <time dateTime={t.updated_at}>{relativeTime(t.last_message?.at ?? t.updated_at)}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={contactHref(thread.channel, thread.contact.id)}>Open the contact page</Link>
      </p>
    </aside>
  );
}
