// Channel accounts (admins): which WhatsApp number, page, Instagram account, Telegram bot, mailbox or
// MercadoLibre seller belongs to which business unit. Secrets are write-only: the API only says which are set.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader } from "../components/common";
import { ChannelIcon } from "../components/icons";
import { CHANNEL_LABEL } from "../format";
import { errorText, toast, units } from "../session";
import { useStore } from "../store";
import type { AccountSpec, Channel, ChannelAccountView } from "../types";
import { CHANNELS } from "../types";

type Specs = Record<Channel, AccountSpec>;

function ConnectAccount({ specs, onSaved }: { specs: Specs; onSaved: () => void }) {
  const list = useStore(units);
  const [channel, setChannel] = useState<Channel>("whatsapp");
  const [accountId, setAccountId] = useState("");
  const [tenant, setTenant] = useState("");
  const [name, setName] = useState("");
  const [config, setConfig] = useState<Record<string, string>>({});
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const spec = specs[channel];
  const unit = tenant || (list.length === 1 ? list[0]!.tenant : "");

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError("");
    const filled = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v.trim() !== ""));
    try {
      await api.putChannelAccount(channel, accountId.trim(), {
        tenant: unit,
        name: name.trim() || null,
        config: filled(config),
        secrets: filled(secrets),
        enabled: true,
      });
      toast(`${CHANNEL_LABEL[channel]} account ${accountId} connected to ${unit}`, "success");
      setAccountId("");
      setName("");
      setConfig({});
      setSecrets({});
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const v = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const keys = (names: { required: string[]; optional: string[] }) => [
    ...names.required.map((k) => [k, true] as const),
    ...names.optional.map((k) => [k, false] as const),
  ];
  return (
    <form class="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="new-account">
      <h2 id="new-account" class="span-2">
        Connect an account
      </h2>
      <div class="field">
        <label for="acc-channel">Channel</label>
        <select
          id="acc-channel"
          value={channel}
          onChange={(e) => {
            setChannel((e.currentTarget as HTMLSelectElement).value as Channel);
            setConfig({});
            setSecrets({});
          }}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="acc-unit">Business unit</label>
        <select id="acc-unit" required value={unit} onChange={(e) => setTenant((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">Choose…</option>
          {list.map((u) => (
            <option key={u.tenant} value={u.tenant}>
              {u.name || u.tenant}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="acc-id">Account id</label>
        <input id="acc-id" type="text" required maxLength={320} value={accountId} onInput={(e) => setAccountId(v(e))} aria-describedby="acc-id-hint" />
        <small id="acc-id-hint" class="muted">
          {spec?.account_id}
        </small>
      </div>
      <div class="field">
        <label for="acc-name">Label</label>
        <input id="acc-name" type="text" maxLength={120} value={name} onInput={(e) => setName(v(e))} />
      </div>
      {spec
        ? keys(spec.config).map(([k, required]) => (
            <div class="field" key={`c-${k}`}>
              <label for={`acc-c-${k}`}>
                {k}
                {required ? " (required)" : ""}
              </label>
              <input id={`acc-c-${k}`} type="text" required={required} value={config[k] ?? ""} onInput={(e) => setConfig({ ...config, [k]: v(e) })} />
            </div>
          ))
        : null}
      {spec
        ? keys(spec.secrets).map(([k, required]) => (
            <div class="field" key={`s-${k}`}>
              <label for={`acc-s-${k}`}>
                {k}
                {required ? " (secret, required)" : " (secret)"}
              </label>
              <input
                id={`acc-s-${k}`}
                type="password"
                autoComplete="off"
                required={required}
                value={secrets[k] ?? ""}
                onInput={(e) => setSecrets({ ...secrets, [k]: v(e) })}
              />
            </div>
          ))
        : null}
      <div class="span-2">
        <ErrorBox>{error}</ErrorBox>
        <button type="submit" class="button-primary" disabled={busy || !unit}>
          {busy ? "Connecting…" : "Connect account"}
        </button>
      </div>
    </form>
  );
}

export function ChannelsPage() {
  const [accounts, setAccounts] = useState<ChannelAccountView[] | null>(null);
  const [specs, setSpecs] = useState<Specs | null>(null);
  const [error, setError] = useState("");

  async function load() {
    try {
      const [listed, needs] = await Promise.all([api.channelAccounts(), api.channelSpecs()]);
      setAccounts(listed);
      setSpecs(needs);
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  async function disconnect(a: ChannelAccountView) {
    if (!window.confirm(`Disconnect ${CHANNEL_LABEL[a.channel]} account ${a.account_id}? Its later messages become dead letters.`)) return;
    try {
      await api.deleteChannelAccount(a.channel, a.account_id);
      toast(`${CHANNEL_LABEL[a.channel]} account ${a.account_id} disconnected`, "success");
      await load();
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  return (
    <div class="page">
      <PageHeader title="Channels" />
      <ErrorBox>{error}</ErrorBox>
      {accounts === null && !error ? <Loading /> : null}
      {accounts ? (
        <section class="card" aria-labelledby="acc-list">
          <h2 id="acc-list">Connected accounts</h2>
          {accounts.length === 0 ? <p class="muted">No account is connected: customers' messages become dead letters.</p> : null}
          <div class="table-scroll">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Account</th>
                  <th scope="col">Business unit</th>
                  <th scope="col">Settings</th>
                  <th scope="col">Secrets set</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={`${a.channel}:${a.account_id}`}>
                    <td>
                      <ChannelIcon channel={a.channel} labelled />
                    </td>
                    <th scope="row">
                      {a.name ? (
                        <>
                          {a.name} <span class="muted">{a.account_id}</span>
                        </>
                      ) : (
                        a.account_id
                      )}
                    </th>
                    <td>{a.tenant}</td>
                    <td>
                      {Object.entries(a.config)
                        .map(([k, val]) => `${k}: ${String(val)}`)
                        .join(", ") || <span class="muted">none</span>}
                    </td>
                    <td>{a.secrets_set.join(", ") || <span class="muted">none</span>}</td>
                    <td>
                      <button type="button" class="button-danger" aria-label={`Disconnect ${a.account_id}`} onClick={() => void disconnect(a)}>
                        Disconnect
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {specs ? <ConnectAccount specs={specs} onSaved={() => void load()} /> : null}
    </div>
  );
}
