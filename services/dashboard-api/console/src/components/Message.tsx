// One message in the conversation: who wrote it, its content by type (text, media, location, contacts,
// reactions, interactive replies), time and delivery ticks; for the customer's, the analysis at a glance.
import { dateTime, humanize, timeOf } from "../format";
import type { Analysis, MessageView } from "../types";
import { Icon, Ticks } from "./icons";
import { MediaItem } from "./Media";

function str(v: unknown): string | null {
  return typeof v === "string" && v ? v : typeof v === "number" ? String(v) : null;
}

function Location({ m }: { m: MessageView }) {
  const d = m.data;
  const lat = Number(d.latitude);
  const lon = Number(d.longitude);
  const name = str(d.name);
  const address = str(d.address);
  const ok = Number.isFinite(lat) && Number.isFinite(lon);
  return (
    <div class="location">
      <Icon.pin />
      <div>
        {name ? <strong>{name}</strong> : null}
        {address ? <div>{address}</div> : null}
        {ok ? (
          <div>
            <span class="muted">
              {lat.toFixed(5)}, {lon.toFixed(5)}
            </span>{" "}
            <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`} target="_blank" rel="noopener noreferrer">
              Open in OpenStreetMap
            </a>
          </div>
        ) : (
          !name && !address && <div>{m.text}</div>
        )}
      </div>
    </div>
  );
}

function Contacts({ m }: { m: MessageView }) {
  const cards = Array.isArray(m.data.contacts) ? (m.data.contacts as Record<string, unknown>[]) : [];
  if (!cards.length) return <p class="msg-text">{m.text || "[contact card]"}</p>;
  return (
    <ul class="contact-cards">
      {cards.map((c, i) => {
        const name = c.name as Record<string, unknown> | undefined;
        const phones = Array.isArray(c.phones) ? (c.phones as Record<string, unknown>[]) : [];
        return (
          <li key={i}>
            <Icon.person /> <strong>{str(name?.formatted_name) ?? str(name?.first_name) ?? "Contact"}</strong>
            {phones.map((p, j) => (
              <span key={j} class="muted">
                {" "}
                {str(p.phone) ?? str(p.wa_id)}
              </span>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

/** Emoji the customer put on this message (latest per person; an empty one was taken back). */
function Reactions({ m }: { m: MessageView }) {
  const list = Array.isArray(m.data.reactions) ? (m.data.reactions as Record<string, unknown>[]) : [];
  const shown = list.map((r) => str(r.emoji)).filter((e): e is string => !!e);
  if (!shown.length) return null;
  return (
    <p class="msg-reactions" aria-label={`Reactions: ${shown.join(" ")}`}>
      {shown.map((e, i) => (
        <span key={i} class="chip">
          {e}
        </span>
      ))}
    </p>
  );
}

function Content({ m }: { m: MessageView }) {
  if (str(m.data.deleted_at)) return <p class="msg-text muted">This message was deleted by the customer</p>;
  return (
    <>
      <Body m={m} />
      {str(m.data.edited_at) ? <span class="muted"> (edited)</span> : null}
      <Reactions m={m} />
    </>
  );
}

function Body({ m }: { m: MessageView }) {
  const caption = m.text && !(m.media.length && m.text === m.media[0]?.filename) ? m.text : "";
  switch (m.type) {
    case "location":
      return <Location m={m} />;
    case "contacts":
      return <Contacts m={m} />;
    case "reaction":
      return <p class="msg-text">{m.text ? <>Reacted {m.text}</> : <span class="muted">Removed a reaction</span>}</p>;
    case "edit":
      return (
        <p class="msg-text">
          <span class="muted">Edited a message: </span>
          {m.text}
        </p>
      );
    case "delete":
      return <p class="msg-text muted">Deleted a message</p>;
    case "system":
      return <p class="msg-text muted">{m.text || "[notice from the channel]"}</p>;
    case "button_reply":
    case "interactive":
      return (
        <p class="msg-text">
          <span class="muted">Chose: </span>
          {m.text || str((m.data.interactive as Record<string, unknown> | undefined)?.type) || "[interactive reply]"}
        </p>
      );
    default:
      break;
  }
  return (
    <>
      {m.media.map((media, i) => (
        <div class="msg-media" key={media.media_id ?? media.provider_media_id ?? i}>
          <MediaItem media={media} caption={caption} />
        </div>
      ))}
      {caption ? <p class="msg-text">{caption}</p> : !m.media.length ? <p class="msg-text muted">[{m.type}]</p> : null}
      {m.quick_replies.length ? (
        <p class="quick-replies">
          {m.quick_replies.map((q) => (
            <span key={q.id} class="chip">
              {q.title}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

function sentimentClass(label: string): string {
  return label === "negative" ? "neg" : label === "positive" ? "pos" : "neu";
}

/** The analysis at a glance (chips) and, expanded, everything the nlp service said. */
export function AnalysisLine({ a }: { a: Analysis }) {
  const kb = a.kb_matches[0];
  return (
    <details class="analysis">
      <summary>
        <span class="sr-only">Analysis: </span>
        <span class="chip" title="Language">{a.language}</span>
        <span class="chip" title="Intent">{humanize(a.intent)}</span>
        <span class={`chip sent-${sentimentClass(a.sentiment.label)}`} title="Sentiment">
          {a.sentiment.label} {a.sentiment.score.toFixed(2)}
        </span>
        {a.reply ? (
          <span class="chip" title="Confidence of the suggested answer">
            conf. {a.reply.confidence.toFixed(2)}
          </span>
        ) : null}
        <span class="chip" title="Category">{a.category}</span>
        {a.wants_human ? <span class="chip chip-warn">wants a person</span> : null}
        {kb ? (
          <span class="chip chip-kb" title="Best knowledge-base match">
            KB: {kb.section ?? kb.document_id} ({kb.score.toFixed(2)})
          </span>
        ) : null}
      </summary>
      <dl class="analysis-detail">
        <dt>Language</dt>
        <dd>
          {a.language} ({(a.language_confidence * 100).toFixed(0)} %)
        </dd>
        <dt>Intent / category / priority</dt>
        <dd>
          {a.intent} / {a.category} / {a.priority}
        </dd>
        <dt>Sentiment</dt>
        <dd>
          {a.sentiment.label} ({a.sentiment.score.toFixed(2)})
        </dd>
        {a.topics.length ? (
          <>
            <dt>Topics</dt>
            <dd>{a.topics.join(", ")}</dd>
          </>
        ) : null}
        {a.keywords.length ? (
          <>
            <dt>Keywords</dt>
            <dd>{a.keywords.join(", ")}</dd>
          </>
        ) : null}
        {a.entities.length ? (
          <>
            <dt>Entities</dt>
            <dd>{a.entities.map((e) => `${e.type}: ${e.value}`).join("; ")}</dd>
          </>
        ) : null}
        {a.kb_matches.length ? (
          <>
            <dt>Knowledge base</dt>
            <dd>
              <ol class="kb-list">
                {a.kb_matches.slice(0, 3).map((k) => (
                  <li key={k.chunk_id}>
                    <strong>{k.section ?? k.document_id}</strong> · {k.score.toFixed(2)}
                    {k.text ? <div class="snippet">{k.text.slice(0, 240)}</div> : null}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        {a.reply ? (
          <>
            <dt>Suggested reply ({a.reply.source}, {a.reply.confidence.toFixed(2)})</dt>
            <dd class="snippet">{a.reply.text}</dd>
          </>
        ) : null}
        <dt>Engine</dt>
        <dd>
          {a.engine}
          {a.model ? ` · ${a.model}` : ""} · {a.processing_ms.toFixed(0)} ms
        </dd>
      </dl>
    </details>
  );
}

export function Message({ m, customerName }: { m: MessageView; customerName: string }) {
  if (m.direction === "internal" && m.type === "note") {
    return (
      <div class="msg msg-out msg-private" data-testid="message" data-author={m.author}>
        <div class="bubble">
          <div class="msg-author">{m.author_name || "Operator"} · private note</div>
          <p class="msg-text">{m.text}</p>
          <div class="msg-foot">
            <time dateTime={m.at} title={dateTime(m.at)}>
              {timeOf(m.at)}
            </time>
          </div>
        </div>
      </div>
    );
  }
  if (m.direction === "internal" || m.author === "system") {
    return (
      <div class="msg msg-note" data-testid="message" data-author={m.author}>
        <span>{m.text || humanize(m.type)}</span>
        <time dateTime={m.at} title={dateTime(m.at)}>
          {timeOf(m.at)}
        </time>
      </div>
    );
  }
  const author =
    m.author === "customer" ? customerName : m.author === "bot" ? "Bot" : m.author_name || "Operator";
  const failed = m.status === "failed";
  return (
    <div class={`msg msg-${m.author} ${m.direction === "in" ? "msg-in" : "msg-out"}`} data-testid="message" data-author={m.author}>
      <div class={`bubble${failed ? " bubble-failed" : ""}`}>
        <div class="msg-author">{author}</div>
        <Content m={m} />
        <div class="msg-foot">
          <time dateTime={m.at} title={dateTime(m.at)}>
            {timeOf(m.at)}
          </time>
          {m.direction === "out" ? <Ticks status={m.status} /> : null}
        </div>
        {failed ? (
          <p class="msg-error" role="note">
            Not delivered{m.error ? `: ${m.error}` : ""}
          </p>
        ) : null}
      </div>
      {m.author === "customer" && m.analysis ? <AnalysisLine a={m.analysis} /> : null}
    </div>
  );
}
