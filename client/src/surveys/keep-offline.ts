/**
 * Keeping the list's surveys on the device: when the list loads online, each open survey on it (the
 * resident's ward's and the city's) is fetched whole — questions, closing time, its ward's 地域 when
 * it asks for one — and saved in IndexedDB (db/saved-surveys.ts), so it opens and can be answered
 * offline, a letter's link included. Only new or changed surveys are fetched again.
 */
import type { SurveySummary } from "../../../shared/surveys/model";
import type { Area } from "../../../shared/wards/schemas";
import { api } from "../app/api";
import { keepSurveys, savedVersions } from "../db/saved-surveys";
import type { SavedSurvey } from "../db/schemas";

async function fetchSurvey(id: string) {
  const response = await api.api.surveys[":id"].$get({ param: { id } });
  if (response.status !== 200) throw new Error(`survey ${id}: ${response.status}`);
  return response.json();
}

async function fetchAreas(ward: string): Promise<Area[]> {
  const response = await api.api.wards[":ward"].areas.$get({ param: { ward } });
  if (response.status !== 200) throw new Error(`areas of ${ward}: ${response.status}`);
  return (await response.json()).areas;
}

/** Saves every open survey of the list not saved yet (or changed since); answers whether all of them are on the device. */
export async function keepForOffline(list: readonly SurveySummary[]): Promise<boolean> {
  const open = list.filter((summary) => summary.status === "open");
  const versions = await savedVersions();
  const stale = open.filter((summary) => versions.get(summary.id) !== summary.version);
  const areas = new Map<string, Promise<Area[]>>();
  const areasOf = (ward: string) => {
    let request = areas.get(ward);
    if (!request) {
      request = fetchAreas(ward);
      areas.set(ward, request);
    }
    return request;
  };
  const results = await Promise.allSettled(
    stale.map(async (summary): Promise<SavedSurvey> => {
      const survey = await fetchSurvey(summary.id);
      const needsAreas = survey.ward !== null && survey.definition.profile.includes("area");
      return { id: survey.id, survey, areas: needsAreas && survey.ward ? await areasOf(survey.ward) : [], savedAt: Date.now() };
    }),
  );
  const fetched = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  // A survey that could not be fetched now keeps its older saved copy, if any.
  await keepSurveys(fetched, new Set(open.map((summary) => summary.id)));
  return fetched.length === stale.length;
}
