// Who is logged in, the business units they see, toasts. Shared by every page.
import { api, ApiError, getToken, setToken } from "./api";
import { startLive, stopLive } from "./live";
import { navigate } from "./router";
import { store } from "./store";
import type { BusinessUnit, Me, Role } from "./types";

export const me = store<Me | null>(null);
export const units = store<BusinessUnit[]>([]);
/** A message for the login page (why the operator was sent there). */
export const loginMessage = store<string>("");
export const unreadNotifications = store<number>(0);

export interface Toast {
  id: number;
  kind: "error" | "info" | "success";
  text: string;
}
export const toasts = store<Toast[]>([]);
let toastId = 0;

export function toast(text: string, kind: Toast["kind"] = "info"): void {
  const id = ++toastId;
  toasts.update((list) => [...list.slice(-4), { id, kind, text }]);
  window.setTimeout(() => dismissToast(id), kind === "error" ? 8000 : 4000);
}

export function dismissToast(id: number): void {
  toasts.update((list) => list.filter((t) => t.id !== id));
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

const RANK: Record<Role, number> = { operator: 0, manager: 1, admin: 2 };
export function hasRole(m: Me | null, role: Role): boolean {
  return !!m && RANK[m.role] >= RANK[role];
}

export function unitName(tenant: string): string {
  return units.get().find((u) => u.tenant === tenant)?.name || tenant;
}

/** Load the caller and their business units; start the live stream. */
export async function loadSession(): Promise<boolean> {
  if (!getToken()) return false;
  try {
    const [who, list] = await Promise.all([api.me(), api.units()]);
    me.set(who);
    units.set(list);
    unreadNotifications.set(who.unread_notifications);
    startLive();
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return false;
    throw err;
  }
}

export function endSession(message = "", remember = true): void {
  setToken(null);
  stopLive();
  me.set(null);
  units.set([]);
  loginMessage.set(message);
  const here = window.location.pathname + window.location.search;
  // After an expired session, come back to the same page; after logging out, start from the inbox.
  const next = !remember || here.startsWith("/login") || here === "/" ? "" : `?next=${encodeURIComponent(here)}`;
  navigate(`/login${next}`, { replace: true });
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } catch {
    /* the session is dropped locally either way */
  }
  endSession("You are logged out.", false);
}
