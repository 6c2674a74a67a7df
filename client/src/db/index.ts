/**
 * Every store module, for callers that import "../db". New code imports the feature's own module
 * (db/surveys, db/local, ...); this barrel remains while pages outside the data layer still use it.
 */
export * from "./childcare";
export { db } from "./database";
export * from "./local";
export * from "./meta";
export * from "./notices";
export * from "./schemas";
export * from "./settings";
export * from "./surveys";
