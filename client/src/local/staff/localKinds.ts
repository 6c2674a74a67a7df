/**
 * The four kinds of local information staff keep (通いの場 places, 町会 associations, 地活協
 * councils, 区政会議 meetings): each kind's form as a list of fields, and a new item's values.
 * The forms are built from these lists; the server validates.
 */
import { associationActivities, placeKinds } from "../../../../shared/local/schemas";
import { languageNames, locales } from "../../../../shared/locales/locales";
import { jstDateTime, jstParts, jstToday } from "../../../../shared/time";

export const tabs = ["places", "associations", "councils", "meetings", "joins"] as const;
export type Tab = (typeof tabs)[number];
export type Kind = Exclude<Tab, "joins">;
export type Item = Record<string, unknown> & { id: string; ward: string };

export type Field =
  | {
      key: string;
      type:
        | "text"
        | "textarea"
        | "url"
        | "date"
        | "datetime"
        | "number"
        | "lines"
        | "schedule"
        | "projects"
        | "area"
        | "nullableNumber"
        | "poll";
    }
  | { key: string; type: "select" | "checks"; options: readonly string[]; label: (option: string) => string };

export const fieldsOf = (kind: Kind): Field[] => {
  switch (kind) {
    case "places":
      return [
        { key: "kind", type: "select", options: placeKinds, label: (k) => `places.kinds.${k}` },
        { key: "name", type: "text" },
        { key: "nameKana", type: "text" },
        { key: "area", type: "area" },
        { key: "address", type: "text" },
        { key: "building", type: "text" },
        { key: "latitude", type: "number" },
        { key: "longitude", type: "number" },
        { key: "schedule", type: "schedule" },
        { key: "capacity", type: "nullableNumber" },
        { key: "fee", type: "text" },
        { key: "audience", type: "text" },
        { key: "contactName", type: "text" },
        { key: "phone", type: "text" },
        { key: "url", type: "url" },
        { key: "barrierFree", type: "text" },
        {
          key: "languages",
          type: "checks",
          options: locales.filter((l) => l !== "ja"),
          label: (l) => languageNames[l as (typeof locales)[number]].label,
        },
        { key: "notes", type: "textarea" },
        { key: "confirmedOn", type: "date" },
      ];
    case "associations":
      return [
        { key: "name", type: "text" },
        { key: "nameKana", type: "text" },
        { key: "area", type: "area" },
        { key: "chome", type: "lines" },
        { key: "activities", type: "checks", options: associationActivities, label: (a) => `community.activities.${a}` },
        { key: "feeMinYen", type: "number" },
        { key: "feeMaxYen", type: "number" },
        { key: "howToJoin", type: "textarea" },
        { key: "notes", type: "textarea" },
      ];
    case "councils":
      return [
        { key: "name", type: "text" },
        { key: "area", type: "area" },
        { key: "activities", type: "textarea" },
        { key: "projects", type: "projects" },
        { key: "contact", type: "text" },
        { key: "url", type: "url" },
      ];
    case "meetings":
      return [
        { key: "title", type: "text" },
        { key: "startsAt", type: "datetime" },
        { key: "endsAt", type: "datetime" },
        { key: "place", type: "text" },
        { key: "agenda", type: "textarea" },
        { key: "liveUrl", type: "url" },
        { key: "recordingUrl", type: "url" },
        { key: "minutesUrl", type: "url" },
        { key: "pollSurveyId", type: "poll" },
      ];
  }
};

/** A new item of a kind in a ward, as the add form starts it (a meeting: two weeks on, 19:00–21:00 in Japan). */
export function blank(kind: Kind, ward: string, now = new Date()): Record<string, unknown> {
  switch (kind) {
    case "places":
      return {
        ward,
        area: null,
        kind: "hyakusai",
        name: "",
        nameKana: "",
        address: "",
        building: "",
        latitude: 34.69,
        longitude: 135.5,
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
        confirmedOn: jstToday(now),
      };
    case "associations":
      return {
        ward,
        area: null,
        name: "",
        nameKana: "",
        chome: [],
        activities: ["disaster_drill"],
        feeMinYen: 0,
        feeMaxYen: 0,
        howToJoin: "",
        notes: "",
      };
    case "councils":
      return { ward, area: `${ward}-01`, name: "", activities: "", projects: [], contact: "", url: null };
    case "meetings": {
      const day = jstParts(new Date(now.getTime() + 14 * 86_400_000)).date;
      return {
        ward,
        title: "",
        startsAt: jstDateTime(day, "19:00"),
        endsAt: jstDateTime(day, "21:00"),
        place: "",
        agenda: "",
        liveUrl: null,
        recordingUrl: null,
        minutesUrl: null,
        pollSurveyId: null,
      };
    }
  }
}

/** What an item is called in the list, in messages and in button names. */
export const titleOf = (item: Record<string, unknown>): string => String(item.name ?? item.title ?? "");
