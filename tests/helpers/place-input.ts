/**
 * A 通いの場 as staff send it, for the integration and browser suites alike (no server module here): only what
 * every place needs (北区, Tuesdays 14:00–15:00); a suite says what differs.
 */
import type { PlaceInput } from "../../shared/local/schemas";

export const placeInput = (overrides: Partial<PlaceInput> = {}): PlaceInput => ({
  ward: "27127",
  area: null,
  kind: "hyakusai",
  name: "扇町いきいき百歳体操",
  nameKana: "",
  address: "大阪市北区扇町2-1",
  building: "",
  latitude: 34.706,
  longitude: 135.513,
  schedule: { rules: [{ weekday: 2, start: "14:00", end: "15:00" }] },
  capacity: null,
  fee: "",
  audience: "",
  contactName: "",
  phone: "",
  url: null,
  barrierFree: "",
  languages: [],
  notes: "",
  confirmedOn: "2026-10-01",
  ...overrides,
});
