/** Wards and areas from the API. Offline, the service worker answers from its cache. Wards come in the city's official order. */
import { inWardOrder } from "../../../shared/wards/order";
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
        // Sorted here too: an answer cached by an older version of the app came in the order of the codes.
        return inWardOrder((await response.json()).wards, (ward) => ward.code);
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
