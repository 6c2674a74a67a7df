/**
 * Preloaded by `npm run boundaries` (node --import): dependency-cruiser 17 parses TypeScript with the
 * `typescript` package's JS compiler API, which TypeScript 7 (our compiler, native) no longer ships.
 * For dependency-cruiser only, `typescript` (and `typescript/…`) resolves to the `typescript-depcruise`
 * devDependency (an exact alias of typescript 5.9.3); everything else still gets TypeScript 7.
 */
import Module, { register } from "node:module";

const fromCruiser = (parent) => typeof parent === "string" && parent.includes("/node_modules/dependency-cruiser/");
const aliased = (specifier) => specifier.replace(/^typescript(?=\/|$)/, "typescript-depcruise");
const wanted = (specifier) => specifier === "typescript" || specifier.startsWith("typescript/");

// require() and require.resolve() (dependency-cruiser reads typescript/package.json for its version check).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const next = wanted(request) && fromCruiser(parent?.filename) ? aliased(request) : request;
  return resolveFilename.call(this, next, parent, ...rest);
};

// import() — module hooks run on their own thread, so they come as source, not as a closure.
const hooks = `
export async function resolve(specifier, context, next) {
  const fromCruiser = (context.parentURL ?? "").includes("/node_modules/dependency-cruiser/");
  if (fromCruiser && (specifier === "typescript" || specifier.startsWith("typescript/"))) {
    return next(specifier.replace(/^typescript(?=\\/|$)/, "typescript-depcruise"), context);
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
