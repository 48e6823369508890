import type { ComponentChildren } from "preact";
import { onLinkClick } from "../router";

interface LinkProps {
  href: string;
  children: ComponentChildren;
  class?: string;
  "aria-label"?: string;
  "aria-current"?: "page" | "true" | undefined;
}

/** An <a href> that navigates in place (pushState) on a plain click. */
export function Link({ href, children, ...rest }: LinkProps) {
  return (
    <a href={href} onClick={onLinkClick} {...rest}>
      {children}
    </a>
  );
}
