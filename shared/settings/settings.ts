/**
 * A resident's settings, kept on the device (IndexedDB) and re-parsed with this schema
 * whenever they are loaded, so a damaged or older record falls back to defaults
 * instead of breaking the app.
 */
import { z } from "zod/mini";
import { locales } from "../locales/locales";
import { AreaId, WardCode } from "../wards/schemas";

export const textSizes = ["standard", "large", "xlarge"] as const;
export type TextSize = (typeof textSizes)[number];

export const Settings = z.object({
  /** 区: the resident's ward, unset until they choose one */
  ward: z.nullable(WardCode),
  /** 地域: the resident's area within the ward, optional */
  area: z.nullable(AreaId),
  locale: z.enum(locales),
  textSize: z.enum(textSizes),
});
export type Settings = z.infer<typeof Settings>;
