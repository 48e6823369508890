// The reply box: text, attachments (file picker or drag-and-drop onto the thread), Ctrl/Cmd+Enter sends; `/` and
// a short code offers the business unit's saved replies (arrows to choose, Enter or Tab to insert, Esc to close).
// Files are checked against GET /api/threads/attachment-rules before upload so a refusal is explained at
// once. Outside WhatsApp's 24-hour window only a template may be sent: the box becomes a template picker.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../api";
import { bytes } from "../format";
import { errorText, toast } from "../session";
import type { AttachmentRules, CommandOut, SavedReply, TemplateInfo, ThreadView } from "../types";
import { ErrorBox, useSubmit } from "./common";
import { Icon } from "./icons";

let rulesPromise: Promise<AttachmentRules> | null = null;
function attachmentRules(): Promise<AttachmentRules> {
  rulesPromise ??= api.attachmentRules().catch((err: unknown) => {
    rulesPromise = null;
    throw err;
  });
  return rulesPromise;
}

/** Why a file cannot be attached, in words; null when it can. */
export function checkFile(file: File, rules: AttachmentRules | null): string | null {
  if (file.size === 0) return `${file.name}: the file is empty`;
  if (!rules) return null; // the server checks again anyway
  const type = file.type || "application/octet-stream";
  const kind = Object.entries(rules.kinds).find(([, r]) => r.mime_types.includes(type));
  if (!kind) return `${file.name}: ${file.type || "this file type"} cannot be sent (images: JPEG, PNG; PDF, Office documents, text; MP4 video; common audio)`;
  const [name, rule] = kind;
  if (file.size > rule.max_bytes) return `${file.name}: ${name} files may be at most ${bytes(rule.max_bytes)} (this one is ${bytes(file.size)})`;
  return null;
}

const MAX_FILES = 10;

const savedRepliesByUnit = new Map<string, { at: number; replies: Promise<SavedReply[]> }>();
/** A business unit's saved replies, asked again after a minute (managers edit them while operators work). */
function useSavedReplies(tenant: string): SavedReply[] {
  const [replies, setReplies] = useState<SavedReply[]>([]);
  useEffect(() => {
    let cached = savedRepliesByUnit.get(tenant);
    if (!cached || Date.now() - cached.at > 60_000) {
      cached = { at: Date.now(), replies: api.savedReplies(tenant) };
      savedRepliesByUnit.set(tenant, cached);
    }
    let alive = true;
    cached.replies.then(
      (r) => alive && setReplies(r),
      () => {
        savedRepliesByUnit.delete(tenant);
        if (alive) setReplies([]);
      },
    );
    return () => {
      alive = false;
    };
  }, [tenant]);
  return replies;
}

/** The saved replies a `/query` asks for: short codes starting with it first, then containing it, then texts. */
export function savedReplyMatches(replies: SavedReply[], query: string, limit = 8): SavedReply[] {
  const q = query.toLowerCase();
  const rank = (r: SavedReply) =>
    r.short_code.startsWith(q) ? 0 : r.short_code.includes(q) ? 1 : r.text.toLowerCase().includes(q) ? 2 : 3;
  return replies
    .map((r) => [rank(r), r] as const)
    .filter(([n]) => n < 3)
    .sort((a, b) => a[0] - b[0] || a[1].short_code.localeCompare(b[1].short_code))
    .slice(0, limit)
    .map(([, r]) => r);
}

export function useAttachmentRules(): AttachmentRules | null {
  const [rules, setRules] = useState<AttachmentRules | null>(null);
  useEffect(() => {
    attachmentRules().then(setRules, () => setRules(null));
  }, []);
  return rules;
}

/** Add files, refusing (with a toast) those the rules reject. */
export function addFiles(current: File[], incoming: File[], rules: AttachmentRules | null): File[] {
  const out = [...current];
  for (const f of incoming) {
    const why = checkFile(f, rules);
    if (why) {
      toast(why, "error");
      continue;
    }
    if (out.length >= MAX_FILES) {
      toast(`At most ${MAX_FILES} files per reply`, "error");
      break;
    }
    out.push(f);
  }
  return out;
}

function showOutcome(out: CommandOut, what: string): void {
  if (out.outcome === "pending") toast(`${what}: sent, waiting for confirmation…`, "info");
  else if (out.outcome === "unchanged") toast(out.reason ? `${what}: ${out.reason}` : `${what}: nothing to change`, "info");
}

export function Composer({
  thread,
  files,
  setFiles,
  rules,
  onResult,
}: {
  thread: ThreadView;
  files: File[];
  setFiles: (f: File[]) => void;
  rules: AttachmentRules | null;
  onResult: (out: CommandOut) => void;
}) {
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const saved = useSavedReplies(thread.tenant);
  const [pick, setPick] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const slash = /^\/([a-z0-9_-]*)$/i.exec(text);
  const offered = slash && !dismissed ? savedReplyMatches(saved, slash[1] ?? "") : [];

  function insert(reply: SavedReply) {
    setText(reply.text);
    setPick(0);
  }
  const accept = useMemo(() => (rules ? Object.values(rules.kinds).flatMap((k) => k.mime_types).join(",") : undefined), [rules]);

  // A draft per thread survives switching threads.
  useEffect(() => {
    setText(sessionStorage.getItem(`parley.draft.${thread.thread_key}`) ?? "");
    setError("");
  }, [thread.thread_key]);
  useEffect(() => {
    try {
      if (text) sessionStorage.setItem(`parley.draft.${thread.thread_key}`, text);
      else sessionStorage.removeItem(`parley.draft.${thread.thread_key}`);
    } catch {
      /* drafts are a convenience */
    }
  }, [text, thread.thread_key]);

  async function send() {
    const body = text.trim();
    if (!body && files.length === 0) {
      setError("Write a message or attach a file.");
      return;
    }
    setSending(true);
    setError("");
    try {
      const out = files.length ? await api.replyFiles(thread.thread_key, body, files) : await api.replyText(thread.thread_key, body);
      setText("");
      setFiles([]);
      showOutcome(out, "Reply");
      onResult(out);
    } catch (err) {
      setError(errorText(err));
      if (err instanceof ApiError && err.status === 409) toast(err.message, "error");
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {thread.status === "bot" ? <p class="hint">Sending a reply takes the conversation over from the bot.</p> : null}
      <label for="reply" class="sr-only">
        Reply
      </label>
      <textarea
        id="reply"
        rows={3}
        placeholder="Write a reply…  (/ for saved replies; Ctrl+Enter to send; drop files here to attach)"
        value={text}
        maxLength={4096}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          setPick(0);
          setDismissed(false);
        }}
        onKeyDown={(e) => {
          if (offered.length) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setPick((p) => (p + (e.key === "ArrowDown" ? 1 : offered.length - 1)) % offered.length);
              return;
            }
            if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey) || e.key === "Tab") {
              e.preventDefault();
              insert(offered[Math.min(pick, offered.length - 1)]!);
              return;
            }
            if (e.key === "Escape") {
              setDismissed(true);
              return;
            }
          }
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      {offered.length ? (
        <ul class="saved-replies" role="listbox" aria-label="Saved replies">
          {offered.map((r, i) => (
            <li
              key={r.short_code}
              role="option"
              aria-selected={i === Math.min(pick, offered.length - 1)}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the reply box
                insert(r);
              }}
            >
              <span class="saved-code">/{r.short_code}</span> <span class="muted">{r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul class="attachments" aria-label="Attachments">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} class="attachment">
              <Icon.file />
              <span>
                {f.name} <span class="muted">{bytes(f.size)}</span>
              </span>
              <button type="button" class="icon-button" aria-label={`Remove ${f.name}`} onClick={() => setFiles(files.filter((_, j) => j !== i))}>
                <Icon.close />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p class="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div class="composer-bar">
        <input
          id="attach"
          ref={fileInput}
          class="visually-hidden-input"
          type="file"
          multiple
          accept={accept}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            setFiles(addFiles(files, [...(input.files ?? [])], rules));
            input.value = "";
          }}
        />
        <label class="button-ghost file-label" for="attach">
          <Icon.clip />
          <span>Attach files</span>
        </label>
        <button type="submit" class="button-primary" disabled={sending}>
          <Icon.send />
          <span>{sending ? "Sending…" : "Send"}</span>
        </button>
      </div>
    </form>
  );
}

/** A private note for the team, in any status: kept in the thread's timeline, never sent to the customer.
 * Rendered with `key={thread_key}`, so another conversation starts with an empty box. */
export function NoteComposer({ thread, onResult }: { thread: ThreadView; onResult: (out: CommandOut) => void }) {
  const [text, setText] = useState("");
  const { busy: sending, error, setError, attempt } = useSubmit();

  async function add() {
    const body = text.trim();
    if (!body) {
      setError("Write the note first.");
      return;
    }
    await attempt(async () => {
      const out = await api.note(thread.thread_key, body);
      setText("");
      showOutcome(out, "Note");
      onResult(out);
    });
  }

  return (
    <form
      class="composer composer-private"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <p class="hint">Only your team sees private notes; the customer never does. Write @name to tell a colleague.</p>
      <label for="note" class="sr-only">
        Private note
      </label>
      <textarea
        id="note"
        rows={3}
        placeholder="Write a note for your team…  (Ctrl+Enter to add)"
        value={text}
        maxLength={4096}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void add();
          }
        }}
      />
      <ErrorBox>{error}</ErrorBox>
      <div class="composer-bar">
        <button type="submit" class="button-primary" disabled={sending}>
          <span>{sending ? "Adding…" : "Add note"}</span>
        </button>
      </div>
    </form>
  );
}

const templatesByAccount = new Map<string, Promise<TemplateInfo[]>>();
/** A WhatsApp account's approved templates (GET /api/templates?account_id=), asked once per account per page load. */
function approvedTemplates(accountId: string): Promise<TemplateInfo[]> {
  let found = templatesByAccount.get(accountId);
  if (!found) {
    found = api.templates(accountId).catch((err: unknown) => {
      templatesByAccount.delete(accountId); // a 503 (WhatsApp unreachable) is asked again next time
      throw err;
    });
    templatesByAccount.set(accountId, found);
  }
  return found;
}

/** Names for the placeholders: {{1}} after a greeting is the customer's name, which is filled in. */
function placeholderHints(body: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    if (new RegExp(`\\b(hi|hello|dear|hola|ol[áa]|oi|namaste)\\s+\\{\\{\\s*${n}\\s*\\}\\}`, "i").test(body)) return `{{${n}}} Customer name`;
    return `{{${n}}}`;
  });
}

function fill(body: string, params: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (all, n: string) => params[Number(n) - 1] || all);
}

export function TemplatePicker({ thread, onResult }: { thread: ThreadView; onResult: (out: CommandOut) => void }) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [choice, setChoice] = useState(0);
  const [params, setParams] = useState<string[]>([]);
  const { busy: sending, error, setError, attempt } = useSubmit();

  useEffect(() => {
    approvedTemplates(thread.account_id).then(
      (list) => {
        setTemplates(list);
        // Prefer a template in the customer's language.
        const lang = (thread.language ?? "").toLowerCase();
        const exact = list.findIndex((t) => lang && t.language.toLowerCase() === lang);
        const prefix = list.findIndex((t) => lang && t.language.toLowerCase().startsWith(lang));
        setChoice(exact >= 0 ? exact : prefix >= 0 ? prefix : 0);
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [thread.language, thread.account_id]);

  const tpl = templates?.[choice];
  const hints = useMemo(() => (tpl ? placeholderHints(tpl.body, tpl.parameters) : []), [tpl]);
  useEffect(() => {
    setParams(hints.map((h) => (/Customer name/.test(h) ? (thread.contact.name ?? "") : "")));
  }, [hints, thread.contact.name]);

  async function send() {
    if (!tpl) return;
    const missing = hints.findIndex((_, i) => !(params[i] ?? "").trim());
    if (missing >= 0) {
      setError(`Fill in parameter ${hints[missing]}.`);
      return;
    }
    await attempt(async () => {
      const out = await api.replyTemplate(thread.thread_key, { name: tpl.name, language: tpl.language, parameters: params.map((p) => p.trim()) });
      showOutcome(out, "Template");
      onResult(out);
    });
  }

  return (
    <form
      class="composer template-picker"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p class="hint">
        The 24-hour window is closed: WhatsApp only allows an approved template until the customer writes again.
      </p>
      {templates === null && !error ? <p class="loading">Loading templates…</p> : null}
      {templates && templates.length === 0 ? <p class="muted">No templates are approved for this business unit.</p> : null}
      {templates && templates.length ? (
        <>
          <span class="field-inline">
            <label for="template">Template</label>
            <select id="template" value={String(choice)} onChange={(e) => setChoice(Number((e.currentTarget as HTMLSelectElement).value))}>
              {templates.map((t, i) => (
                <option key={`${t.name}-${t.language}`} value={String(i)}>
                  {t.name} ({t.language})
                </option>
              ))}
            </select>
          </span>
          {hints.map((p, i) => (
            <span class="field-inline" key={`param-${i}`}>
              <label for={`tpl-param-${i}`}>{p}</label>
              <input
                id={`tpl-param-${i}`}
                type="text"
                value={params[i] ?? ""}
                onInput={(e) => {
                  const next = [...params];
                  next[i] = (e.currentTarget as HTMLInputElement).value;
                  setParams(next);
                }}
              />
            </span>
          ))}
          {tpl ? (
            <blockquote class="template-preview" aria-label="Preview">
              {tpl.header ? <strong class="template-header">{tpl.header}</strong> : null}
              <span>{fill(tpl.body, params)}</span>
              {tpl.footer ? <small class="template-footer">{tpl.footer}</small> : null}
            </blockquote>
          ) : null}
        </>
      ) : null}
      {error ? (
        <p class="error-box" role="alert">
          {error}
        </p>
      ) : null}
      <div class="composer-bar">
        <button type="submit" class="button-primary" disabled={sending || !tpl}>
          <Icon.send />
          <span>{sending ? "Sending…" : "Send template"}</span>
        </button>
      </div>
    </form>
  );
}
