/** Data a console page waits for: the app's LoadState while loading or after a failure (with retry), then the content. */
import type { ReactNode } from "react";
import type { Loaded as LoadedState } from "../app/data";
import { LoadState } from "../app/shell/LoadState";

export function Loaded<T>({
  of,
  waiting,
  children,
}: {
  /** What useLoader returned. */
  of: { state: LoadedState<T>; retry: () => void };
  /** Shown above the status while there is no content yet (a page's heading, when the content brings its own). */
  waiting?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { state, retry } = of;
  if (state.status === "ready") return children(state.data);
  return (
    <>
      {waiting}
      <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
    </>
  );
}
