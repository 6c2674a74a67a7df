/** `npm run seed` fills an empty database with demo data; `npm run seed -- --reset` rebuilds it. */
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { databaseOptionsFrom, openDatabase } from "../platform/db/database";
import { registry } from "../registry";
import { isEmpty, seedDemoData } from "../seed/seed";

const { values } = parseArgs({ options: { reset: { type: "boolean", default: false } } });

try {
  const config = loadConfig();
  const database = await openDatabase(databaseOptionsFrom(config), registry);
  try {
    if (!values.reset && !(await isEmpty(database))) {
      console.log("The database already has data; nothing seeded. Use `npm run seed -- --reset` to rebuild the demo data.");
    } else {
      const summary = await seedDemoData(database, { reset: values.reset });
      if (!summary) console.log("The database already has data; nothing seeded.");
      else
        console.log(
          `Demo data ${values.reset ? "rebuilt" : "seeded"}: ${summary.wards} wards, ${summary.areas} areas, ${summary.surveys} surveys, ${summary.responses} responses.`,
        );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
