/**
 * The city's official order of its wards (北区, 都島区, 福島区, … 西成区): the order of `wardRecords`
 * (data.ts), which is not the order of their codes (北区 27127 and 中央区 27128 were formed in 1989 and
 * got the last codes). Every ward list, residents' and staff's, is sorted with this.
 */
import { wardRecords } from "./data";

const position = new Map(wardRecords.map((ward, index) => [ward.code, index]));

/** A ward's place in the official order; an unknown code sorts last. */
export function wardRank(code: string): number {
  return position.get(code) ?? wardRecords.length;
}

/** Compares two ward codes by the official order (for `Array.prototype.sort`). */
export function byWardOrder(a: string, b: string): number {
  return wardRank(a) - wardRank(b);
}

/** A copy of `items` sorted by their ward's official order (stable, so ties keep their order). */
export function inWardOrder<T>(items: readonly T[], wardOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => byWardOrder(wardOf(a), wardOf(b)));
}
