/** Loading API data into components: a small state machine with retry, and one request per key per visit where wanted. */
import { useCallback, useEffect, useState } from "react";
import { errorKeyOf } from "./errors";

export type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; errorKey: string };

/** Loads when `key` changes (null: not yet), and again on retry. */
export function useLoader<T>(load: () => Promise<T>, key: string | null) {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is recreated each render; `key` and `attempt` say when to load again
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState({ status: "loading" });
    load().then(
      (data) => current && setState({ status: "ready", data }),
      async (error: unknown) => {
        const errorKey = await errorKeyOf(error);
        if (current) setState({ status: "failed", errorKey });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

const requests = new Map<string, Promise<unknown>>();
/**
 * One request per key per visit, however many components show it (the header and the page both
 * show the wards). A failed request is forgotten, so "retry" asks the server again.
 */
export function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let request = requests.get(key) as Promise<T> | undefined;
  if (!request) {
    request = load();
    requests.set(key, request);
    request.catch(() => requests.delete(key));
  }
  return request;
}
