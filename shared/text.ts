/**
 * Free text as the app keeps it: what a resident or a clerk typed, without the characters that hide
 * or disguise text. Removed: NUL and the other C0/C1 control characters (a tab and a line break stay;
 * CR LF and a lone CR become LF), the bidirectional overrides, embeddings, isolates and marks (U+202E
 * can make a name read backwards on a staff screen), a byte-order mark inside text, and lone
 * surrogates (half of a character, which no encoder can write).
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 but tab and LF, DEL, C1; ALM; LRM/RLM; LRE…RLO; LRI…PDI; BOM. Matching control characters is the point here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters this file removes
const hidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(loneSurrogate, "").replace(hidden, "");
}

/** Every string in a parsed JSON value (or a query's, a form's), cleaned; everything else as it is. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)]));
  }
  return value;
}
