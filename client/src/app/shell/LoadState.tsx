/** The loading and failed states of data a page waits for: a status while loading, a retry when it failed. */
import { T } from "../i18n/T";

/** Only the waiting part, for data that cannot fail to load (it is on the device). */
export function Loading() {
  return (
    <p role="status" aria-busy="true">
      <T k="common.loading" />
    </p>
  );
}

export function LoadState({ state, failedKey, onRetry }: { state: "loading" | "failed"; failedKey: string; onRetry: () => void }) {
  if (state === "loading") return <Loading />;
  return (
    <div role="alert">
      <p>
        <T k={failedKey} />
      </p>
      <button type="button" className="button" onClick={onRetry}>
        <T k="common.retry" />
      </button>
    </div>
  );
}
