// Path-based routing with history.pushState (no hash): dashboard-api serves index.html for every console
// path, so a reload or a shared link lands on the same page.
import type { TargetedMouseEvent } from "preact";
import { store, useStore } from "./store";

export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export const location = store<Location>(current());

window.addEventListener("popstate", () => location.set(current()));

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const here = window.location.pathname + window.location.search;
  if (to === here) return;
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  location.set(current());
}

export function useLocation(): Location {
  return useStore(location);
}

/** Match `pattern` ("/threads/:key") against `path`; the params are URI-decoded. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/").filter(Boolean);
  const s = path.split("/").filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] as string;
    const seg = s[i] as string;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part !== seg) return null;
  }
  return params;
}

/** Click handler for in-app links: plain left clicks navigate in place; modified clicks (new tab, …) are
 * left to the browser. */
export function onLinkClick(e: TargetedMouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.currentTarget;
  if (a.target && a.target !== "_self") return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
}
