// Small shared pieces: status chip, business-unit badge, sparkline, business-unit selector, errors, a settings
// form's save.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { initials, STATUS_LABEL } from "../format";
import { errorText, units } from "../session";
import { useStore } from "../store";
import type { BusinessUnit } from "../types";
import { StatusIcon } from "./icons";

/** The thread's status; the chip's text is the raw status (tests compare it), the label is a tooltip.
 * `testid`: the open thread's chip is "thread-status", a list row's "row-status" (one of each per page). */
export function StatusChip({ status, testid }: { status: string; testid?: string }) {
  return (
    <span class={`chip status-${status}`} title={STATUS_LABEL[status] ?? status}>
      <StatusIcon status={status} />
      <span data-testid={testid}>{status}</span>
    </span>
  );
}

/** The business unit's logo, or its initials when it has none (or the logo fails to load). */
export function UnitBadge({ tenant, size = 22 }: { tenant: string; size?: number }) {
  const list = useStore(units);
  const unit: BusinessUnit | undefined = list.find((u) => u.tenant === tenant);
  const name = unit?.name || tenant;
  const [broken, setBroken] = useState(false);
  const dim = { width: `${size}px`, height: `${size}px` };
  if (unit?.logo_url && !broken) {
    return <img class="unit-badge" src={unit.logo_url} alt="" title={name} style={dim} onError={() => setBroken(true)} />;
  }
  return (
    <span class="unit-badge unit-initials" title={name} aria-hidden="true" style={dim}>
      {initials(name)}
    </span>
  );
}

/** A tiny line chart of sentiment scores (-1..1) with a zero line; the text alternative is `label`. */
export function Sparkline({ values, label, width = 120, height = 28 }: { values: number[]; label: string; width?: number; height?: number }) {
  if (values.length === 0) return <span class="muted">no data</span>;
  const pad = 2;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + ((1 - Math.max(-1, Math.min(1, v))) / 2) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values[values.length - 1] ?? 0;
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1="0" x2={width} y1={y(0)} y2={y(0)} class="spark-zero" />
      <polyline points={points} fill="none" class="spark-line" />
      <circle cx={x(values.length - 1)} cy={y(last)} r="2.5" class={last < -0.15 ? "spark-neg" : last > 0.15 ? "spark-pos" : "spark-neu"} />
    </svg>
  );
}

export function ErrorBox({ children }: { children: ComponentChildren }) {
  if (!children) return null;
  return (
    <p class="error-box" role="alert">
      {children}
    </p>
  );
}

/** A form's submit (a save, a note, a template): `busy` while `work` runs; its failure (the API's reason) in
 * `error`, cleared when the next attempt starts. `setError` is for the form's own checks and the page's reads. */
export function useSubmit(): {
  busy: boolean;
  error: string;
  setError: (message: string) => void;
  attempt: (work: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function attempt(work: () => Promise<void>) {
    setBusy(true);
    setError("");
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, attempt };
}

export function SaveButton({ saving }: { saving: boolean }) {
  return (
    <div class="span-2">
      <button type="submit" class="button-primary" disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </button>
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** A business-unit selector labelled "Business unit". `allowAll` adds an "All business units" choice. */
export function UnitSelect({
  id,
  value,
  onChange,
  allowAll = false,
  label = "Business unit",
}: {
  id: string;
  value: string;
  onChange: (tenant: string) => void;
  allowAll?: boolean;
  label?: string;
}) {
  const list = useStore(units);
  return (
    <span class="field-inline">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {allowAll ? <option value="">All business units</option> : null}
        {list.map((u) => (
          <option key={u.tenant} value={u.tenant}>
            {u.name || u.tenant}
          </option>
        ))}
      </select>
    </span>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="page-header">
      <h1>{title}</h1>
      {children ? <div class="page-tools">{children}</div> : null}
    </div>
  );
}
