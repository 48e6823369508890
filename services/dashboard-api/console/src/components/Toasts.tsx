// Transient messages (an action refused, a reply sent). A polite live region so screen readers hear them;
// errors stay longer and can be dismissed.
import { dismissToast, toasts } from "../session";
import { useStore } from "../store";
import { Icon } from "./icons";

export function Toasts() {
  const list = useStore(toasts);
  return (
    <div class="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} class={`toast toast-${t.kind}`}>
          <span>{t.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick={() => dismissToast(t.id)}>
            <Icon.close />
          </button>
        </div>
      ))}
    </div>
  );
}
