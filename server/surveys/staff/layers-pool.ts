/** Discloses a weighted cross-tab's layers on a worker thread (layers-worker.ts; built as crosstab-layers-worker.js, see vite.config.ts). */
import type { PairShown } from "../../../shared/surveys/crosstab-disclosure";
import type { LayerQuestion } from "../../../shared/surveys/crosstab-layers";
import { ThreadPool, threadEntry } from "../../platform/threads/pool";

const pool = new ThreadPool<LayerQuestion, PairShown[]>(threadEntry(import.meta.url, "layers-worker.ts", "crosstab-layers-worker.js"), 1, {
  idleMs: 60_000,
});

export function discloseLayersOffThread(question: LayerQuestion): Promise<PairShown[]> {
  return pool.run(question);
}
