// Operator accounts (admins): list, create (role, business units, password), change role, deactivate; when each
// was last at a console (an online operator gets new conversations only while present).
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader } from "../components/common";
import { relativeTime } from "../format";
import { errorText, me, toast, units } from "../session";
import { useStore } from "../store";
import type { Operator, Role } from "../types";

const ROLES: Role[] = ["operator", "manager", "admin"];

function CreateOperator({ onCreated }: { onCreated: () => void }) {
  const list = useStore(units);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const [tenants, setTenants] = useState<string[]>([]);
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const chosen = tenants.length ? tenants : list.length === 1 ? [list[0]!.tenant] : [];

  async function submit(e: Event) {
    e.preventDefault();
    if (!chosen.length) {
      setError("Choose at least one business unit.");
      return;
    }
    setBusy(true);
    setError("");
    try {
      await api.createOperator({ email: email.trim(), name: name.trim(), role, tenants: chosen, password });
      toast(`${name} can now log in`, "success");
      setEmail("");
      setName("");
      setPassword("");
      setRole("operator");
      onCreated();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const v = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <form class="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="new-op">
      <h2 id="new-op" class="span-2">
        New account
      </h2>
      <div class="field">
        <label for="op-name">Name</label>
        <input id="op-name" type="text" required maxLength={120} value={name} onInput={(e) => setName(v(e))} />
      </div>
      <div class="field">
        <label for="op-email">Email address</label>
        <input id="op-email" type="email" required value={email} autoComplete="off" onInput={(e) => setEmail(v(e))} />
      </div>
      <div class="field">
        <label for="op-role">Role</label>
        <select id="op-role" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="op-password">Initial password</label>
        <input id="op-password" type="password" required autoComplete="new-password" value={password} onInput={(e) => setPassword(v(e))} />
      </div>
      <fieldset class="field span-2">
        <legend>Business units</legend>
        <div class="checks">
          {list.map((u) => (
            <label key={u.tenant} class="check">
              <input
                type="checkbox"
                checked={chosen.includes(u.tenant)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setTenants(on ? [...chosen, u.tenant] : chosen.filter((t) => t !== u.tenant));
                }}
              />
              {u.name || u.tenant}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="span-2">
        <ErrorBox>{error}</ErrorBox>
        <button type="submit" class="button-primary" disabled={busy}>
          {busy ? "Creating…" : "Create account"}
        </button>
      </div>
    </form>
  );
}

export function OperatorsPage() {
  const who = useStore(me);
  const unitList = useStore(units);
  const [ops, setOps] = useState<Operator[] | null>(null);
  const [seen, setSeen] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState("");

  async function load() {
    try {
      const [operators, teams] = await Promise.all([api.operators(), Promise.all(unitList.map((u) => api.team(u.tenant)))]);
      const last = new Map<string, string>();
      for (const m of teams.flat()) {
        const known = last.get(m.operator.id);
        if (m.last_seen_at && (!known || m.last_seen_at > known)) last.set(m.operator.id, m.last_seen_at);
      }
      setOps(operators);
      setSeen(last);
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }
  useEffect(() => {
    void load();
  }, [unitList]);

  async function update(op: Operator, patch: Partial<Pick<Operator, "role" | "active">>, done: string) {
    try {
      const saved = await api.updateOperator(op.id, patch);
      setOps((list) => list?.map((o) => (o.id === saved.id ? saved : o)) ?? null);
      toast(done, "success");
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  return (
    <div class="page">
      <PageHeader title="Operators" />
      <ErrorBox>{error}</ErrorBox>
      {ops === null && !error ? <Loading /> : null}
      {ops ? (
        <section class="card" aria-labelledby="ops-list">
          <h2 id="ops-list">Accounts</h2>
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Business units</th>
                  <th scope="col">Availability</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {ops.map((o) => {
                  const self = o.id === who?.id;
                  return (
                    <tr key={o.id} class={o.active ? "" : "inactive"}>
                      <th scope="row">{o.name}</th>
                      <td>{o.email}</td>
                      <td>
                        <label for={`role-${o.id}`} class="sr-only">
                          Role of {o.name}
                        </label>
                        <select
                          id={`role-${o.id}`}
                          value={o.role}
                          disabled={self}
                          onChange={(e) => {
                            const role = (e.currentTarget as HTMLSelectElement).value as Role;
                            void update(o, { role }, `${o.name} is now ${role}`);
                          }}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {r}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>{o.tenants.join(", ")}</td>
                      <td>
                        {o.availability}
                        {seen.has(o.id) ? <span class="muted"> · seen {relativeTime(seen.get(o.id))}</span> : null}
                      </td>
                      <td>
                        {o.active ? "active" : "deactivated"}{" "}
                        {self ? null : (
                          <button
                            type="button"
                            class={o.active ? "button-danger" : "button-secondary"}
                            aria-label={`${o.active ? "Deactivate" : "Reactivate"} ${o.name}`}
                            onClick={() => void update(o, { active: !o.active }, `${o.name} ${o.active ? "deactivated" : "reactivated"}`)}
                          >
                            {o.active ? "Deactivate" : "Reactivate"}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <CreateOperator onCreated={() => void load()} />
    </div>
  );
}
