/**
 * Disclosure control for weighted shares in a cross-tab (issue 16): a share weighted by age band is
 * worked out from the pair's counts within each band, so those counts — the three-way table age band ×
 * group × option — count as published, beside the cross-tab and the one-way tables by age band. The
 * grid of crosstab-disclosure.ts is stacked once per layer (each age band, then those of no band), and
 * below them the pair over everyone; a reader knows each layer's relations and that the layers add up
 * to the pair. A position (group, option) is shown in every weighted band or in none: in none when a
 * band's count there is from 1 to K−1, when its row's or column's "answered" is not shown, and when
 * linear programming finds that showing it pins a hidden count of the cross-tab or any band's count
 * under K — those of no band included, which the rest would give by subtraction. Finding 8's attack (a
 * band's hidden share read back out of a weighted one with a huge population) is then impossible:
 * nothing is weighted from a hidden count. A pair whose check would be too large (more than maxHidden
 * hidden counts) or too long (maxChecks) shows nothing: counts, never time, decide, so every reading
 * of the same snapshot shows the same.
 */
import { pinnedUnknowns, type Relation } from "../stats/pinned";
import { always, type PairCounts, type PairShown, pairRelations } from "./crosstab-disclosure";

/** The pair within each layer; the layers add up to `whole`. */
export interface LayeredCounts {
  whole: PairCounts;
  layers: readonly PairCounts[];
}

export interface LayerQuestion {
  counts: LayeredCounts;
  /** The pair over everyone as published (cross-tab and one-way tables), null where hidden. */
  wholeShown: PairShown;
  /** Each layer's numbers published elsewhere (the one-way tables by age band), null elsewhere. */
  margins: readonly PairShown[];
  /** The layers a weighting uses (a band with a population): only their counts may be shown. */
  weighted: readonly boolean[];
  minCell: number;
}

/**
 * At most so many checks by linear programming for one pair: a pair that needs more (many small counts
 * across many bands) shows none of its layers. A count, not a time, so every reading decides alike.
 */
const maxChecks = 40;
/** At most so many hidden counts (of the layers and the pair) in one check. */
const maxHidden = 250;

interface Cell {
  l: number;
  r: number;
  c: number;
}

const get = (grid: readonly (readonly (number | null)[])[], r: number, c: number) => (grid[r] as (number | null)[])[c] ?? null;

/** The hidden counts above 0 (of the layers and the published pair) that the shown ones determine, but for `known`. */
export function determinedLayerCells(
  question: LayerQuestion,
  shown: readonly PairShown[],
  known: ReadonlySet<string> = new Set(),
  only?: Cell,
): Cell[] {
  const { counts, wholeShown } = question;
  const m = counts.whole.rows.keys.length;
  const n = counts.whole.columns.keys.length;
  const height = m + 2;
  const layers = counts.layers.length;
  const grids = [...shown, wholeShown];
  const truthGrids = [...counts.layers.map((x) => x.values), counts.whole.values];
  const unknowns: Cell[] = [];
  const index = new Map<string, number>();
  grids.forEach((grid, l) => {
    for (let r = 0; r < height; r++)
      for (let c = 0; c < n + 2; c++) {
        if (get(grid, r, c) !== null) continue;
        index.set(`${l},${r},${c}`, unknowns.length);
        unknowns.push({ l, r, c });
      }
  });
  const truth = ({ l, r, c }: Cell) => get(truthGrids[l] as number[][], r, c) as number;
  const { rowsAlways, columnsAlways } = always(counts.whole);
  // A band's count is protected when under K (a larger one is no more private than a published count;
  // a hidden one of K or more in a table by age band hides for a smaller one, itself protected); a hidden
  // count of the pair over everyone, whatever it is, as crosstab-disclosure.ts protects it.
  const targets = unknowns
    .map((cell, i) => ({ ...cell, i }))
    .filter(
      (cell) =>
        truth(cell) > 0 &&
        (cell.l === layers || truth(cell) < question.minCell) &&
        !known.has(`${cell.l},${cell.r},${cell.c}`) &&
        !(rowsAlways && cell.r === m) &&
        !(columnsAlways && cell.c === n) &&
        (!only || (only.l === cell.l && only.r === cell.r && only.c === cell.c)),
    );
  if (targets.length === 0) return [];
  const relations: Relation[] = [
    ...counts.layers.flatMap((layer, l) => pairRelations(layer, l * height, counts.whole)),
    ...pairRelations(counts.whole, layers * height),
  ];
  // The layers add up to the pair, count by count.
  for (let r = 0; r < height; r++)
    for (let c = 0; c < n + 2; c++)
      relations.push({
        terms: [...counts.layers.map((_, l): [number, number, number] => [l * height + r, c, 1]), [layers * height + r, c, -1]],
        slack: false,
      });
  const at = (row: number) => [Math.floor(row / height), row % height] as const;
  return pinnedUnknowns({
    relations,
    unknown: (row, c) => {
      const [l, r] = at(row);
      return index.get(`${l},${r},${c}`);
    },
    published: (row, c) => {
      const [l, r] = at(row);
      return get(grids[l] as PairShown, r, c) as number;
    },
    truth: unknowns.map(truth),
    targets: targets.map((t) => t.i),
    contradiction: "the published numbers contradict the layers' counts",
  }).map((i) => unknowns[i] as Cell);
}

/**
 * Each layer's counts that may be shown (for a weighting to use), null where hidden. A weighting of the
 * group r's share of c needs (r, c) of every weighted layer, so a position (r, c) is shown in all of
 * them or in none: in none when one of them is from 1 to K−1, when its row's or its column's "answered"
 * is not shown (no weighting can use it either way round), and when showing it would let a hidden
 * count be determined. Nothing of a layer without a population is shown.
 */
export function discloseLayers(question: LayerQuestion): PairShown[] {
  const { counts, margins, weighted, minCell } = question;
  const m = counts.whole.rows.keys.length;
  const n = counts.whole.columns.keys.length;
  const inner = (r: number, c: number) => r <= m && c <= n;
  const used = counts.layers.map((_, l) => l).filter((l) => weighted[l]);
  const value = (l: number, r: number, c: number) => get((counts.layers[l] as PairCounts).values, r, c) as number;
  // Positions, each shown in every weighted layer or in none.
  const positions: Cell[] = [];
  for (let r = 0; r <= m; r++) for (let c = 0; c <= n; c++) positions.push({ l: -1, r, c });
  const open = new Set(
    positions.filter(({ r, c }) => used.length > 0 && used.every((l) => value(l, r, c) === 0 || value(l, r, c) >= minCell)),
  );
  const shownGrids = (): PairShown[] =>
    counts.layers.map((layer, l) =>
      layer.values.map((row, r) =>
        row.map((v, c) =>
          inner(r, c) ? (weighted[l] && open.has(positions[r * (n + 1) + c] as Cell) ? v : null) : get(margins[l] as PairShown, r, c),
        ),
      ),
    );
  const at = (r: number, c: number) => positions[r * (n + 1) + c] as Cell;
  /** Rows and columns whose "answered" is hidden are no use to a weighting: hidden whole. */
  const prune = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const p of [...open])
        if (!open.has(at(p.r, n)) || !open.has(at(m, p.c))) {
          open.delete(p);
          changed = true;
        }
    }
  };
  prune();
  // Nothing a group's weighting could use (the total line alone weights as the one-way tables do), or
  // more hidden counts than a check can take in good time: nothing is shown.
  const groupOpen = [...open].some((p) => p.r < m && p.c < n);
  const hiddenCounts = [...shownGrids(), question.wholeShown].reduce((sum, grid) => sum + grid.flat().filter((v) => v === null).length, 0);
  if (!groupOpen || hiddenCounts > maxHidden) {
    open.clear();
    return shownGrids();
  }
  let known: Set<string>;
  try {
    const none = shownGrids().map((grid) => grid.map((row, r) => row.map((v, c) => (inner(r, c) ? null : v))));
    known = new Set(determinedLayerCells(question, none).map(({ l, r, c }) => `${l},${r},${c}`));
  } catch {
    open.clear();
    return shownGrids();
  }
  const determined = () => determinedLayerCells(question, shownGrids(), known);
  const determinesSome = () => {
    try {
      return determined().length > 0;
    } catch {
      return true;
    }
  };
  const total = (p: Cell) => used.reduce((sum, l) => sum + value(l, p.r, p.c), 0);
  // Beside a determined count, an option's count before an "answered", then the smallest.
  const rank = (p: Cell) => (p.c === n || p.r === m ? 2e9 : 0) + total(p);
  const hiddenOnTheWay: Cell[] = [];
  for (let checks = 0; ; checks++) {
    let cell: Cell | undefined;
    try {
      [cell] = checks < maxChecks ? determined() : [];
    } catch {
      cell = undefined;
      open.clear();
    }
    // Past the budget of checks: nothing is shown (the same for every reading of the same counts).
    if (checks >= maxChecks) open.clear();
    if (!cell) break;
    const target = cell;
    // One more position hidden: in the determined count's row, else its column, else anywhere; the first by rank.
    const shown = [...open].sort((x, y) => rank(x) - rank(y));
    const choice =
      shown.find((p) => p.r === target.r && p.c !== n) ?? shown.find((p) => p.c === target.c && p.r !== m) ?? (shown[0] as Cell);
    open.delete(choice);
    hiddenOnTheWay.push(choice);
    prune();
  }
  // The greedy search hides more than it must: a position it hid that determines nothing when shown
  // again (one the shown ones add up to, say) is shown again.
  for (const p of hiddenOnTheWay.slice(0, maxChecks)) {
    if (open.size === 0) break;
    open.add(p);
    prune();
    if (!open.has(p) || determinesSome()) open.delete(p);
  }
  return shownGrids();
}
