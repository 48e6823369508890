// A business unit's saved replies (managers and admins): what operators insert by typing `/` and a short code.
// GET/PUT/DELETE /api/tenants/{tenant}/saved-replies.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader, SaveButton, UnitSelect, useSubmit } from "../components/common";
import { relativeTime } from "../format";
import { errorText, toast } from "../session";
import type { SavedReply } from "../types";
import { useTenantChoice } from "./Knowledge";

const SHORT_CODE = "[a-z0-9][a-z0-9_\\-]{0,39}";

export function SavedRepliesPage() {
  const [tenant, setTenant] = useTenantChoice();
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [code, setCode] = useState("");
  const [text, setText] = useState("");
  const { busy, error, setError, attempt } = useSubmit();

  useEffect(() => {
    if (!tenant) return;
    setReplies(null);
    api.savedReplies(tenant).then(
      (r) => {
        setReplies(r);
        setError("");
      },
      (err: unknown) => setError(errorText(err)),
    );
  }, [tenant]);

  function submit(e: Event) {
    e.preventDefault();
    const shortCode = code.trim().replace(/^\//, "").toLowerCase();
    void attempt(async () => {
      const saved = await api.putSavedReply(tenant, shortCode, text.trim());
      setReplies((list) => [...(list ?? []).filter((r) => r.short_code !== saved.short_code), saved].sort((a, b) => a.short_code.localeCompare(b.short_code)));
      setCode("");
      setText("");
      toast(`/${saved.short_code} saved`, "success");
    });
  }

  async function remove(reply: SavedReply) {
    try {
      await api.deleteSavedReply(tenant, reply.short_code);
      setReplies((list) => list?.filter((r) => r.short_code !== reply.short_code) ?? null);
      toast(`/${reply.short_code} deleted`, "success");
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  return (
    <div class="page">
      <PageHeader title="Saved replies">
        <UnitSelect id="sr-unit" value={tenant} onChange={setTenant} />
      </PageHeader>
      <ErrorBox>{error}</ErrorBox>
      <form class="card form-grid" onSubmit={submit} aria-labelledby="sr-new">
        <h2 id="sr-new" class="span-2">
          Add or replace
        </h2>
        <div class="field">
          <label for="sr-code">Short code</label>
          <input
            id="sr-code"
            type="text"
            required
            maxLength={41}
            pattern={`/?${SHORT_CODE}`}
            value={code}
            placeholder="hours"
            aria-describedby="sr-code-help"
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          <span class="help" id="sr-code-help">
            Operators type / and this in the reply box: lowercase letters, digits, - and _.
          </span>
        </div>
        <div class="field span-2">
          <label for="sr-text">Reply</label>
          <textarea id="sr-text" rows={3} required maxLength={4096} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <SaveButton saving={busy} />
      </form>
      {replies === null && !error ? <Loading /> : null}
      {replies ? (
        <section class="card" aria-labelledby="sr-list">
          <h2 id="sr-list">Saved replies ({replies.length})</h2>
          {replies.length === 0 ? <p class="muted">None yet.</p> : null}
          {replies.length ? (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Short code</th>
                    <th scope="col">Reply</th>
                    <th scope="col">Saved</th>
                    <th scope="col">
                      <span class="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {replies.map((r) => (
                    <tr key={r.short_code}>
                      <th scope="row">/{r.short_code}</th>
                      <td class="pre-wrap">{r.text}</td>
                      <td>{relativeTime(r.updated_at)}</td>
                      <td>
                        <button type="button" class="button-ghost" onClick={() => void remove(r)}>
                          Delete<span class="sr-only"> /{r.short_code}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
