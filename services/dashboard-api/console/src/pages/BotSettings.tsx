// The bot's configuration for a business unit (admins): GET/PUT /api/tenants/{tenant}/bot-config.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader, SaveButton, UnitSelect, useSubmit } from "../components/common";
import { CHANNEL_LABEL, dateTime } from "../format";
import { errorText, toast } from "../session";
import { CHANNELS, type BotConfig, type BotSettings } from "../types";
import { useTenantChoice } from "./Knowledge";

function settingsOf(c: BotConfig): BotSettings {
  const { tenant: _t, updated_at: _u, ...rest } = c;
  return rest;
}

export function BotSettingsPage() {
  const [tenant, setTenant] = useTenantChoice();
  const [form, setForm] = useState<BotSettings | null>(null);
  const [updated, setUpdated] = useState<string | null>(null);
  const [languages, setLanguages] = useState("");
  const { busy, error, setError, attempt } = useSubmit();

  useEffect(() => {
    if (!tenant) return;
    setForm(null);
    api.botConfig(tenant).then(
      (c) => {
        setForm(settingsOf(c));
        setLanguages(c.languages.join(", "));
        setUpdated(c.updated_at);
        setError("");
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [tenant]);

  function set<K extends keyof BotSettings>(key: K, value: BotSettings[K]) {
    setForm((f) => (f ? { ...f, [key]: value } : f));
  }

  function submit(e: Event) {
    e.preventDefault();
    if (!form) return;
    void attempt(async () => {
      const body: BotSettings = {
        ...form,
        languages: languages.split(/[\s,]+/).map((l) => l.trim()).filter(Boolean),
        model: form.model?.trim() || null,
        greeting: form.greeting?.trim() || null,
      };
      const saved = await api.putBotConfig(tenant, body);
      setForm(settingsOf(saved));
      setLanguages(saved.languages.join(", "));
      setUpdated(saved.updated_at);
      toast("Bot settings saved", "success");
    });
  }

  const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <div class="page">
      <PageHeader title="Bot settings">
        <UnitSelect id="bot-unit" value={tenant} onChange={setTenant} />
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      {!form && !error ? <Loading /> : null}
      {form ? (
        <form class="card form-grid" onSubmit={submit}>
          {updated ? <p class="muted span-2">Last saved {dateTime(updated)}</p> : <p class="muted span-2">Defaults: nothing saved yet.</p>}
          <div class="field">
            <label for="bot-name">Bot name</label>
            <input id="bot-name" type="text" required maxLength={80} value={form.name} onInput={(e) => set("name", input(e))} />
          </div>
          <div class="field">
            <label for="bot-personality">Personality</label>
            <input id="bot-personality" type="text" maxLength={500} value={form.personality} onInput={(e) => set("personality", input(e))} />
          </div>
          <div class="field span-2">
            <label for="bot-prompt">System prompt</label>
            <textarea id="bot-prompt" rows={5} maxLength={8000} value={form.system_prompt} onInput={(e) => set("system_prompt", input(e))} />
          </div>
          <div class="field span-2">
            <label for="bot-greeting">Greeting</label>
            <textarea id="bot-greeting" rows={2} maxLength={1000} value={form.greeting ?? ""} onInput={(e) => set("greeting", input(e))} />
            <span class="help">Sent when a customer writes for the first time (empty: none).</span>
          </div>
          <div class="field">
            <label for="bot-languages">Languages</label>
            <input id="bot-languages" type="text" value={languages} aria-describedby="bot-languages-help" onInput={(e) => setLanguages(input(e))} />
            <span class="help" id="bot-languages-help">
              ISO 639 codes, comma separated (en, es, pt, hi, …)
            </span>
          </div>
          <div class="field">
            <label for="bot-model">Model</label>
            <input id="bot-model" type="text" value={form.model ?? ""} placeholder="service default" onInput={(e) => set("model", input(e))} />
          </div>
          <div class="field">
            <label for="bot-threshold">Handoff threshold</label>
            <input
              id="bot-threshold"
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={form.handoff_threshold}
              aria-describedby="bot-threshold-help"
              onInput={(e) => set("handoff_threshold", Number(input(e)))}
            />
            <span class="help" id="bot-threshold-help">
              Below this confidence the bot hands the conversation to a person (0–1).
            </span>
          </div>
          <div class="field">
            <label for="bot-temperature">Temperature</label>
            <input id="bot-temperature" type="number" min={0} max={2} step={0.1} value={form.temperature} onInput={(e) => set("temperature", Number(input(e)))} />
          </div>
          <fieldset class="field span-2">
            <legend>Channels</legend>
            <div class="checks">
              {CHANNELS.map((c) => (
                <label key={c} class="check">
                  <input
                    type="checkbox"
                    checked={form.channels.includes(c)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      set("channels", on ? [...form.channels, c] : form.channels.filter((x) => x !== c));
                    }}
                  />
                  {CHANNEL_LABEL[c]}
                </label>
              ))}
            </div>
          </fieldset>
          <label class="check span-2">
            <input type="checkbox" checked={form.knowledge_base_enabled} onChange={(e) => set("knowledge_base_enabled", (e.currentTarget as HTMLInputElement).checked)} />
            Answer from the knowledge base
          </label>
          <SaveButton saving={busy} />
        </form>
      ) : null}
    </div>
  );
}
