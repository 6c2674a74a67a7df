/** Wards and areas from the API. Offline, the service worker answers from its cache. */
import { useCallback, useEffect, useState } from "react";
import type { Area, Ward } from "../../../shared/wards/schemas";
import { api, errorKeyOf } from "../api";

export type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "failed"; errorKey: string };

function useLoader<T>(load: () => Promise<T>, key: string | null) {
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

/**
 * One request per list per visit, however many components show it (the header and the page both
 * show the wards). A failed request is forgotten, so "retry" asks the server again.
 */
const requests = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let request = requests.get(key) as Promise<T> | undefined;
  if (!request) {
    request = load();
    requests.set(key, request);
    request.catch(() => requests.delete(key));
  }
  return request;
}

export function useWards() {
  return useLoader<Ward[]>(
    () =>
      once("wards", async () => {
        const response = await api.api.wards.$get();
        if (!response.ok) throw response;
        return (await response.json()).wards;
      }),
    "wards",
  );
}

export function useAreas(ward: string | null) {
  return useLoader<Area[]>(
    () =>
      once(`areas:${ward}`, async () => {
        const response = await api.api.wards[":ward"].areas.$get({ param: { ward: ward as string } });
        if (response.status !== 200) throw response;
        return (await response.json()).areas;
      }),
    ward,
  );
}
