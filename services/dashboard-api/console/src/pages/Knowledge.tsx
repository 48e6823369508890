// Knowledge base of a business unit (admins): upload a PDF, list and delete documents, and ask what the
// bot would answer to a customer's message.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { ErrorBox, Loading, PageHeader, UnitSelect } from "../components/common";
import { bytes, dateTime, num } from "../format";
import { errorText, toast, units } from "../session";
import { useStore } from "../store";
import type { DocumentInfo, SearchResponse } from "../types";

export function useTenantChoice(): [string, (t: string) => void] {
  const list = useStore(units);
  const [tenant, setTenant] = useState(() => sessionStorage.getItem("parley.adminTenant") ?? "");
  const valid = list.some((u) => u.tenant === tenant) ? tenant : (list[0]?.tenant ?? "");
  return [
    valid,
    (t: string) => {
      sessionStorage.setItem("parley.adminTenant", t);
      setTenant(t);
    },
  ];
}

export function KnowledgePage() {
  const [tenant, setTenant] = useTenantChoice();
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [error, setError] = useState("");
  const [uploading, setUploading] = useState(false);
  const [q, setQ] = useState("");
  const [answer, setAnswer] = useState<SearchResponse | null>(null);
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState("");

  async function load() {
    if (!tenant) return;
    try {
      setDocs(await api.documents(tenant));
      setError("");
    } catch (err) {
      setError(errorText(err));
    }
  }

  useEffect(() => {
    setDocs(null);
    setAnswer(null);
    void load();
  }, [tenant]);

  async function upload(file: File) {
    if (!file.name.toLowerCase().endsWith(".pdf") && file.type !== "application/pdf") {
      setError(`${file.name} is not a PDF.`);
      return;
    }
    if (file.size > 20 * 1024 * 1024) {
      setError(`${file.name} is larger than 20 MB.`);
      return;
    }
    setUploading(true);
    setError("");
    try {
      const out = await api.uploadDocument(tenant, file);
      toast(`${file.name} uploaded (${num(Number(out.chunks ?? 0))} sections indexed)`, "success");
      await load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setUploading(false);
    }
  }

  async function remove(doc: DocumentInfo) {
    if (!window.confirm(`Delete ${doc.filename}? The bot stops using it at once.`)) return;
    try {
      await api.deleteDocument(tenant, doc.document_id);
      toast(`${doc.filename} deleted`, "success");
      await load();
    } catch (err) {
      toast(errorText(err), "error");
    }
  }

  async function ask(e: Event) {
    e.preventDefault();
    if (!q.trim()) return;
    setAsking(true);
    setAskError("");
    try {
      setAnswer(await api.searchKnowledge(tenant, q.trim()));
    } catch (err) {
      setAskError(errorText(err));
    } finally {
      setAsking(false);
    }
  }

  return (
    <div class="page">
      <PageHeader title="Knowledge base">
        <UnitSelect id="kb-unit" value={tenant} onChange={setTenant} />
      </PageHeader>
      <section class="card" aria-labelledby="kb-docs">
        <h2 id="kb-docs">Documents</h2>
        <p class="muted">
          Text PDFs up to 20 MB. Uploading a file with the same name replaces it. Scanned PDFs without a text layer are refused.
        </p>
        <div class="field-inline upload">
          <label for="kb-upload">Upload PDF</label>
          <input
            id="kb-upload"
            type="file"
            accept="application/pdf,.pdf"
            disabled={uploading || !tenant}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = "";
              if (file) void upload(file);
            }}
          />
          {uploading ? <span role="status">Uploading and indexing…</span> : null}
        </div>
        <ErrorBox>{error}</ErrorBox>
        {docs === null && !error ? <Loading /> : null}
        {docs && docs.length === 0 ? <p class="muted">No documents yet: the bot hands every question to a person.</p> : null}
        {docs && docs.length ? (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Pages</th>
                <th scope="col">Sections</th>
                <th scope="col">Size</th>
                <th scope="col">Uploaded</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.document_id}>
                  <th scope="row">{d.filename}</th>
                  <td>{num(d.pages)}</td>
                  <td title={d.sections.slice(0, 20).join("\n")}>{num(d.chunks)}</td>
                  <td>{bytes(d.size_bytes)}</td>
                  <td>{dateTime(d.uploaded_at)}</td>
                  <td>
                    <button type="button" class="button-danger" aria-label={`Delete ${d.filename}`} onClick={() => void remove(d)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section class="card" aria-labelledby="kb-ask-title">
        <h2 id="kb-ask-title">Try it</h2>
        <form class="ask" onSubmit={(e) => void ask(e)}>
          <label for="kb-ask">What would the bot answer to…</label>
          <div class="ask-row">
            <input id="kb-ask" type="text" value={q} placeholder="e.g. What are your opening hours?" onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" class="button-primary" disabled={asking || !q.trim()}>
              Ask
            </button>
          </div>
        </form>
        <ErrorBox>{askError}</ErrorBox>
        {answer ? (
          <div class="answer" aria-live="polite">
            {answer.answer ? (
              <>
                <h3>
                  Answer{answer.section ? ` from “${answer.section}”` : ""} <span class="muted">(confidence {answer.confidence.toFixed(2)})</span>
                </h3>
                <blockquote>{answer.answer}</blockquote>
              </>
            ) : (
              <p>
                <strong>No answer:</strong> the bot would hand this to a person.
              </p>
            )}
            {answer.hits.length ? (
              <>
                <h3>Top matches</h3>
                <ol class="hits">
                  {answer.hits.slice(0, 5).map((h, i) => (
                    <li key={i}>
                      <strong>{h.section ?? "(no section)"}</strong> <span class="muted">score {h.score.toFixed(3)}</span>
                      <p class="snippet">{h.text.length > 300 ? `${h.text.slice(0, 300)}…` : h.text}</p>
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p class="muted">No section matched.</p>
            )}
          </div>
        ) : null}
      </section>
    </div>
  );
}
