// Formatting in the browser's locale (dates, times, numbers) and small text helpers.

const locale = undefined; // the browser's

export function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });

/** "5 min ago", "yesterday"; exact time is in the element's title/datetime. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  const d = parseDate(iso);
  if (!d) return "";
  const secs = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(secs);
  if (abs < 45) return "now";
  if (abs < 3600) return rtf.format(Math.round(secs / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(secs / 3600), "hour");
  if (abs < 7 * 86400) return rtf.format(Math.round(secs / 86400), "day");
  return d.toLocaleDateString(locale, { day: "numeric", month: "short" });
}

export function timeOf(iso: string): string {
  const d = parseDate(iso);
  return d ? d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" }) : "";
}

export function dateTime(iso: string | null | undefined): string {
  const d = parseDate(iso);
  return d ? d.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "";
}

export function dayKey(iso: string): string {
  const d = parseDate(iso);
  return d ? `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}` : "";
}

/** "Today", "Yesterday" or the full date, for separators in the conversation. */
export function dayLabel(iso: string): string {
  const d = parseDate(iso);
  if (!d) return "";
  const today = new Date();
  const y = new Date(today);
  y.setDate(today.getDate() - 1);
  const same = (a: Date, b: Date) =>
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  if (same(d, today)) return "Today";
  if (same(d, y)) return "Yesterday";
  return d.toLocaleDateString(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** Seconds as "4 m 12 s", "2 h 5 m", "3 d 4 h"; null → "–". */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "–";
  let s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} m` : `${h} h`;
  return s ? `${m} m ${s} s` : `${m} m`;
}

/** A coarse time left: "3 h", "25 min". */
export function timeLeft(ms: number): string {
  const mins = Math.max(0, Math.round(ms / 60000));
  if (mins < 60) return `${mins} min`;
  const h = Math.floor(mins / 60);
  return h < 48 ? `${h} h` : `${Math.floor(h / 24)} d`;
}

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const nf = new Intl.NumberFormat(locale);
export function num(n: number): string {
  return nf.format(n);
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(x < 0.1 ? 1 : 0)} %`;
}

export function initials(name: string): string {
  const words = name.replace(/[^\p{L}\p{N} ]/gu, " ").split(/\s+/).filter(Boolean);
  const out = words.length > 1 ? (words[0]![0] ?? "") + (words[1]![0] ?? "") : name.slice(0, 2);
  return out.toUpperCase();
}

export function humanize(s: string): string {
  const t = s.replace(/_/g, " ");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export const STATUS_LABEL: Record<string, string> = {
  bot: "Bot",
  needs_human: "Needs a person",
  human: "With a person",
  resolved: "Resolved",
};

export const CHANNEL_LABEL: Record<string, string> = {
  whatsapp: "WhatsApp",
  messenger: "Messenger",
  instagram: "Instagram",
  telegram: "Telegram",
  email: "Email",
  mercadolibre: "Mercado Libre",
};

const HANDOFF: Record<string, string> = {
  customer_asked: "The customer asked for a person",
  low_confidence: "The bot was not confident enough to answer",
  no_answer: "The knowledge base has no answer",
  flow: "A question flow handed over",
  operator: "An operator took over",
  delivery_failed: "A reply could not be delivered",
  needs_person: "The customer sent something only a person can handle",
};

export function handoffText(reason: string): string {
  return HANDOFF[reason] ?? humanize(reason);
}
