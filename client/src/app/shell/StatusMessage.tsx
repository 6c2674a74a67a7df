/** The outcome of an action, in words: announced politely when it went well, at once (alert) when it did not. */
import { T } from "../i18n/T";

export interface StatusText {
  key: string;
  values?: Record<string, string | number>;
  error?: boolean;
}

/** Rendered with no message, it keeps the live region in place, so the next one is announced. */
export function StatusMessage({ message }: { message: StatusText | null }) {
  return (
    <p role={message?.error ? "alert" : "status"} className={message ? (message.error ? "error" : "ok") : undefined}>
      {message && <T k={message.key} values={message.values} />}
    </p>
  );
}
