/**
 * The code's boundaries (issue 11), checked by `npm run boundaries` (a step of `npm test`) and proved
 * by tests/boundaries.test.ts against tests/fixtures/boundaries. Paths are relative to the folder the
 * cruise runs in (the repo root, or the fixture). Type-only imports count: they still couple modules.
 */

// A console module: anything in a staff/ folder of client/src. Resident code is the rest of client/src.
const STAFF = "^client/src/(?:staff/|.*/staff/)";
const TEST = "\\.test\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "Import circles make load order matter (a module sees another half-initialised) and leave no module that can be understood or tested alone. Move the shared part down into its own module.",
      severity: "error",
      from: { path: "^(?:client|server|shared)/" },
      to: { circular: true },
    },
    {
      name: "platform-knows-no-feature",
      comment:
        "server/platform (database, HTTP plumbing, health, logger, rate limit) is the floor every feature stands on: it imports no feature folder and none of the entry files (server/*.ts). A feature hands the platform what it needs (a callback, a registry) instead.",
      severity: "error",
      from: { path: "^server/platform/" },
      to: { path: "^server/", pathNot: "^server/platform/" },
    },
    {
      name: "client-server-apart",
      comment:
        "client/ and server/ are built and shipped apart (browser bundle, Node server): neither imports the other. What both need lives in shared/. (The one exception, a type import of server/app.ts, has its own rule below.)",
      severity: "error",
      from: { path: "^(client|server)/" },
      to: { path: "^(?:client|server)/", pathNot: ["^$1/", "^server/app\\.ts$"] },
    },
    {
      name: "shared-imports-neither-side",
      comment: "shared/ is loaded by both the browser and the server, so it imports neither client/ nor server/.",
      severity: "error",
      from: { path: "^shared/" },
      to: { path: "^(?:client|server)/" },
    },
    {
      name: "client-sees-only-server-api-type",
      comment:
        "The one bridge between client and server: client code may `import type { AppType }` from server/app.ts so Hono's typed client (hc<AppType>) checks every API call against the routes. A type import is erased at build, so nothing of the server ships; any other import of it is forbidden.",
      severity: "error",
      from: { path: "^client/" },
      to: { path: "^server/app\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "dexie-only-in-db-and-sync",
      comment:
        "The browser database is one storage layer that knows no feature: client/src/db (the Dexie tables) and client/src/sync (outboxes, live queries; being split out of the features in issue 11). Features read and write through it, so a schema or Dexie upgrade touches one place.",
      severity: "error",
      from: { path: "^client/", pathNot: "^client/src/(?:db|sync)/" },
      to: { path: "(?:^|/)node_modules/(?:dexie|dexie-react-hooks)/" },
    },
    {
      name: "staff-console-not-in-resident-code",
      comment:
        "Residents never download the staff console: resident code (client/src outside staff/ folders) must not import a console module, except the one lazy import() of client/src/staff/StaffApp.tsx that makes the console its own chunk. Tests are not shipped and may.",
      severity: "error",
      from: { path: "^client/src/", pathNot: [STAFF, TEST] },
      to: { path: STAFF, dependencyTypesNot: ["dynamic-import"] },
    },
    {
      name: "staff-console-one-door",
      comment:
        "The console has one entrance: resident code lazily imports client/src/staff/StaffApp.tsx and nothing else under a staff/ folder, so the console's chunks load only behind it.",
      severity: "error",
      from: { path: "^client/src/", pathNot: [STAFF, TEST] },
      to: { path: STAFF, pathNot: "^client/src/staff/StaffApp\\.tsx$", dependencyTypes: ["dynamic-import"] },
    },
  ],
  options: {
    // Record imports of packages (the dexie rule needs them) without cruising into them.
    doNotFollow: { path: "(?:^|/)node_modules/" },
    exclude: { path: "^(?:dist|data)/" },
    // node_modules is a symlink in git worktrees: report packages as node_modules/<name>, not the link target.
    preserveSymlinks: true,
    // Parse with the TypeScript compiler before it drops type-only imports, so they are checked too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
