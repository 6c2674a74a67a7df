/**
 * The pages of a PDF that Chromium printed (Skia's writer), and the text on each, for e2e tests that
 * check what a printout says. It reads what Skia writes: objects with direct lengths, Flate streams,
 * fonts with ToUnicode maps (bfchar, bfrange), text by Tj/TJ, and ActualText spans (a glyph drawn from
 * a fallback font carries its real character there). Not a general PDF reader: it throws on what it
 * cannot read rather than answering less text.
 */
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Every `N 0 obj`: its dictionary text, and its stream (inflated) if it has one. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const start = /(\d+) 0 obj\s*/g;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    const from = match.index + match[0].length;
    const end = text.indexOf("endobj", from);
    const streamAt = text.indexOf("stream", from);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dict: text.slice(from, end) });
      start.lastIndex = end;
      continue;
    }
    const dict = text.slice(from, streamAt);
    const length = dict.match(/\/Length (\d+)(?! \d+ R)/)?.[1];
    if (length === undefined) throw new Error(`object ${match[1]}: a stream without a direct /Length`);
    const dataStart = streamAt + (text.startsWith("stream\r\n", streamAt) ? 8 : 7);
    const raw = pdf.subarray(dataStart, dataStart + Number(length));
    objects.set(Number(match[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
    start.lastIndex = dataStart + Number(length);
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const found = dict.match(new RegExp(`/${key}\\s+(\\d+) 0 R`))?.[1];
  return found === undefined ? undefined : Number(found);
};

/** A font's codes to text, from its ToUnicode CMap, and how many bytes a code takes. */
function toUnicode(cmap: string): { bytes: number; map: Map<number, string> } {
  const hex = (h: string) => Number.parseInt(h, 16);
  const utf16 = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  const map = new Map<number, string>();
  const space = cmap.match(/begincodespacerange\s*<([0-9A-Fa-f]+)>/)?.[1] ?? "00";
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, target] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(hex(code as string), utf16(target as string));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target, list] of (block[1] as string).matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g,
    )) {
      const targets = list ? [...list.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => utf16(m[1] as string)) : null;
      for (let code = hex(low as string), i = 0; code <= hex(high as string); code++, i++) {
        if (targets) map.set(code, targets[i] ?? "");
        else {
          const first = utf16(target as string);
          map.set(code, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + i));
        }
      }
    }
  }
  return { bytes: space.length / 2, map };
}

type Token = { kind: "op"; value: string } | { kind: "name" | "hex" | "literal" | "number"; value: string } | { kind: "[" | "]" };

/** A content stream's tokens (dictionaries are read as their tokens; only ActualText is taken from them). */
function* tokens(content: string): Generator<Token> {
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === "[" || c === "]") {
      yield { kind: c };
      i++;
    } else if (content.startsWith("<<", i) || content.startsWith(">>", i)) i += 2;
    else if (c === "<") {
      const end = content.indexOf(">", i);
      yield { kind: "hex", value: content.slice(i + 1, end).replace(/\s/g, "") };
      i = end + 1;
    } else if (c === "(") {
      let depth = 0;
      let value = "";
      for (i++; i < content.length; i++) {
        const ch = content[i] as string;
        if (ch === "\\") value += content[++i];
        else if (ch === "(") depth++;
        else if (ch === ")" && depth-- === 0) break;
        if (ch !== "\\") value += ch;
      }
      yield { kind: "literal", value };
      i++;
    } else if (c === "/") {
      const name = content.slice(i + 1).match(/^[^\s/<>[\]()]*/)?.[0] ?? "";
      yield { kind: "name", value: name };
      i += name.length + 1;
    } else {
      const word = content.slice(i).match(/^[^\s/<>[\]()]+/)?.[0] ?? c;
      yield { kind: /^[-+.\d]/.test(word) ? "number" : "op", value: word };
      i += word.length;
    }
  }
}

/** One page's text: each text object (BT … ET) a line, in the order Chromium drew them. */
function pageText(content: string, fonts: Map<string, ReturnType<typeof toUnicode>>): string {
  const lines: string[] = [];
  let line = "";
  let font: ReturnType<typeof toUnicode> | undefined;
  let operands: Token[] = [];
  let actual: string | null = null;
  let lastActualText: string | null = null;
  const show = (hexOrLiteral: Token) => {
    if (actual !== null || !font) return;
    const bytes =
      hexOrLiteral.kind === "hex"
        ? Buffer.from(hexOrLiteral.value, "hex")
        : Buffer.from(hexOrLiteral.kind === "literal" ? hexOrLiteral.value : "", "latin1");
    for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) line += font.map.get(bytes.readUIntBE(i, font.bytes)) ?? "\uFFFD";
  };
  for (const token of tokens(content)) {
    if (token.kind !== "op") {
      if (token.kind === "name" && token.value === "ActualText") lastActualText = "";
      else if (lastActualText === "" && token.kind === "hex")
        lastActualText = Buffer.from(token.value, "hex")
          .swap16()
          .toString("utf16le")
          .replace(/^\uFEFF/, "");
      operands.push(token);
      continue;
    }
    switch (token.value) {
      case "BT":
        line = "";
        break;
      case "ET":
        lines.push(line);
        break;
      case "Tf": {
        const name = operands.find((t) => t.kind === "name");
        font = name && "value" in name ? fonts.get(name.value) : undefined;
        if (!font) throw new Error(`a font without a ToUnicode map: ${JSON.stringify(name)}`);
        break;
      }
      case "Tj":
      case "'":
      case '"':
        for (const t of operands.filter((o) => o.kind === "hex" || o.kind === "literal")) show(t);
        break;
      case "TJ":
        for (const t of operands.filter((o) => o.kind === "hex" || o.kind === "literal")) show(t);
        break;
      case "BDC":
        if (lastActualText !== null) {
          line += lastActualText;
          actual = lastActualText;
        }
        lastActualText = null;
        break;
      case "EMC":
        actual = null;
        break;
    }
    operands = [];
  }
  return lines.join("\n");
}

/** The text of each page of a PDF Chromium printed, in page order. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const trailer = pdf.toString("latin1").slice(pdf.lastIndexOf("trailer"));
  const catalog = objects.get(ref(trailer, "Root") ?? -1);
  if (!catalog) throw new Error("no catalog");
  const pages: number[] = [];
  const walk = (id: number) => {
    const dict = objects.get(id)?.dict ?? "";
    if (/\/Type\s*\/Pages\b/.test(dict))
      for (const [, kid] of (dict.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? "").matchAll(/(\d+) 0 R/g)) walk(Number(kid));
    else pages.push(id);
  };
  walk(ref(catalog.dict, "Pages") ?? -1);
  const cmaps = new Map<number, ReturnType<typeof toUnicode>>();
  return pages.map((id) => {
    const page = objects.get(id)?.dict ?? "";
    const fonts = new Map<string, ReturnType<typeof toUnicode>>();
    for (const [, name, fontId] of (page.match(/\/Font\s*<<([^>]*)>>/)?.[1] ?? "").matchAll(/\/(\S+)\s+(\d+) 0 R/g)) {
      const cmapId = ref(objects.get(Number(fontId))?.dict ?? "", "ToUnicode");
      if (cmapId === undefined) continue;
      if (!cmaps.has(cmapId)) cmaps.set(cmapId, toUnicode(objects.get(cmapId)?.stream?.toString("latin1") ?? ""));
      fonts.set(name as string, cmaps.get(cmapId) as ReturnType<typeof toUnicode>);
    }
    const contents = page.match(/\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/);
    const ids = contents?.[1] ? [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])) : [Number(contents?.[2])];
    return ids.map((c) => pageText(objects.get(c)?.stream?.toString("latin1") ?? "", fonts)).join("\n");
  });
}
