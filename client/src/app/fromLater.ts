/** A component of the later chunk (later.ts: every page but the home page), fetched with that chunk on first use. */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";

type Later = typeof import("./later");
/** The later chunk's exports that are components. */
type LaterComponent = { [K in keyof Later]: Later[K] extends ComponentType<never> ? K : never }[keyof Later];

export function fromLater<K extends LaterComponent>(name: K): LazyExoticComponent<Later[K]> {
  return lazy(() => import("./later").then((m) => ({ default: m[name] })));
}
