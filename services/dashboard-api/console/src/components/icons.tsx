// Inline SVG icons (no icon font, no CDN). Decorative by default (aria-hidden); where an icon carries
// meaning on its own, the caller adds visible or visually-hidden text next to it.
import type { ComponentChildren } from "preact";
import { CHANNEL_LABEL } from "../format";
import type { DeliveryState } from "../types";

interface SvgProps {
  size?: number;
  class?: string;
  children: ComponentChildren;
  viewBox?: string;
}

function Svg({ size = 16, class: cls, children, viewBox = "0 0 24 24" }: SvgProps) {
  return (
    <svg
      class={cls ? `icon ${cls}` : "icon"}
      width={size}
      height={size}
      viewBox={viewBox}
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const CHANNEL_PATHS: Record<string, { color: string; body: ComponentChildren }> = {
  whatsapp: {
    color: "#1a8d4a",
    body: (
      <>
        <path d="M12 2.5a9.5 9.5 0 0 0-8.2 14.3L2.5 21.5l4.8-1.3A9.5 9.5 0 1 0 12 2.5Z" fill="currentColor" />
        <path
          d="M8.6 7.6c.2-.4.4-.4.7-.4h.5c.2 0 .4 0 .6.5l.8 1.9c.1.2.1.4 0 .6l-.4.6c-.1.2-.2.3 0 .6.5.9 1.5 2 2.8 2.6.3.1.4.1.6-.1l.7-.8c.2-.2.4-.2.6-.1l1.8.9c.3.1.4.2.4.4 0 .5-.2 1.3-.8 1.7-.6.4-1.6.6-3.4-.2a10 10 0 0 1-4.5-4.4c-.6-1.2-.6-2.3.1-3.4Z"
          fill="#fff"
        />
      </>
    ),
  },
  messenger: {
    color: "#0a66d8",
    body: (
      <>
        <path d="M12 2.5c-5.3 0-9.5 3.9-9.5 9 0 2.8 1.3 5.3 3.4 7v3l3-1.7c1 .3 2 .4 3.1.4 5.3 0 9.5-3.9 9.5-8.9S17.3 2.5 12 2.5Z" fill="currentColor" />
        <path d="m6.5 14.5 3.4-5.2 2.8 2.2 3-2.2-3.4 5.2-2.8-2.2-3 2.2Z" fill="#fff" />
      </>
    ),
  },
  instagram: {
    color: "#c1305c",
    body: (
      <>
        <rect x="3" y="3" width="18" height="18" rx="5" fill="none" stroke="currentColor" stroke-width="2" />
        <circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2" />
        <circle cx="17.3" cy="6.7" r="1.2" fill="currentColor" />
      </>
    ),
  },
  telegram: {
    color: "#1b7fb8",
    body: (
      <>
        <circle cx="12" cy="12" r="10" fill="currentColor" />
        <path d="m6 11.8 10.6-4.3c.5-.2.9.1.8.8l-1.8 8.6c-.1.6-.5.7-1 .4l-2.8-2-1.3 1.3c-.2.1-.3.2-.6.2l.2-2.9 5.3-4.8c.2-.2 0-.3-.3-.1l-6.5 4.1-2.8-.9c-.6-.2-.6-.6.2-.9Z" fill="#fff" />
      </>
    ),
  },
  email: {
    color: "#4a5565",
    body: (
      <>
        <rect x="2.5" y="5" width="19" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="m3.5 6.5 8.5 6.5 8.5-6.5" fill="none" stroke="currentColor" stroke-width="2" />
      </>
    ),
  },
  mercadolibre: {
    color: "#2d3277",
    body: (
      <>
        <ellipse cx="12" cy="12" rx="10.5" ry="8" fill="#ffe600" stroke="currentColor" stroke-width="1.5" />
        <path d="M5.5 12.5 8.7 10l3.3 1.6L15.3 10l3.2 2.5M8.5 13.5l1.6 1.4M10.5 12.5l2 1.8M13 12.3l1.8 1.5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
      </>
    ),
  },
};

export function ChannelIcon({ channel, size = 16, labelled = false }: { channel: string; size?: number; labelled?: boolean }) {
  const def = CHANNEL_PATHS[channel];
  const label = CHANNEL_LABEL[channel] ?? channel;
  return (
    <span class="channel-icon" style={def ? { color: def.color } : undefined} title={label}>
      <Svg size={size}>{def ? def.body : <circle cx="12" cy="12" r="9" fill="currentColor" />}</Svg>
      {labelled ? <span class="sr-only">{label}</span> : null}
    </span>
  );
}

/** Delivery ticks: sent ✓, delivered ✓✓, read blue ✓✓, failed red (!), queued a clock. Always with text
 * for screen readers (the caller shows it in a title too). */
export function Ticks({ status }: { status: DeliveryState | null }) {
  if (!status) return null;
  const label = { queued: "Queued", sent: "Sent", delivered: "Delivered", read: "Read", failed: "Failed" }[status];
  let body: ComponentChildren;
  if (status === "queued") {
    body = (
      <>
        <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M12 8v4l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </>
    );
  } else if (status === "failed") {
    body = (
      <>
        <circle cx="12" cy="12" r="9" fill="currentColor" />
        <path d="M12 7v6M12 16.5v.5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" />
      </>
    );
  } else if (status === "sent") {
    body = <path d="m5 12.5 4 4 10-10" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />;
  } else {
    body = (
      <>
        <path d="m2 12.5 4 4 10-10" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        <path d="m9.5 16.5 1 0 10-10" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      </>
    );
  }
  return (
    <span class={`ticks ticks-${status}`} title={label}>
      <Svg size={16}>{body}</Svg>
      <span class="sr-only">{label}</span>
    </span>
  );
}

export function StatusIcon({ status }: { status: string }) {
  switch (status) {
    case "bot":
      return (
        <Svg size={12}>
          <rect x="4" y="7" width="16" height="12" rx="3" fill="currentColor" />
          <path d="M12 3v4" stroke="currentColor" stroke-width="2" />
          <circle cx="9" cy="13" r="1.6" fill="#fff" />
          <circle cx="15" cy="13" r="1.6" fill="#fff" />
        </Svg>
      );
    case "needs_human":
      return (
        <Svg size={12}>
          <path d="M12 2 1.5 21h21L12 2Z" fill="currentColor" />
          <path d="M12 9v5M12 17v.5" stroke="#fff" stroke-width="2.2" stroke-linecap="round" />
        </Svg>
      );
    case "human":
      return (
        <Svg size={12}>
          <circle cx="12" cy="8" r="4.5" fill="currentColor" />
          <path d="M3.5 21a8.5 8.5 0 0 1 17 0Z" fill="currentColor" />
        </Svg>
      );
    default:
      return (
        <Svg size={12}>
          <path d="m4 12.5 5 5 11-11" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
        </Svg>
      );
  }
}

export const Icon = {
  bell: () => (
    <Svg size={20}>
      <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6ZM9.5 19a2.5 2.5 0 0 0 5 0" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    </Svg>
  ),
  clip: () => (
    <Svg size={18}>
      <path d="m20 11-8.5 8.5a5 5 0 0 1-7-7L13 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L14 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </Svg>
  ),
  send: () => (
    <Svg size={18}>
      <path d="M3 20.5 21.5 12 3 3.5l2.5 8.5L3 20.5Zm2.5-8.5h8" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    </Svg>
  ),
  back: () => (
    <Svg size={18}>
      <path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </Svg>
  ),
  search: () => (
    <Svg size={16}>
      <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="m16 16 5 5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </Svg>
  ),
  close: () => (
    <Svg size={16}>
      <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
    </Svg>
  ),
  person: () => (
    <Svg size={18}>
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M4 21a8 8 0 0 1 16 0" fill="none" stroke="currentColor" stroke-width="2" />
    </Svg>
  ),
  file: () => (
    <Svg size={18}>
      <path d="M6 2.5h8l5 5v14H6Z M14 2.5v5h5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
    </Svg>
  ),
  pin: () => (
    <Svg size={18}>
      <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21Z" fill="none" stroke="currentColor" stroke-width="2" />
      <circle cx="12" cy="9.5" r="2.5" fill="currentColor" />
    </Svg>
  ),
  logo: () => (
    <Svg size={22}>
      <path d="M4 4h11a5 5 0 0 1 5 5v3a5 5 0 0 1-5 5H9l-5 4Z" fill="currentColor" />
      <path d="M8 9.5h8M8 12.5h5" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
    </Svg>
  ),
};
