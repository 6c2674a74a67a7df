/// <reference path="./kuromoji.d.ts" />
/**
 * The Japanese morphological analyser (kuromoji with the IPA dictionary), shared by the features that
 * read Japanese on the server (keywords of answers, readings of local data). The dictionary (about
 * 18 MB) is loaded on first use, once; never sent to a phone.
 */
import { createRequire } from "node:module";
import path from "node:path";
import kuromoji, { type Tokenizer } from "kuromoji";

export type { IpadicFeatures, Tokenizer } from "kuromoji";

let tokenizer: Promise<Tokenizer> | null = null;

export function japaneseTokenizer(): Promise<Tokenizer> {
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
