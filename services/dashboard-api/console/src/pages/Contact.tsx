// A contact's page: their conversations, mood, topics, languages, and a click-to-chat link to share.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader, Sparkline, StatusChip, UnitBadge } from "../components/common";
import { newestFirst } from "../components/ContactPanel";
import { ChannelIcon } from "../components/icons";
import { Link } from "../components/Link";
import { CHANNEL_LABEL, dateTime, num, relativeTime } from "../format";
import { errorText, toast } from "../session";
import type { ContactProfile } from "../types";

export function ContactPage({ channel, contactId }: { channel: string; contactId: string }) {
  const [data, setData] = useState<ContactProfile | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    let alive = true;
    setData(null);
    setError("");
    api.contact(channel, contactId).then(
      (d) => alive && setData(d),
      (err: unknown) => alive && setError(errorText(err)),
    );
    return () => {
      alive = false;
    };
  }, [channel, contactId]);

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      toast("Link copied", "success");
    } catch {
      toast("Could not copy: select the link and copy it by hand", "error");
    }
  }

  const name = data?.name || contactId;
  return (
    <div class="page contact-page">
      <PageHeader title={name}>
        <span class="muted">
          <ChannelIcon channel={channel} /> {CHANNEL_LABEL[channel] ?? channel} · {contactId}
        </span>
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <section class="kpis" aria-label="Summary">
            <div class="kpi">
              <span class="kpi-label">Conversations</span>
              <span class="kpi-value">{num(data.threads.length)}</span>
            </div>
            <div class="kpi">
              <span class="kpi-label">Messages from the contact</span>
              <span class="kpi-value">{num(data.messages_in)}</span>
            </div>
            <div class="kpi">
              <span class="kpi-label">Average sentiment</span>
              <span class="kpi-value">{data.average_sentiment === null ? "–" : data.average_sentiment.toFixed(2)}</span>
              <Sparkline
                width={160}
                values={data.sentiment_trend.map((p) => p.score)}
                label={`Sentiment trend over ${data.sentiment_trend.length} messages`}
              />
            </div>
            <div class="kpi">
              <span class="kpi-label">First / last seen</span>
              <span class="kpi-hint">{dateTime(data.first_seen) || "–"}</span>
              <span class="kpi-hint">{dateTime(data.last_seen) || "–"}</span>
            </div>
          </section>
          <div class="chart-grid">
            <section class="card" aria-labelledby="topics-title">
              <h2 id="topics-title">Topics</h2>
              {data.topics.length ? (
                <p>
                  {data.topics.map((t) => (
                    <span class="chip" key={t.key}>
                      {t.key} · {t.count}
                    </span>
                  ))}
                </p>
              ) : (
                <p class="muted">None yet.</p>
              )}
              <h2>Languages</h2>
              {data.languages.length ? (
                <p>
                  {data.languages.map((t) => (
                    <span class="chip" key={t.key}>
                      {t.key} · {t.count}
                    </span>
                  ))}
                </p>
              ) : (
                <p class="muted">None yet.</p>
              )}
            </section>
            <section class="card" aria-labelledby="ctc-title">
              <h2 id="ctc-title">Click to chat</h2>
              {data.click_to_chat ? (
                <>
                  <p>
                    <a href={data.click_to_chat.url} target="_blank" rel="noopener noreferrer" class="break">
                      {data.click_to_chat.url}
                    </a>
                  </p>
                  {data.click_to_chat.referral ? <p class="muted">Referral: {data.click_to_chat.referral}</p> : null}
                  <button type="button" class="button-secondary" onClick={() => void copy(data.click_to_chat!.url)}>
                    Copy link
                  </button>
                </>
              ) : (
                <p class="muted">Not available for this channel.</p>
              )}
            </section>
          </div>
          <section class="card" aria-labelledby="interactions-title">
            <h2 id="interactions-title">Interactions</h2>
            {data.threads.length ? (
              <ul class="interactions">
                {newestFirst(data.threads).map((t) => (
                  <li key={t.thread_key}>
                    <Link href={`/threads/${encodeURIComponent(t.thread_key)}`}>
                      <UnitBadge tenant={t.tenant} size={18} />
                      <span class="grow">{t.last_message?.text || "(no text)"}</span>
                      <StatusChip status={t.status} />
                      <span class="muted">{num(t.message_count)} messages</span>
                      <time dateTime={t.updated_at}>{relativeTime(t.last_message?.at ?? t.updated_at)}</time>
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No conversations.</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
