/**
 * The bytes of an uploaded CSV as text. Read: UTF-8 (with or without a byte-order mark) and Shift_JIS
 * (CP932, which Japanese Excel saves as 「CSV (コンマ区切り)」). Anything else is named, so that the
 * uploader can be told what the file is and how to save it again.
 */

export type DecodedCsv = { text: string; encoding: "UTF-8" | "Shift_JIS" } | { text: null; encoding: string };

const decode = (label: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** Valid UTF-8 is UTF-8; else valid CP932 is CP932; UTF-16 and UTF-32 (by their mark, or NUL bytes) and the rest are refused. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return { text: null, encoding: c === 0 && d === 0 ? "UTF-32LE" : "UTF-16LE" };
  if (a === 0xfe && b === 0xff) return { text: null, encoding: "UTF-16BE" };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { text: null, encoding: "UTF-32BE" };
  // No text file of ours holds a NUL byte; a file full of them is UTF-16 without its mark.
  if (bytes.includes(0)) return { text: null, encoding: "UTF-16" };
  const utf8 = decode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "UTF-8" };
  const sjis = decode("shift_jis", bytes);
  if (sjis !== null) return { text: sjis, encoding: "Shift_JIS" };
  return { text: null, encoding: "unknown" };
}
