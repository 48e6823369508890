// `WS /api/live`: one socket per logged-in console. It reconnects by itself with backoff (0.5 s doubling to
// 5 s) after any close — a dashboard-api restart, a network blip — and tells subscribers to resync, because
// updates sent while it was down are lost (the stream has no replay).
import { getToken } from "./api";
import { store } from "./store";
import type { LiveEvent } from "./types";

export type LiveStatus = "live" | "reconnecting" | "off";
export const liveStatus = store<LiveStatus>("off");

type Listener = (event: LiveEvent) => void;
const listeners = new Set<Listener>();
const resyncListeners = new Set<() => void>();

let socket: WebSocket | null = null;
let timer: number | undefined;
let delay = 500;
let wanted = false;
let connectedBefore = false;

export function onLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after a reconnect: reload whatever the socket would have kept up to date. */
export function onResync(listener: () => void): () => void {
  resyncListeners.add(listener);
  return () => resyncListeners.delete(listener);
}

function url(token: string): string {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${window.location.host}/api/live?access_token=${encodeURIComponent(token)}`;
}

function connect(): void {
  const token = getToken();
  if (!wanted || !token) return;
  const ws = new WebSocket(url(token));
  socket = ws;
  ws.onmessage = (msg) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(String(msg.data)) as LiveEvent;
    } catch {
      return;
    }
    if (event.type === "hello") {
      liveStatus.set("live");
      delay = 500;
      if (connectedBefore) for (const l of [...resyncListeners]) l();
      connectedBefore = true;
    }
    for (const l of [...listeners]) l(event);
  };
  ws.onclose = (ev) => {
    if (socket !== ws) return;
    socket = null;
    if (!wanted) return;
    liveStatus.set("reconnecting");
    // 4401: the token is no longer valid; the next API call's 401 takes the operator to the login page.
    const wait = ev.code === 4401 ? 5000 : delay;
    delay = Math.min(delay * 2, 5000);
    timer = window.setTimeout(connect, wait);
  };
  // An error is always followed by a close, which schedules the retry.
  ws.onerror = () => {};
}

export function startLive(): void {
  if (wanted) return;
  wanted = true;
  connectedBefore = false;
  delay = 500;
  liveStatus.set("reconnecting");
  connect();
}

export function stopLive(): void {
  wanted = false;
  window.clearTimeout(timer);
  const ws = socket;
  socket = null;
  ws?.close();
  liveStatus.set("off");
}

// Waking a laptop or regaining the network: try at once rather than waiting out the backoff.
window.addEventListener("online", () => {
  if (wanted && !socket) {
    window.clearTimeout(timer);
    delay = 500;
    connect();
  }
});
