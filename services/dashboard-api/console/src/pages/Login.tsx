// The login page. A 429 says how long to wait (Retry-After), counting down.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, setToken } from "../api";
import { Icon } from "../components/icons";
import { loadSession, loginMessage } from "../session";
import { useStore } from "../store";

export function LoginPage() {
  const notice = useStore(loginMessage);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [retryUntil, setRetryUntil] = useState(0);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (retryUntil <= now) return undefined;
    const t = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(t);
  }, [retryUntil, now]);

  const wait = Math.max(0, Math.ceil((retryUntil - now) / 1000));

  async function submit(e: Event) {
    e.preventDefault();
    setError("");
    setBusy(true);
    try {
      const out = await api.login(email.trim(), password);
      setToken(out.access_token);
      loginMessage.set("");
      // Once the session is loaded, the app leaves /login for ?next= or the inbox (main.tsx).
      await loadSession();
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const secs = err.retryAfter ?? 60;
        setRetryUntil(Date.now() + secs * 1000);
        setNow(Date.now());
        setError(`Too many attempts, try again in ${secs} s.`);
      } else if (err instanceof ApiError && err.status === 401) {
        setError(err.message || "Wrong email or password.");
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login-page">
      <form class="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div class="login-brand">
          <Icon.logo />
          <span>Parley</span>
        </div>
        <h1 id="login-title">Log in to the console</h1>
        {notice && !error ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        <div class="field">
          <label for="email">Email</label>
          <input id="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        {error ? (
          <p class="error-box" role="alert">
            {wait > 0 ? `Too many attempts, try again in ${wait} s.` : error}
          </p>
        ) : null}
        <button type="submit" class="button-primary wide" disabled={busy || wait > 0}>
          {busy ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
