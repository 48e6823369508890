// Entry point: restores the session, then routes. Pages that need a login send the operator to /login
// (with ?next= to come back); admin pages show "not allowed" to everyone else.
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { getToken, setUnauthorizedHandler } from "./api";
import { Header } from "./components/Header";
import { Nav } from "./components/Nav";
import { Toasts } from "./components/Toasts";
import { AnalyticsPage } from "./pages/Analytics";
import { BotSettingsPage } from "./pages/BotSettings";
import { SavedRepliesPage } from "./pages/SavedReplies";
import { UnitSettingsPage } from "./pages/UnitSettings";
import { ContactPage } from "./pages/Contact";
import { FlowsPage } from "./pages/Flows";
import { prefetchList } from "./inbox";
import { InboxPage } from "./pages/Inbox";
import { KnowledgePage } from "./pages/Knowledge";
import { LoginPage } from "./pages/Login";
import { ChannelsPage } from "./pages/Channels";
import { OperatorsPage } from "./pages/Operators";
import { match, navigate, useLocation } from "./router";
import { endSession, hasRole, loadSession, me, unreadNotifications } from "./session";
import { useStore } from "./store";
import type { View } from "./types";

setUnauthorizedHandler((message) => {
  if (window.location.pathname !== "/login") endSession(message);
});

if (getToken()) {
  const path = window.location.pathname;
  const inboxView = match("/inbox/:view", path);
  if (inboxView) prefetchList(inboxView.view as View);
  else if (path === "/" || path === "/inbox" || path.startsWith("/threads/")) prefetchList(null);
}

function NotAllowed() {
  return (
    <div class="page">
      <h1>Not allowed</h1>
      <p>This page is for administrators. Ask an admin of your business unit if you need access.</p>
    </div>
  );
}

function NotFound() {
  return (
    <div class="page">
      <h1>Page not found</h1>
      <p>
        <a href="/inbox">Go to the inbox</a>
      </p>
    </div>
  );
}

function Page({ path }: { path: string }) {
  const who = useStore(me);
  let m: Record<string, string> | null;
  if (path === "/" || path === "/inbox") return <InboxPage view={null} threadKey={null} />;
  if ((m = match("/inbox/:view", path))) return <InboxPage view={m.view as View} threadKey={null} />;
  if ((m = match("/threads/:key", path))) return <InboxPage view={null} threadKey={m.key ?? null} />;
  if ((m = match("/contacts/:channel/:id", path))) return <ContactPage channel={m.channel ?? ""} contactId={m.id ?? ""} />;
  if (path === "/analytics") return <AnalyticsPage />;
  if (path.startsWith("/admin")) {
    if (!hasRole(who, "admin")) return <NotAllowed />;
    if (path === "/admin" || path === "/admin/knowledge") return <KnowledgePage />;
    if (path === "/admin/bot") return <BotSettingsPage />;
    if (path === "/admin/unit") return <UnitSettingsPage />;
    if (path === "/admin/saved-replies") return <SavedRepliesPage />;
    if (path === "/admin/operators") return <OperatorsPage />;
    if (path === "/admin/channels") return <ChannelsPage />;
    if (path === "/admin/flows") return <FlowsPage />;
  }
  return <NotFound />;
}

function titleFor(path: string): string {
  if (path.startsWith("/threads")) return "Conversation";
  if (path.startsWith("/contacts")) return "Contact";
  if (path.startsWith("/analytics")) return "Analytics";
  if (path.startsWith("/admin/bot")) return "Bot settings";
  if (path.startsWith("/admin/unit")) return "Business unit";
  if (path.startsWith("/admin/saved-replies")) return "Saved replies";
  if (path.startsWith("/admin/operators")) return "Operators";
  if (path.startsWith("/admin/channels")) return "Channels";
  if (path.startsWith("/admin/flows")) return "Flows";
  if (path.startsWith("/admin")) return "Knowledge base";
  if (path.startsWith("/login")) return "Log in";
  return "Inbox";
}

function App() {
  const loc = useLocation();
  const who = useStore(me);
  const unread = useStore(unreadNotifications);

  useEffect(() => {
    document.title = `${unread && who ? `(${unread}) ` : ""}${titleFor(who ? loc.path : "/login")} · Parley`;
  }, [loc.path, unread, who]);
  const [booting, setBooting] = useState(true);
  const [bootError, setBootError] = useState("");

  useEffect(() => {
    loadSession()
      .then((ok) => {
        if (!ok && window.location.pathname !== "/login") endSession("");
      })
      .catch((err: unknown) => setBootError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBooting(false));
  }, []);

  // Logged in and on /login (just logged in, or the back button): go where the operator was headed.
  useEffect(() => {
    if (!who || loc.path !== "/login") return;
    const next = loc.query.get("next");
    navigate(next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/inbox", { replace: true });
  }, [who, loc.path]);

  if (booting) {
    return (
      <main id="main" class="boot">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (bootError) {
    return (
      <main id="main" class="boot">
        <p class="error-box" role="alert">
          Cannot load the console: {bootError}
        </p>
        <button type="button" class="button-primary" onClick={() => window.location.reload()}>
          Try again
        </button>
      </main>
    );
  }
  if (!who || loc.path === "/login") {
    return (
      <>
        <LoginPage />
        <Toasts />
      </>
    );
  }
  const wide = loc.path === "/" || loc.path.startsWith("/inbox") || loc.path.startsWith("/threads");
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <div class="shell">
        <Nav />
        <main id="main" class={wide ? "main main-inbox" : "main"}>
          <Page path={loc.path} />
        </main>
      </div>
      <Toasts />
    </>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
