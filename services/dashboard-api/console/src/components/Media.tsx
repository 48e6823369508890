// Files in messages. <img>/<audio>/<video> cannot send an Authorization header, so each file is fetched
// with the bearer token and shown from a blob: URL (allowed by the CSP's img-src blob:). URLs are cached
// for the page's life: reopening a thread does not download its files again.
import { useEffect, useState } from "preact/hooks";
import { ApiError, api } from "../api";
import { bytes } from "../format";
import { errorText } from "../session";
import type { MediaRef } from "../types";
import { Icon } from "./icons";

const cache = new Map<string, Promise<string>>();

function blobUrl(mediaId: string): Promise<string> {
  let p = cache.get(mediaId);
  if (!p) {
    p = api.media(mediaId).then((blob) => URL.createObjectURL(blob));
    p.catch(() => cache.delete(mediaId)); // a failure is retried next time
    cache.set(mediaId, p);
  }
  return p;
}

function kindOf(m: MediaRef): string {
  const mime = m.mime_type ?? "";
  if (m.kind === "sticker" || m.kind === "image" || mime.startsWith("image/")) return "image";
  if (m.kind === "audio" || mime.startsWith("audio/")) return "audio";
  if (m.kind === "video" || mime.startsWith("video/")) return "video";
  return "document";
}

export function MediaItem({ media, caption }: { media: MediaRef; caption: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState("");
  const kind = kindOf(media);
  const name = media.filename || `${media.kind} file`;

  useEffect(() => {
    if (!media.media_id) return undefined;
    let alive = true;
    blobUrl(media.media_id).then(
      (u) => alive && setUrl(u),
      // A customer's file is fetched from the provider after the message arrives: 404 until (unless) it is.
      (err: unknown) =>
        alive && setError(err instanceof ApiError && err.status === 404 ? "not downloaded from the provider" : errorText(err)),
    );
    return () => {
      alive = false;
    };
  }, [media.media_id]);

  if (!media.media_id) {
    return (
      <span class="media-missing">
        <Icon.file /> {name} ({media.kind}; kept at the provider, not in Parley's media store)
      </span>
    );
  }
  if (error) return <span class="media-missing">Could not load {name}: {error}</span>;
  if (!url) return <span class="media-loading">Loading {name}…</span>;
  switch (kind) {
    case "image":
      return (
        <a href={url} target="_blank" rel="noopener" class="media-image">
          <img src={url} alt={caption || media.filename || (media.kind === "sticker" ? "Sticker" : "Image")} loading="lazy" />
        </a>
      );
    case "audio":
      return <audio controls src={url} aria-label={`Audio: ${name}`} />;
    case "video":
      return <video controls src={url} aria-label={`Video: ${name}`} class="media-video" />;
    default:
      return (
        <a href={url} download={media.filename ?? undefined} class="media-doc">
          <Icon.file />
          <span>
            {name}
            {media.size ? <span class="muted"> · {bytes(media.size)}</span> : null}
          </span>
        </a>
      );
  }
}
