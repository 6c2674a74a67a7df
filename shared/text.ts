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

// Any character one of the three replacements may touch (a surrogate may be half of a pair, which stays): text
// without one, nearly every string a request carries, is returned as it is without running them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters this file removes
const touched = /[\r\uD800-\uDFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function cleanText(text: string): string {
  if (!touched.test(text)) return text;
  return text.replace(/\r\n?/g, "\n").replace(loneSurrogate, "").replace(hidden, "");
}

/**
 * Every string in a parsed JSON value (or a query's, a form's), cleaned; everything else as it is. An
 * array or object with nothing to clean is returned itself, not copied (it runs on every request body).
 */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const cleaned = cleanStrings(value[i]);
      if (cleaned !== value[i]) {
        copy ??= [...value];
        copy[i] = cleaned;
      }
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Blob)) {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key of Object.keys(record)) {
      const cleaned = cleanStrings(record[key]);
      // A copy made as Object.fromEntries does (own data properties, "__proto__" included), never by assignment.
      if (cleaned !== record[key]) copy ??= Object.fromEntries(Object.entries(record));
      if (copy) Object.defineProperty(copy, key, { value: cleaned, enumerable: true, writable: true, configurable: true });
    }
    return copy ?? value;
  }
  return value;
}
