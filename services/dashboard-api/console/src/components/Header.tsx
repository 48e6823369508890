// The top bar: brand, live indicator, availability, notifications, who is logged in, log out.
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api";
import { relativeTime } from "../format";
import { liveStatus, onLive, onResync } from "../live";
import { navigate } from "../router";
import { errorText, logout, me, toast, unreadNotifications } from "../session";
import { useStore } from "../store";
import type { Availability, Notification } from "../types";
import { Icon } from "./icons";

function LiveIndicator() {
  const status = useStore(liveStatus);
  const live = status === "live";
  return (
    <span
      class={`live-indicator ${live ? "is-live" : "is-down"}`}
      role="status"
      aria-label={live ? "Live updates: connected" : "Live updates: reconnecting"}
      title={live ? "Live updates connected" : "Connection lost: reconnecting…"}
    >
      <span class="dot" aria-hidden="true" />
      <span data-testid="live-status">{live ? "live" : "reconnecting"}</span>
    </span>
  );
}

function AvailabilityControl() {
  const who = useStore(me);
  const [busy, setBusy] = useState(false);
  if (!who?.operator) return null;
  const value = who.operator.availability;
  async function change(next: Availability) {
    setBusy(true);
    try {
      me.set(await api.setAvailability(next));
    } catch (err) {
      toast(errorText(err), "error");
    } finally {
      setBusy(false);
    }
  }
  return (
    <span class={`availability field-inline avail-${value}`}>
      <label for="availability">Availability</label>
      <select
        id="availability"
        value={value}
        disabled={busy}
        onChange={(e) => void change((e.currentTarget as HTMLSelectElement).value as Availability)}
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
      </select>
    </span>
  );
}

function Notifications() {
  const count = useStore(unreadNotifications);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState("");
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  async function load() {
    try {
      const page = await api.notifications();
      setItems(page.items);
      unreadNotifications.set(page.total);
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }

  useEffect(() => {
    const offLive = onLive((ev) => {
      if (ev.type !== "notification") return;
      unreadNotifications.update((n) => n + 1);
      setItems((list) => (list ? [ev.notification, ...list.filter((n) => n.id !== ev.notification.id)] : list));
    });
    const offResync = onResync(() => void load());
    return () => {
      offLive();
      offResync();
    };
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    void load();
    const onDoc = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDoc);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDoc);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  async function openNote(n: Notification) {
    setOpen(false);
    if (!n.read_at) {
      try {
        await api.readNotification(n.id);
        unreadNotifications.update((c) => Math.max(0, c - 1));
        setItems((list) => list?.map((x) => (x.id === n.id ? { ...x, read_at: new Date().toISOString() } : x)) ?? null);
      } catch (err) {
        toast(errorText(err), "error");
      }
    }
    if (n.thread_key) navigate(`/threads/${encodeURIComponent(n.thread_key)}`);
  }

  async function readAll() {
    try {
      await api.readAllNotifications();
      unreadNotifications.set(0);
      const now = new Date().toISOString();
      setItems((list) => list?.map((x) => ({ ...x, read_at: x.read_at ?? now })) ?? null);
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  return (
    <div class="notifications" ref={wrap}>
      <button
        ref={button}
        type="button"
        class="icon-button bell"
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen(!open)}
      >
        <Icon.bell />
        {/* Named by its content, "Notifications 3": the visible count is part of the accessible name. */}
        <span class="sr-only">Notifications </span>
        <span class={`badge ${count ? "" : "badge-zero"}`} data-testid="notification-count">
          {count}
        </span>
        <span class="sr-only"> unread</span>
      </button>
      {open ? (
        <div id="notification-panel" class="dropdown" role="region" aria-label="Notifications list">
          <div class="dropdown-head">
            <strong>Notifications</strong>
            <button type="button" class="link-button" onClick={() => void readAll()} disabled={!count}>
              Mark all read
            </button>
          </div>
          {error ? <p class="error-box">{error}</p> : null}
          {items === null ? (
            <p class="muted pad">Loading…</p>
          ) : items.length === 0 ? (
            <p class="muted pad">Nothing new.</p>
          ) : (
            <ul class="note-list">
              {items.map((n) => (
                <li key={n.id}>
                  <a
                    href={n.thread_key ? `/threads/${encodeURIComponent(n.thread_key)}` : "#"}
                    class={n.read_at ? "note" : "note unread"}
                    onClick={(e) => {
                      e.preventDefault();
                      void openNote(n);
                    }}
                  >
                    <span class="note-title">
                      {n.read_at ? null : <span class="sr-only">Unread: </span>}
                      {n.title}
                    </span>
                    {n.body ? <span class="note-body">{n.body}</span> : null}
                    <time class="note-time" dateTime={n.created_at}>
                      {relativeTime(n.created_at)}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}

export function Header() {
  const who = useStore(me);
  return (
    <header class="topbar">
      <a class="brand" href="/inbox" onClick={(e) => { e.preventDefault(); navigate("/inbox"); }}>
        <Icon.logo />
        <span>Parley</span>
      </a>
      <div class="topbar-tools">
        <LiveIndicator />
        <AvailabilityControl />
        <Notifications />
        {who ? (
          <span class="whoami" title={`${who.name} (${who.role})`}>
            <span class="whoami-name">{who.name}</span>
            <span class="whoami-role">{who.role}</span>
          </span>
        ) : null}
        <button type="button" class="button-ghost" onClick={() => void logout()}>
          Log out
        </button>
      </div>
    </header>
  );
}
