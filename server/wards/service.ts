/** Wards (区) and their areas (地域). Knows nothing of HTTP. */
import type { Area, Ward } from "../../shared/wards/schemas";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";

export async function listWards({ db }: Database): Promise<Ward[]> {
  return db
    .selectFrom("wards")
    .select(["code", "name", "reading", "nameEn", "nameZh", "nameKo", "nameVi", "population"])
    .orderBy("code")
    .execute();
}

export async function listAreas({ db }: Database, wardCode: string): Promise<Area[]> {
  const ward = await db.selectFrom("wards").select("code").where("code", "=", wardCode).executeTakeFirst();
  if (!ward) throw new AppError("wards.not_found", { ward: wardCode });
  return db
    .selectFrom("areas")
    .select(["id", "wardCode", "name", "reading", "nameEn", "population"])
    .where("wardCode", "=", wardCode)
    .orderBy("sortOrder")
    .execute();
}
