// Starts a worker thread from TypeScript source (tests, `npm run dev`): Node 20 cannot load a .ts
// file in a worker by itself, so tsx compiles it. The built server starts the .js entry directly.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.entry, import.meta.url);
