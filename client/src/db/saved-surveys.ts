/**
 * Surveys saved on the device from the list (surveys/keep-offline.ts), so any survey on the list
 * opens and can be answered without a signal, and which surveys the resident has opened (the
 * others are marked 新着). Each record is re-parsed when read: a damaged one counts as not saved.
 */
import { db, valid, validOne } from "./database";
import { OpenedSurvey, SavedSurvey } from "./schemas";

export async function savedSurvey(id: string): Promise<SavedSurvey | null> {
  return validOne(SavedSurvey, await db.savedSurveys.get(id));
}

/** The sampled surveys saved on this device and still open: where a letter's code may belong when it cannot be checked (offline). */
export async function savedOpenSampledSurveys(now = Date.now()): Promise<SavedSurvey[]> {
  return valid(SavedSurvey, await db.savedSurveys.toArray()).filter(
    (saved) => saved.survey.kind === "sampled" && saved.survey.status === "open" && Date.parse(saved.survey.closesAt) > now,
  );
}

/** The version of each saved survey, to fetch again only those that changed. */
export async function savedVersions(): Promise<Map<string, number>> {
  return new Map(valid(SavedSurvey, await db.savedSurveys.toArray()).map((saved) => [saved.id, saved.survey.version]));
}

/**
 * Saves the surveys fetched now and forgets the saved ones no longer on the list (closed, or of
 * another ward), in one transaction. A draft keeps its own copy, so forgetting loses no answer.
 */
export async function keepSurveys(fetched: readonly SavedSurvey[], onList: ReadonlySet<string>): Promise<void> {
  const rows = fetched.map((saved) => SavedSurvey.parse(saved));
  await db.transaction("rw", db.savedSurveys, async () => {
    await db.savedSurveys.bulkPut(rows);
    const gone = (await db.savedSurveys.toCollection().primaryKeys()).filter((id) => !onList.has(id));
    await db.savedSurveys.bulkDelete(gone);
  });
}

export async function markOpened(id: string): Promise<void> {
  if (!(await db.openedSurveys.get(id))) await db.openedSurveys.put(OpenedSurvey.parse({ id, openedAt: Date.now() }));
}

/** Ids of the surveys opened on this device. */
export async function openedSurveyIds(): Promise<Set<string>> {
  return new Set(valid(OpenedSurvey, await db.openedSurveys.toArray()).map((opened) => opened.id));
}
