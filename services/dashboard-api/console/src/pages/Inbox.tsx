// The inbox: the list (views, filters, rows) and, when a thread is open, the conversation beside it. On a
// narrow screen only one of the two is shown, with a back link in the conversation.
import { useEffect, useRef } from "preact/hooks";
import { ThreadList } from "../components/ThreadList";
import { ThreadPane } from "../components/ThreadPane";
import { followLive, inbox, reloadCounts, reloadList, setView } from "../inbox";
import { me } from "../session";
import { useStore } from "../store";
import { VIEWS, type View } from "../types";

// Whose inbox the kept list and counts are: after logging in as someone else they are loaded afresh.
let loadedFor: string | null = null;

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (el as HTMLElement).isContentEditable;
}

export function InboxPage({ view, threadKey }: { view: View | null; threadKey: string | null }) {
  const s = useStore(inbox);
  const searchRef = useRef<HTMLInputElement | null>(null);

  // The view in the URL wins; the first visit loads the list and counts once (they are kept in `inbox`).
  useEffect(() => {
    const fresh = loadedFor !== (me.get()?.id ?? null);
    loadedFor = me.get()?.id ?? null;
    let listed: Promise<void> = Promise.resolve();
    if (view && VIEWS.includes(view) && (fresh || view !== inbox.get().view)) listed = setView(view, fresh);
    else if (fresh) listed = reloadList();
    // The first rows first: the counts are asked once the list has answered (on FerretDB both read every
    // thread, and side by side they delay the first paint of the rows).
    if (fresh) void listed.finally(() => void reloadCounts());
  }, [view]);

  useEffect(() => {
    followLive();
    // "/" focuses the search box from anywhere in the inbox (but not while typing).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <div class={`inbox${threadKey ? " has-thread" : ""}`} data-view={s.view}>
      <h1 class="sr-only">Inbox</h1>
      <ThreadList currentKey={threadKey} searchRef={searchRef} />
      {threadKey ? (
        <ThreadPane threadKey={threadKey} />
      ) : (
        <section class="thread-pane thread-empty" aria-label="Conversation">
          <p>Select a conversation. Keys: <kbd>j</kbd>/<kbd>k</kbd> or arrows to move, <kbd>Enter</kbd> to open, <kbd>/</kbd> to search.</p>
        </section>
      )}
    </div>
  );
}
