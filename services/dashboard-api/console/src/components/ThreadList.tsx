// The inbox list: view tabs with live counts, filters, rows, "load more". Rows are links (Enter opens
// them); j/k or the arrow keys move between rows.
import type { TargetedKeyboardEvent } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ThreadFilters } from "../api";
import { CHANNEL_LABEL, num, relativeTime, STATUS_LABEL } from "../format";
import { inbox, loadMore, setFilters, setView } from "../inbox";
import { navigate, onLinkClick, useLocation } from "../router";
import { unitName } from "../session";
import { useStore } from "../store";
import { CHANNELS, STATUSES, VIEWS, type ThreadStatus, type ThreadView, type View } from "../types";
import { isUnread, seen } from "../unread";
import { ErrorBox, StatusChip, UnitBadge, UnitSelect } from "./common";
import { ChannelIcon, Icon } from "./icons";

const VIEW_LABEL: Record<View, string> = { mine: "Mine", unassigned: "Unassigned", bot: "Bot", all: "All" };

function ViewTabs() {
  const s = useStore(inbox);
  const { path } = useLocation();
  function choose(view: View) {
    void setView(view);
    // In the inbox the view is in the URL; beside an open thread, switching views keeps the thread open.
    if (path === "/" || path.startsWith("/inbox")) navigate(`/inbox/${view}`, { replace: true });
  }
  function onKeyDown(e: KeyboardEvent) {
    // Arrow keys move between tabs (the ARIA tabs pattern).
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const i = VIEWS.indexOf(s.view);
    const next = VIEWS[(i + (e.key === "ArrowRight" ? 1 : VIEWS.length - 1)) % VIEWS.length] as View;
    choose(next);
    (document.getElementById(`tab-${next}`) as HTMLButtonElement | null)?.focus();
    e.preventDefault();
  }
  return (
    <div class="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={s.view === v}
          aria-controls="thread-list"
          tabIndex={s.view === v ? 0 : -1}
          class="view-tab"
          onClick={() => choose(v)}
        >
          {/* Named "Mine 3": the label, then the count. */}
          <span>{VIEW_LABEL[v]}</span> <span class="count" data-testid={`count-${v}`}>
            {s.counts ? String(s.counts[v]) : "–"}
          </span>
        </button>
      ))}
    </div>
  );
}

/** Labels seen on loaded threads, for the label filter's choices (there is no labels listing route). */
const labelsSeen = new Set<string>();

function Filters({ searchRef }: { searchRef: { current: HTMLInputElement | null } }) {
  const s = useStore(inbox);
  const f = s.filters;
  const [q, setQ] = useState(f.q ?? "");
  const [otherLabel, setOtherLabel] = useState(false);
  for (const t of s.items) for (const l of t.labels) labelsSeen.add(l);
  if (f.label) labelsSeen.add(f.label);
  const labels = [...labelsSeen].sort();

  // Typing in the search box refetches after a short pause, not on every key.
  useEffect(() => {
    if ((f.q ?? "") === q) return undefined;
    const t = window.setTimeout(() => setFilters({ ...inbox.get().filters, q: q.trim() || undefined }), 300);
    return () => window.clearTimeout(t);
  }, [q]);

  function set(p: Partial<ThreadFilters>) {
    setFilters({ ...f, ...p });
  }
  const active = !!(f.channel || f.tenant || f.status || f.label || f.q);

  return (
    <div class="filters">
      <div class="search">
        <label for="search" class="sr-only">
          Search contacts
        </label>
        <Icon.search />
        <input
          id="search"
          ref={searchRef}
          type="search"
          placeholder="Search contacts (name or number)  /"
          value={q}
          autoComplete="off"
          onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") setFilters({ ...inbox.get().filters, q: q.trim() || undefined });
            if (e.key === "Escape") (e.currentTarget as HTMLInputElement).blur();
          }}
        />
      </div>
      <div class="filter-row">
        <span class="field-inline">
          <label for="f-channel">Channel</label>
          <select id="f-channel" value={f.channel ?? ""} onChange={(e) => set({ channel: (e.currentTarget as HTMLSelectElement).value || undefined })}>
            <option value="">All</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABEL[c]}
              </option>
            ))}
          </select>
        </span>
        <UnitSelect id="f-unit" value={f.tenant ?? ""} allowAll onChange={(tenant) => set({ tenant: tenant || undefined })} />
        <span class="field-inline">
          <label for="f-status">Status</label>
          <select
            id="f-status"
            value={f.status ?? ""}
            onChange={(e) => set({ status: ((e.currentTarget as HTMLSelectElement).value || undefined) as ThreadStatus | undefined })}
          >
            <option value="">Any</option>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {STATUS_LABEL[st]}
              </option>
            ))}
          </select>
        </span>
        <span class="field-inline">
          <label for="f-label">Label</label>
          <select
            id="f-label"
            value={otherLabel ? "\u0000other" : (f.label ?? "")}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              if (v === "\u0000other") {
                setOtherLabel(true);
                return;
              }
              setOtherLabel(false);
              set({ label: v || undefined });
            }}
          >
            <option value="">Any</option>
            {labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
            <option value={"\u0000other"}>Other label…</option>
          </select>
        </span>
        {otherLabel ? (
          <span class="field-inline">
            <label for="f-label-text">Label text</label>
            <input
              id="f-label-text"
              type="text"
              size={12}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  const v = (e.currentTarget as HTMLInputElement).value.trim();
                  setOtherLabel(false);
                  set({ label: v || undefined });
                }
              }}
            />
          </span>
        ) : null}
        {active ? (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setQ("");
              setOtherLabel(false);
              setFilters({});
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Row({ t, current, unread }: { t: ThreadView; current: boolean; unread: boolean }) {
  const name = t.contact.name || t.contact.id;
  const last = t.last_message;
  const preview = last ? (last.text || `[${last.type}]`) : "No messages yet";
  const who = last ? (last.author === "customer" ? "" : last.author === "operator" ? "Operator: " : last.author === "bot" ? "Bot: " : "") : "";
  return (
    <li>
      <a
        href={`/threads/${encodeURIComponent(t.thread_key)}`}
        class={`thread-row${current ? " current" : ""}${unread ? " unread" : ""}`}
        data-testid="thread-row"
        data-thread-key={t.thread_key}
        aria-current={current ? "true" : undefined}
        onClick={onLinkClick}
      >
        <span class="row-top">
          <span class="row-name">{name}</span>
          <ChannelIcon channel={t.channel} labelled />
          <time class="row-time" dateTime={last?.at ?? t.updated_at}>
            {relativeTime(last?.at ?? t.updated_at)}
          </time>
        </span>
        <span class="row-preview">
          {who ? <span class="row-who">{who}</span> : null}
          {preview}
        </span>
        <span class="row-meta">
          <UnitBadge tenant={t.tenant} size={18} />
          <span class="sr-only">{unitName(t.tenant)}</span>
          <StatusChip status={t.status} testid="row-status" />
          {t.assignee ? <span class="row-assignee">{t.assignee.name || t.assignee.id}</span> : null}
          {unread ? (
            <span class="unread-badge" title="New customer message since you last opened it">
              new
            </span>
          ) : null}
        </span>
      </a>
    </li>
  );
}

export function ThreadList({ currentKey, searchRef }: { currentKey: string | null; searchRef: { current: HTMLInputElement | null } }) {
  const s = useStore(inbox);
  const seenMap = useStore(seen);
  const listRef = useRef<HTMLUListElement>(null);
  // Re-render every minute so "5 min ago" stays true.
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => setMinute((m) => m + 1), 60000);
    return () => window.clearInterval(t);
  }, []);

  const rows = useMemo(
    () => s.items.map((t) => <Row key={t.thread_key} t={t} current={t.thread_key === currentKey} unread={t.thread_key !== currentKey && isUnread(t, seenMap)} />),
    [s.items, currentKey, seenMap, minute],
  );

  function onKeyDown(e: TargetedKeyboardEvent<HTMLUListElement>) {
    const down = e.key === "j" || e.key === "ArrowDown";
    const up = e.key === "k" || e.key === "ArrowUp";
    if (!down && !up) return;
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>("a.thread-row") ?? [])];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[Math.max(0, Math.min(links.length - 1, i < 0 ? 0 : i + (down ? 1 : -1)))];
    if (next) {
      next.focus();
      e.preventDefault();
    }
  }

  return (
    <section class="list-pane" aria-label="Conversations">
      <ViewTabs />
      <Filters searchRef={searchRef} />
      <ErrorBox>{s.error}</ErrorBox>
      <div class="list-scroll" id="thread-list" role="tabpanel" aria-labelledby={`tab-${s.view}`}>
        {s.items.length === 0 && !s.loading && !s.error ? (
          <p class="empty">No conversations here{s.filters.q || s.filters.channel || s.filters.status || s.filters.tenant || s.filters.label ? " with these filters" : ""}.</p>
        ) : null}
        <ul class="thread-list" ref={listRef} onKeyDown={onKeyDown} aria-label={`${VIEW_LABEL[s.view]} conversations`}>
          {rows}
        </ul>
        {s.loading ? (
          <p class="loading" role="status">
            Loading…
          </p>
        ) : null}
        {!s.loading && s.items.length < s.total ? (
          <button type="button" class="load-more" onClick={() => void loadMore()}>
            Load more ({num(s.items.length)} of {num(s.total)})
          </button>
        ) : null}
      </div>
    </section>
  );
}
