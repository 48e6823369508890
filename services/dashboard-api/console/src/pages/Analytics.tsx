// Analytics for the caller's business units: KPI tiles, conversations per day by channel, the mixes
// (languages, sentiment, categories, handoff reasons), response and resolution times, and operators.
// The KPI tiles' `data-testid` values hold the raw numbers formatted simply (browser tests compare them).
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ChartCard, HBars, MixTable, StackedBars, type DaySeries } from "../components/charts";
import { ErrorBox, Loading, PageHeader, UnitSelect } from "../components/common";
import { CHANNEL_LABEL, duration, num, percent } from "../format";
import { errorText } from "../session";
import type { Analytics } from "../types";

function Kpi({ id, label, value, raw, hint }: { id: string; label: string; value: string; raw: string; hint?: string }) {
  return (
    <div class="kpi">
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{value}</span>
      {/* The raw number as the API gave it, for tests and scrapers; people read the formatted value. */}
      <span class="sr-only" aria-hidden="true" data-testid={id}>
        {raw}
      </span>
      {hint ? <span class="kpi-hint">{hint}</span> : null}
    </div>
  );
}

/** The API's number as JSON wrote it (so tests can compare exactly); null (no data) → "". */
function rawNum(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : String(n);
}

export function AnalyticsPage() {
  const [tenant, setTenant] = useState("");
  const [days, setDays] = useState(30);
  const [data, setData] = useState<Analytics | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError("");
    api.analytics(tenant || null, days).then(
      (d) => {
        if (!alive) return;
        setData(d);
        setLoading(false);
      },
      (err: unknown) => {
        if (!alive) return;
        setError(errorText(err));
        setLoading(false);
      },
    );
    return () => {
      alive = false;
    };
  }, [tenant, days]);

  const channels = data ? [...new Set(data.per_day.map((d) => d.channel))].sort() : [];
  const perDay: DaySeries[] = [];
  if (data) {
    const byDay = new Map<string, Map<string, number>>();
    for (const row of data.per_day) {
      const m = byDay.get(row.day) ?? new Map<string, number>();
      m.set(row.channel, (m.get(row.channel) ?? 0) + row.conversations);
      byDay.set(row.day, m);
    }
    for (const day of [...byDay.keys()].sort()) {
      const m = byDay.get(day)!;
      perDay.push({ day, parts: channels.map((c) => ({ key: c, value: m.get(c) ?? 0 })) });
    }
  }

  return (
    <div class="page analytics">
      <PageHeader title="Analytics">
        <UnitSelect id="an-unit" value={tenant} allowAll onChange={setTenant} />
        <span class="field-inline">
          <label for="an-days">Period</label>
          <select id="an-days" value={String(days)} onChange={(e) => setDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            <option value="1">Today</option>
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </select>
        </span>
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div aria-busy={loading}>
          <p class="muted" id="an-zone">
            {data.time_zone ? `Days from midnight, ${data.time_zone} time.` : "Days from midnight, each unit in its own time zone."}
          </p>
          <section class="kpis" aria-label="Totals">
            <Kpi id="kpi-conversations" label="Conversations" value={num(data.totals.conversations)} raw={String(data.totals.conversations)} />
            <Kpi id="kpi-messages-in" label="Customer messages" value={num(data.totals.messages_in)} raw={String(data.totals.messages_in)} hint={`${num(data.totals.messages_out)} sent`} />
            <Kpi id="kpi-handoff-rate" label="Handoff rate" value={percent(data.totals.handoff_rate)} raw={rawNum(data.totals.handoff_rate)} hint={`${num(data.totals.handoffs)} handoffs`} />
            <Kpi id="kpi-bot-answer-rate" label="Bot answer rate" value={percent(data.totals.bot_answer_rate)} raw={rawNum(data.totals.bot_answer_rate)} hint={`${num(data.totals.resolved)} resolved`} />
            <Kpi
              id="kpi-first-response-p50"
              label="First response (p50)"
              value={duration(data.first_response_seconds.p50)}
              raw={rawNum(data.first_response_seconds.p50)}
              hint={`p90 ${duration(data.first_response_seconds.p90)} · ${num(data.first_response_seconds.count)} replies`}
            />
            <Kpi
              id="kpi-resolution-p50"
              label="Resolution (p50)"
              value={duration(data.resolution_seconds.p50)}
              raw={rawNum(data.resolution_seconds.p50)}
              hint={`p90 ${duration(data.resolution_seconds.p90)} · ${num(data.resolution_seconds.count)} resolved`}
            />
          </section>
          <ChartCard
            title="Conversations per day"
            summary={`Conversations per day by channel, ${perDay.length} days, ${num(data.totals.conversations)} in total.`}
            table={
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    {channels.map((c) => (
                      <th scope="col" key={c}>
                        {CHANNEL_LABEL[c] ?? c}
                      </th>
                    ))}
                    <th scope="col">Messages</th>
                  </tr>
                </thead>
                <tbody>
                  {perDay.map((d) => (
                    <tr key={d.day}>
                      <th scope="row">{d.day}</th>
                      {d.parts.map((p) => (
                        <td key={p.key}>{num(p.value)}</td>
                      ))}
                      <td>{num(data.per_day.filter((r) => r.day === d.day).reduce((a, r) => a + r.messages, 0))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            {perDay.length ? <StackedBars days={perDay} keys={channels} /> : <p class="muted">No conversations in this period.</p>}
          </ChartCard>
          <div class="chart-grid">
            {(
              [
                ["Languages", "Language", data.languages],
                ["Sentiment", "Sentiment", data.sentiment],
                ["Categories", "Category", data.categories],
                ["Handoff reasons", "Reason", data.handoff_reasons],
              ] as const
            ).map(([title, header, items]) => (
              <ChartCard
                key={title}
                title={title}
                summary={`${title}: ${items.map((i) => `${"label" in i ? i.label : i.key} ${i.count}`).join(", ") || "no data"}.`}
                table={<MixTable items={[...items]} keyHeader={header} />}
              >
                <HBars items={[...items]} />
              </ChartCard>
            ))}
          </div>
          <section class="card" aria-labelledby="ops-title">
            <h2 id="ops-title">Operators</h2>
            {data.operators.length ? (
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">Operator</th>
                    <th scope="col">Open conversations</th>
                    <th scope="col">Replies</th>
                    <th scope="col">Resolved</th>
                  </tr>
                </thead>
                <tbody>
                  {data.operators.map((o) => (
                    <tr key={o.operator_id}>
                      <th scope="row">{o.name}</th>
                      <td>{num(o.open_threads)}</td>
                      <td>{num(o.replies)}</td>
                      <td>{num(o.resolved)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="muted">No operator activity in this period.</p>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
