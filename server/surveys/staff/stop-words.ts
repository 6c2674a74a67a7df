/**
 * The stop words of a ward's free-text keywords: the built-in list (shared/surveys/staff/stop-words.ts)
 * and the words the ward's staff add. Scoped to the staff member's ward; each change is audited; a ward
 * keeps at most maxStopWordsPerWard, counted under a lock on the ward's row so concurrent adds
 * (PostgreSQL) cannot pass it together.
 */
import type { StaffUser } from "../../../shared/accounts/schemas";
import { builtInStopWords, maxStopWordsPerWard, type StopWordList } from "../../../shared/surveys/staff/stop-words";
import { actorOf, checkWard } from "../../accounts/access";
import { audit } from "../../accounts/audit";
import type { Database } from "../../platform/db/database";
import { defineWrite } from "../../platform/db/write";
import { AppError } from "../../platform/errors";

/** The words left out of a ward's keywords (a city-wide survey: the built-in ones only). */
export async function stopWordsOf(database: Database, ward: string | null): Promise<Set<string>> {
  if (ward === null) return new Set(builtInStopWords);
  const rows = await database.db.selectFrom("keywordStopWords").select("word").where("wardCode", "=", ward).execute();
  return new Set([...builtInStopWords, ...rows.map((r) => r.word)]);
}

export async function listStopWords(database: Database, user: StaffUser, ward: string): Promise<StopWordList> {
  checkWard(user, ward);
  const rows = await database.db
    .selectFrom("keywordStopWords")
    .select("word")
    .where("wardCode", "=", ward)
    .orderBy("createdAt")
    .orderBy("word")
    .execute();
  return { ward, builtIn: [...builtInStopWords], words: rows.map((r) => r.word), max: maxStopWordsPerWard };
}

const changeStopWord = defineWrite(
  "staff.stopWord",
  async (trx, { user, ward, word, add, now }: { user: StaffUser; ward: string; word: string; add: boolean; now: string }) => {
    checkWard(user, ward);
    if (!add) {
      const removed = await trx.deleteFrom("keywordStopWords").where("wardCode", "=", ward).where("word", "=", word).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0)
        await audit(trx, actorOf(user), { action: "keywords.stop_word_remove", ward, details: { word } });
      return;
    }
    // Hold the ward's row until commit, so concurrent adds count one after another.
    await trx
      .updateTable("wards")
      .set((eb) => ({ code: eb.ref("code") }))
      .where("code", "=", ward)
      .execute();
    const exists = await trx
      .selectFrom("keywordStopWords")
      .select("word")
      .where("wardCode", "=", ward)
      .where("word", "=", word)
      .executeTakeFirst();
    if (exists || builtInStopWords.includes(word)) return;
    const { n } = await trx
      .selectFrom("keywordStopWords")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("wardCode", "=", ward)
      .executeTakeFirstOrThrow();
    if (Number(n) >= maxStopWordsPerWard) throw new AppError("keywords.too_many_stop_words", { limit: maxStopWordsPerWard });
    await trx.insertInto("keywordStopWords").values({ wardCode: ward, word, createdAt: now }).execute();
    await audit(trx, actorOf(user), { action: "keywords.stop_word_add", ward, details: { word } });
  },
);

/** Adds a stop word to the ward's list (a word already there, or built in, is kept once). */
export function addStopWord(database: Database, user: StaffUser, ward: string, word: string): Promise<void> {
  return database.write(changeStopWord, { user, ward, word, add: true, now: new Date().toISOString() });
}

export function removeStopWord(database: Database, user: StaffUser, ward: string, word: string): Promise<void> {
  return database.write(changeStopWord, { user, ward, word, add: false, now: new Date().toISOString() });
}
