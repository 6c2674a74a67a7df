/// <reference path="./kuromoji.d.ts" />
/**
 * The Japanese morphological analyser (kuromoji with the IPA dictionary), shared by the features that
 * read Japanese on the server (keywords of answers, readings of local data). The dictionary (about
 * 18 MB on disk, some 300 MB once built in memory) is loaded on first use and let go after a minute
 * without use, so a server that read some Japanese once (the readings made at start) does not keep it;
 * never sent to a phone.
 */
import { createRequire } from "node:module";
import path from "node:path";
import kuromoji, { type Tokenizer } from "kuromoji";

export type { IpadicFeatures, Tokenizer } from "kuromoji";

let tokenizer: Promise<Tokenizer> | null = null;
let lastUse = 0;
let release: NodeJS.Timeout | null = null;
/** How long the built dictionary is kept after its last use. */
const keepMs = 60_000;

/** Lets the dictionary go once unused for keepMs (callers keep theirs while they work with it). */
function releaseWhenIdle(): void {
  lastUse = Date.now();
  if (release) return;
  const check = () => {
    const idle = Date.now() - lastUse;
    if (idle >= keepMs) {
      tokenizer = null;
      release = null;
    } else {
      release = setTimeout(check, keepMs - idle);
      release.unref();
    }
  };
  release = setTimeout(check, keepMs);
  release.unref();
}

export function japaneseTokenizer(): Promise<Tokenizer> {
  releaseWhenIdle();
  tokenizer ??= new Promise((resolve, reject) => {
    const main = createRequire(import.meta.url).resolve("kuromoji");
    kuromoji
      .builder({ dicPath: path.join(path.dirname(main), "../dict") })
      .build((error, built) => (error ? reject(error) : resolve(built)));
  });
  tokenizer.catch(() => {
    tokenizer = null;
  });
  return tokenizer;
}
