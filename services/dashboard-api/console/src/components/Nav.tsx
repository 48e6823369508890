// The main navigation. Admin pages are listed for admins only (the pages themselves also refuse others).
import { useLocation } from "../router";
import { hasRole, me } from "../session";
import { useStore } from "../store";
import { Link } from "./Link";

interface Item {
  href: string;
  label: string;
  active: (path: string) => boolean;
}

const ITEMS: Item[] = [
  { href: "/inbox", label: "Inbox", active: (p) => p === "/" || p.startsWith("/inbox") || p.startsWith("/threads") },
  { href: "/analytics", label: "Analytics", active: (p) => p.startsWith("/analytics") },
];

const ADMIN: Item[] = [
  { href: "/admin/unit", label: "Business unit", active: (p) => p.startsWith("/admin/unit") },
  { href: "/admin/knowledge", label: "Knowledge base", active: (p) => p.startsWith("/admin/knowledge") },
  { href: "/admin/bot", label: "Bot settings", active: (p) => p.startsWith("/admin/bot") },
  { href: "/admin/saved-replies", label: "Saved replies", active: (p) => p.startsWith("/admin/saved-replies") },
  { href: "/admin/flows", label: "Flows", active: (p) => p.startsWith("/admin/flows") },
  { href: "/admin/operators", label: "Operators", active: (p) => p.startsWith("/admin/operators") },
  { href: "/admin/channels", label: "Channels", active: (p) => p.startsWith("/admin/channels") },
];

export function Nav() {
  const { path } = useLocation();
  const who = useStore(me);
  const items = hasRole(who, "admin") ? [...ITEMS, ...ADMIN] : ITEMS;
  return (
    <nav class="sidenav" aria-label="Main">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} class="nav-link" aria-current={item.active(path) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
