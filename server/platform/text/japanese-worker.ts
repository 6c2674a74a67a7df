/// <reference path="./kuromoji.d.ts" />
/**
 * The Japanese analyser's worker thread (japanese.ts starts it): builds kuromoji's dictionary once, when the
 * thread starts, and answers each job (many texts) with their tokens, only the fields the callers read. The
 * dictionary lives only as long as this thread.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import kuromoji, { type Tokenizer } from "kuromoji";
import { serveThread } from "../threads/serve";
import type { Token } from "./japanese";

const require = createRequire(import.meta.url);

/**
 * A dictionary file (gzip) inflated in one piece of its own size (100 MB in all). kuromoji's own loader
 * inflates in 16 kB pieces and then copies the whole, and the C allocator kept what that churn left with the
 * process after the thread ended: measured, 126 MB stayed after a thread that only loaded the files its way,
 * 3 MB after one that loaded them this way.
 */
function dictionaryFile(file: string, loaded: (error: Error | null, buffer?: ArrayBuffer) => void): void {
  try {
    const gzip = readFileSync(file);
    // A gzip file ends with its inflated size (mod 2³²; these files are far smaller): one piece, used as it is.
    const size = gzip.readUInt32LE(gzip.length - 4);
    const inflated = gunzipSync(gzip, { chunkSize: Math.max(64, size) });
    const whole = inflated.byteOffset === 0 && inflated.byteLength === inflated.buffer.byteLength;
    loaded(null, whole ? inflated.buffer : inflated.buffer.slice(inflated.byteOffset, inflated.byteOffset + inflated.byteLength));
  } catch (error) {
    loaded(error as Error);
  }
}
(
  require("kuromoji/src/loader/NodeDictionaryLoader.js") as { prototype: { loadArrayBuffer: typeof dictionaryFile } }
).prototype.loadArrayBuffer = dictionaryFile;

const tokenizer = new Promise<Tokenizer>((resolve, reject) => {
  kuromoji
    .builder({ dicPath: path.join(path.dirname(require.resolve("kuromoji")), "../dict") })
    .build((error, built) => (error ? reject(error) : resolve(built)));
});

serveThread(async (texts: readonly string[]): Promise<Token[][]> => {
  const built = await tokenizer;
  return texts.map((text) =>
    built.tokenize(text).map(({ surface_form, reading, pos, pos_detail_1 }) => ({
      surface_form,
      // kuromoji has no reading for an unknown word, and "*" for some symbols: none, either way.
      ...(reading && reading !== "*" ? { reading } : {}),
      pos,
      pos_detail_1,
    })),
  );
});
