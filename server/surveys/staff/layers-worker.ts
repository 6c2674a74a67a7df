/**
 * The worker thread that discloses a weighted cross-tab's layers (layers-pool.ts): the linear programming
 * of shared/surveys/crosstab-layers.ts takes up to about half a second on a large pair, never on the
 * thread serving other requests.
 */
import { discloseLayers, type LayerQuestion } from "../../../shared/surveys/crosstab-layers";
import { serveThread } from "../../platform/threads/serve";

serveThread<LayerQuestion, ReturnType<typeof discloseLayers>>((question) => discloseLayers(question));
