// The inbox's state, kept outside components so the list, its filters, scroll-worthy pages and counts
// survive opening a thread (the list stays beside it on wide screens, and is there again on "back").
import { api, type ThreadFilters } from "./api";
import { onLive, onResync } from "./live";
import { me } from "./session";
import { store } from "./store";
import { VIEWS, type Page, type ThreadView, type View, type ViewCounts } from "./types";

export interface InboxState {
  view: View;
  filters: ThreadFilters;
  items: ThreadView[];
  total: number;
  page: number;
  loading: boolean;
  error: string;
  counts: ViewCounts | null;
}

const FILTERS_KEY = "parley.filters";

function savedFilters(): ThreadFilters {
  try {
    const raw = sessionStorage.getItem(FILTERS_KEY);
    return raw ? (JSON.parse(raw) as ThreadFilters) : {};
  } catch {
    return {};
  }
}

export const inbox = store<InboxState>({
  view: "all",
  filters: savedFilters(),
  items: [],
  total: 0,
  page: 0,
  loading: false,
  error: "",
  counts: null,
});

function patch(p: Partial<InboxState>): void {
  inbox.set({ ...inbox.get(), ...p });
}

// At start-up the inbox's first page is asked for beside the session (me, business units) rather than after
// it: the list is the slowest call (it reads every thread on FerretDB), and the first rows wait for it.
let prefetched: { key: string; page: Promise<Page<ThreadView>> } | null = null;

function listKey(view: View, filters: ThreadFilters): string {
  return JSON.stringify([view, filters]);
}

export function prefetchList(view: View | null): void {
  const wanted = view && VIEWS.includes(view) ? view : inbox.get().view;
  const { filters } = inbox.get();
  const page = api.threads(wanted, filters, 1);
  page.catch(() => undefined); // reloadList reports it when it takes this page
  prefetched = { key: listKey(wanted, filters), page };
}

let listAbort: AbortController | null = null;
let countsAbort: AbortController | null = null;

export async function reloadList(): Promise<void> {
  listAbort?.abort();
  const ctrl = new AbortController();
  listAbort = ctrl;
  const { view, filters } = inbox.get();
  patch({ loading: true, error: "" });
  try {
    const early = prefetched?.key === listKey(view, filters) ? prefetched.page : null;
    prefetched = null;
    const page = await (early ?? api.threads(view, filters, 1, ctrl.signal));
    if (ctrl.signal.aborted) return;
    patch({ items: page.items, total: page.total, page: 1, loading: false });
  } catch (err) {
    if (ctrl.signal.aborted) return;
    patch({ loading: false, error: err instanceof Error ? err.message : String(err) });
  }
}

export async function loadMore(): Promise<void> {
  const s = inbox.get();
  if (s.loading || s.items.length >= s.total) return;
  patch({ loading: true });
  try {
    const page = await api.threads(s.view, s.filters, s.page + 1);
    const known = new Set(s.items.map((t) => t.thread_key));
    // Rows may have moved between pages since the first one was fetched: skip those already shown.
    const fresh = page.items.filter((t) => !known.has(t.thread_key));
    patch({ items: [...inbox.get().items, ...fresh], total: page.total, page: s.page + 1, loading: false });
  } catch (err) {
    patch({ loading: false, error: err instanceof Error ? err.message : String(err) });
  }
}

export async function reloadCounts(): Promise<void> {
  countsAbort?.abort();
  const ctrl = new AbortController();
  countsAbort = ctrl;
  const { filters } = inbox.get();
  try {
    const counts = await api.counts({ channel: filters.channel, tenant: filters.tenant }, ctrl.signal);
    if (!ctrl.signal.aborted) patch({ counts });
  } catch {
    /* counts are a convenience: keep the last ones */
  }
}

let countsTimer: number | undefined;
/** Many live updates in a burst cost one /counts request. */
export function reloadCountsSoon(): void {
  window.clearTimeout(countsTimer);
  countsTimer = window.setTimeout(() => void reloadCounts(), 400);
}

export function setView(view: View, force = false): Promise<void> {
  if (!force && inbox.get().view === view && inbox.get().page > 0) return Promise.resolve();
  patch({ view, items: [], total: 0, page: 0 });
  return reloadList();
}

export function setFilters(filters: ThreadFilters): void {
  const prev = inbox.get().filters;
  patch({ filters });
  try {
    sessionStorage.setItem(FILTERS_KEY, JSON.stringify(filters));
  } catch {
    /* not kept across reloads then */
  }
  void reloadList();
  if (prev.channel !== filters.channel || prev.tenant !== filters.tenant) void reloadCounts();
}

/** Whether a thread belongs in the current view and filters: the server's rules (ThreadQuery), client-side,
 * so a live update can add, move or drop a row without refetching the page. */
export function matches(t: ThreadView, view: View, f: ThreadFilters, myId: string | null): boolean {
  const withPeople = t.status === "needs_human" || t.status === "human";
  if (view === "mine" && !(withPeople && t.assignee?.id === myId)) return false;
  if (view === "unassigned" && !(withPeople && !t.assignee)) return false;
  if (view === "bot" && t.status !== "bot") return false;
  if (f.status && t.status !== f.status) return false;
  if (f.channel && t.channel !== f.channel) return false;
  if (f.tenant && t.tenant !== f.tenant) return false;
  if (f.label && !t.labels.includes(f.label)) return false;
  if (f.q) {
    const q = f.q.trim();
    if (q && !(t.contact.name ?? "").toLowerCase().includes(q.toLowerCase()) && !t.contact.id.includes(q)) return false;
  }
  return true;
}

function newer(a: ThreadView, b: ThreadView): boolean {
  return a.version > b.version || (a.version === b.version && Date.parse(a.updated_at) >= Date.parse(b.updated_at));
}

function activity(t: ThreadView): number {
  return Date.parse(t.last_message?.at ?? t.updated_at) || 0;
}

/** Apply a thread snapshot from the live stream: upsert and move to its place (newest activity first), or
 * drop it when it no longer matches. */
export function applyThread(t: ThreadView): void {
  const s = inbox.get();
  if (s.page === 0) return;
  const idx = s.items.findIndex((x) => x.thread_key === t.thread_key);
  const old = idx >= 0 ? s.items[idx] : undefined;
  if (old && !newer(t, old)) return; // an older snapshot arriving late
  const rest = s.items.filter((x) => x.thread_key !== t.thread_key);
  const keep = matches(t, s.view, s.filters, me.get()?.id ?? null);
  let total = s.total;
  if (!keep) {
    if (old) patch({ items: rest, total: Math.max(0, total - 1) });
    return;
  }
  if (!old) total += 1;
  const at = activity(t);
  const pos = rest.findIndex((x) => activity(x) <= at);
  const items = pos < 0 ? [...rest, t] : [...rest.slice(0, pos), t, ...rest.slice(pos)];
  patch({ items, total });
}

let following = false;
/** Keep the kept list and counts current from the live stream on every page, not only while the inbox shows: an
 * operator back from the analytics or an admin page sees the conversations that arrived meanwhile. Once per page
 * load; after a reconnect the list and counts are read again (the stream has no replay). */
export function followLive(): void {
  if (following) return;
  following = true;
  onLive((ev) => {
    if (ev.type !== "thread.updated") return;
    if (ev.thread) applyThread(ev.thread);
    if (ev.thread || ev.transitions.length) reloadCountsSoon();
  });
  onResync(() => {
    if (inbox.get().page === 0) return; // not loaded yet: the inbox loads it when it opens
    void reloadList();
    void reloadCounts();
  });
}

/** After an action answered with the new thread, show it at once (the live event may come later). */
export function upsertLocal(t: ThreadView | null | undefined): void {
  if (t) applyThread(t);
}
