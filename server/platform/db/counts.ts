/**
 * Running counts derived from the writes, written later and in bulk (group-commit.ts): the platform
 * knows only this shape. A feature registers the one kind it keeps (the surveys' counts,
 * server/surveys/counts.ts) from a module the registry loads; a write that adds counts receives its
 * own Counts as its third argument, and the SQLite writer thread recounts after an unclean stop.
 */
import type { Transaction } from "kysely";
import type { DB } from "./schema";

/** Counts gathered by one write, one batch, or waiting to be written. */
export interface Counts {
  /** Whether it holds no count. */
  readonly empty: boolean;
  /** Adds these counts to another of the same kind (a write's into its batch's, a batch's into the deferred ones). */
  addTo(other: Counts): void;
  /** Adds the counts to their table in the given transaction, keeping them (if that transaction fails, they are still here). */
  writeTo(trx: Transaction<DB>): Promise<void>;
}

export interface CountsKind {
  /** Its row in count_state, which says whether the stored counts are exact. */
  readonly name: string;
  /** Empty counts, for a write, a batch or the deferred ones. */
  create(): Counts;
  /** Replaces the stored counts with ones worked out again from the stored data. */
  recount(trx: Transaction<DB>): Promise<unknown>;
}

/** What a write gets where no kind is registered: no allocation, nothing to write. */
const none: Counts = {
  empty: true,
  addTo() {},
  async writeTo() {},
};
export const noCounts: CountsKind = { name: "", create: () => none, recount: async () => {} };

let registered: CountsKind | null = null;

/** Called once, by the feature that keeps the counts, when its module loads. */
export function registerCounts(kind: CountsKind): void {
  if (registered && registered.name !== kind.name) throw new Error(`counts "${registered.name}" are registered already`);
  registered = kind;
}

/** The registered kind of counts, or null when no module registered one (the platform's own tests). */
export function registeredCounts(): CountsKind | null {
  return registered;
}
