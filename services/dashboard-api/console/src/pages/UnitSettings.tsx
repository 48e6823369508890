// A business unit's profile and conversation policy (admins): GET/PUT /api/business-units/{tenant}.
// Saving refreshes the units every page shows (names, logos).
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader, SaveButton, UnitSelect, useSubmit } from "../components/common";
import { dateTime } from "../format";
import { toast, units } from "../session";
import { useStore } from "../store";
import type { BusinessUnit, UnitSettings } from "../types";
import { useTenantChoice } from "./Knowledge";

const ZONES: string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function settingsOf(u: BusinessUnit): UnitSettings {
  const { tenant: _t, updated_at: _u, ...rest } = u;
  return rest;
}

/** Seconds as hours for the form ("" = never), and back. */
function hoursOf(seconds: number | null): string {
  return seconds === null ? "" : String(Math.round((seconds / 3600) * 10000) / 10000);
}
function secondsOf(hours: string): number | null {
  return hours.trim() === "" ? null : Math.max(1, Math.round(Number(hours) * 3600));
}

export function UnitSettingsPage() {
  const [tenant, setTenant] = useTenantChoice();
  const list = useStore(units);
  const unit = list.find((u) => u.tenant === tenant);
  const [form, setForm] = useState<UnitSettings | null>(null);
  const [idleHours, setIdleHours] = useState("");
  const { busy, error, setError, attempt } = useSubmit();

  useEffect(() => {
    if (!unit) return;
    setForm(settingsOf(unit));
    setIdleHours(hoursOf(unit.idle_timeout_seconds));
    setError("");
  }, [unit]);

  function set<K extends keyof UnitSettings>(key: K, value: UnitSettings[K]) {
    setForm((f) => (f ? { ...f, [key]: value } : f));
  }

  function submit(e: Event) {
    e.preventDefault();
    if (!form) return;
    void attempt(async () => {
      const saved = await api.putUnit(tenant, {
        ...form,
        name: form.name?.trim() || null,
        logo_url: form.logo_url?.trim() || null,
        whatsapp_number: form.whatsapp_number?.trim() || null,
        idle_timeout_seconds: secondsOf(idleHours),
      });
      units.set(units.get().map((u) => (u.tenant === saved.tenant ? saved : u)));
      toast("Business unit saved", "success");
    });
  }

  const input = (e: Event) => (e.currentTarget as HTMLInputElement).value;

  return (
    <div class="page">
      <PageHeader title="Business unit">
        <UnitSelect id="unit-unit" value={tenant} onChange={setTenant} />
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      {!form && !error ? <Loading /> : null}
      {form && unit ? (
        <form class="card form-grid" onSubmit={submit}>
          <p class="muted span-2">{unit.updated_at ? `Last saved ${dateTime(unit.updated_at)}` : "Defaults: nothing saved yet."}</p>
          <div class="field">
            <label for="unit-name">Display name</label>
            <input id="unit-name" type="text" maxLength={120} value={form.name ?? ""} placeholder={unit.tenant} onInput={(e) => set("name", input(e))} />
          </div>
          <div class="field">
            <label for="unit-logo">Logo URL</label>
            <input id="unit-logo" type="url" maxLength={2000} value={form.logo_url ?? ""} onInput={(e) => set("logo_url", input(e))} />
          </div>
          <div class="field">
            <label for="unit-zone">Time zone</label>
            <input
              id="unit-zone"
              type="text"
              list="unit-zones"
              required
              value={form.time_zone}
              aria-describedby="unit-zone-help"
              onInput={(e) => set("time_zone", input(e))}
            />
            <datalist id="unit-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <span class="help" id="unit-zone-help">
              Analytics count this unit's days from midnight here (this browser: {BROWSER_ZONE}). A change applies to what is counted from then on.
            </span>
          </div>
          <div class="field">
            <label for="unit-idle">Close silent conversations after (hours)</label>
            <input id="unit-idle" type="number" min={0.001} step="any" value={idleHours} placeholder="never" aria-describedby="unit-idle-help" onInput={(e) => setIdleHours(input(e))} />
            <span class="help" id="unit-idle-help">
              With no customer message for this long a conversation is resolved and the bot starts afresh (empty: never).
            </span>
          </div>
          <div class="field">
            <label for="unit-cap">Conversations per operator, at most</label>
            <input id="unit-cap" type="number" min={1} max={1000} step={1} required value={form.max_open_per_operator} onInput={(e) => set("max_open_per_operator", Number(input(e)))} />
          </div>
          <div class="field">
            <label for="unit-whatsapp">WhatsApp number</label>
            <input
              id="unit-whatsapp"
              type="text"
              inputMode="numeric"
              pattern="[1-9][0-9]{6,14}"
              value={form.whatsapp_number ?? ""}
              aria-describedby="unit-whatsapp-help"
              onInput={(e) => set("whatsapp_number", input(e))}
            />
            <span class="help" id="unit-whatsapp-help">
              Digits with the country code, no + (for the contact pages' click-to-chat links).
            </span>
          </div>
          <label class="check span-2">
            <input type="checkbox" checked={form.email_managers} onChange={(e) => set("email_managers", (e.currentTarget as HTMLInputElement).checked)} />
            Email managers when a conversation needs a person
          </label>
          <SaveButton saving={busy} />
        </form>
      ) : null}
    </div>
  );
}
