/** Wards (区) and their areas (地域). Knows nothing of HTTP. */
import { inWardOrder } from "../../shared/wards/order";
import type { Area, Ward } from "../../shared/wards/schemas";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";

/** The 24 wards in the city's official order (北区 first), not the order of their codes. */
export async function listWards({ db }: Database): Promise<Ward[]> {
  const wards = await db
    .selectFrom("wards")
    .select(["code", "name", "reading", "nameEn", "nameZh", "nameKo", "nameVi", "population"])
    .execute();
  return inWardOrder(wards, (ward) => ward.code);
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
