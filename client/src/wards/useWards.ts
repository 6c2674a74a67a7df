/** Wards and areas from the API. Offline, the service worker answers from its cache. */
import type { Area, Ward } from "../../../shared/wards/schemas";
import { api } from "../app/api";
import { once, useLoader } from "../app/data";

export type { Loaded } from "../app/data";

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
