// Unread badges without a server field: the API has no per-operator read state for threads, so this
// browser remembers when the operator last opened each thread (localStorage `parley.seen`), and a thread is
// unread when the customer wrote after that. Per browser, not per account across devices (README).
import type { ThreadView } from "./types";
import { store } from "./store";

const KEY = "parley.seen";
const MAX_ENTRIES = 2000;

function load(): Record<string, string> {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** thread_key → ISO time the operator last had it open. A store so rows re-render when it changes. */
export const seen = store<Record<string, string>>(load());

export function markSeen(threadKey: string, at = new Date().toISOString()): void {
  const next = { ...seen.get(), [threadKey]: at };
  const keys = Object.keys(next);
  if (keys.length > MAX_ENTRIES) {
    // Forget the oldest: a thread nobody opened for that long shows as unread again, which is harmless.
    keys.sort((a, b) => (next[a]! < next[b]! ? -1 : 1));
    for (const k of keys.slice(0, keys.length - MAX_ENTRIES)) delete next[k];
  }
  seen.set(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage full or disabled: badges just reset on reload */
  }
}

export function isUnread(t: ThreadView, map: Record<string, string>): boolean {
  const last = t.last_message;
  if (!last || last.author !== "customer") return false;
  const at = map[t.thread_key];
  return !at || new Date(last.at).getTime() > new Date(at).getTime();
}
