// Hand-written SVG charts. Every chart has a text alternative (role="img" + aria-label summarising it) and
// a "Show table" toggle with the exact numbers.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { CHANNEL_LABEL, num } from "../format";

const PALETTE = ["#2563eb", "#16a34a", "#c2410c", "#7c3aed", "#0e7490", "#be123c", "#4d7c0f", "#a16207"];
const CHANNEL_COLOR: Record<string, string> = {
  whatsapp: "#15803d",
  messenger: "#1d4ed8",
  instagram: "#be185d",
  telegram: "#0e7490",
  email: "#475569",
  mercadolibre: "#a16207",
};

export function colorFor(key: string, i: number): string {
  return CHANNEL_COLOR[key] ?? PALETTE[i % PALETTE.length] ?? "#2563eb";
}

export function ChartCard({ title, summary, table, children }: { title: string; summary: string; table: ComponentChildren; children: ComponentChildren }) {
  const [showTable, setShowTable] = useState(false);
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section class="card chart-card" aria-labelledby={id}>
      <div class="card-head">
        <h2 id={id}>{title}</h2>
        <button type="button" class="link-button" aria-pressed={showTable} onClick={() => setShowTable(!showTable)}>
          {showTable ? "Show chart" : "Show table"}
        </button>
      </div>
      {showTable ? table : <div role="img" aria-label={summary}>{children}</div>}
    </section>
  );
}

export interface DaySeries {
  day: string;
  parts: { key: string; value: number }[];
}

/** Bars per day, stacked by series key (channel). */
export function StackedBars({ days, keys, height = 180 }: { days: DaySeries[]; keys: string[]; height?: number }) {
  const max = Math.max(1, ...days.map((d) => d.parts.reduce((a, p) => a + p.value, 0)));
  const width = Math.max(480, days.length * 24);
  const bw = (width - 30) / Math.max(1, days.length);
  const plotH = height - 24;
  return (
    <div class="chart-scroll">
      <svg class="chart" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        <line x1="28" x2={width} y1={plotH} y2={plotH} class="axis" />
        <text x="0" y="10" class="axis-label">{num(max)}</text>
        <text x="0" y={plotH} class="axis-label">0</text>
        {days.map((d, i) => {
          let y = plotH;
          const x = 30 + i * bw;
          return (
            <g key={d.day}>
              {d.parts.map((p) => {
                const h = (p.value / max) * (plotH - 4);
                y -= h;
                return <rect key={p.key} x={x + 1} y={y} width={Math.max(1, bw - 3)} height={h} fill={colorFor(p.key, keys.indexOf(p.key))} />;
              })}
              {days.length <= 14 || i % Math.ceil(days.length / 10) === 0 ? (
                <text x={x + bw / 2} y={height - 6} class="axis-label" text-anchor="middle">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Legend keys={keys} />
    </div>
  );
}

export function Legend({ keys }: { keys: string[] }) {
  return (
    <ul class="legend" aria-hidden="true">
      {keys.map((k, i) => (
        <li key={k}>
          <span class="swatch" style={{ background: colorFor(k, i) }} />
          {CHANNEL_LABEL[k] ?? k}
        </li>
      ))}
    </ul>
  );
}

/** Horizontal bars for a mix (languages, sentiment, categories, reasons). */
export function HBars({ items }: { items: { key: string; label?: string; count: number }[] }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  const total = items.reduce((a, i) => a + i.count, 0) || 1;
  if (!items.length) return <p class="muted">No data for this period.</p>;
  return (
    <ul class="hbars">
      {items.map((it, i) => (
        <li key={it.key}>
          <span class="hbar-label">{it.label ?? it.key}</span>
          <svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width={(it.count / max) * 100} height="10" fill={PALETTE[i % PALETTE.length]} />
          </svg>
          <span class="hbar-value">
            {num(it.count)} <span class="muted">({Math.round((it.count / total) * 100)} %)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MixTable({ items, keyHeader }: { items: { key: string; label?: string; count: number }[]; keyHeader: string }) {
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => (
          <tr key={it.key}>
            <td>{it.label ?? it.key}</td>
            <td>{num(it.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
