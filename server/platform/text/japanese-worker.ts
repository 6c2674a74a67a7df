/// <reference path="./kuromoji.d.ts" />
/**
 * The Japanese analyser's worker thread (japanese.ts starts it): builds kuromoji's dictionary once, when the
 * thread starts, and answers each job (many texts) with their tokens, only the fields the callers read. The
 * dictionary lives only as long as this thread.
 */
import { createRequire } from "node:module";
import path from "node:path";
import kuromoji, { type Tokenizer } from "kuromoji";
import { serveThread } from "../threads/serve";
import type { Token } from "./japanese";

const tokenizer = new Promise<Tokenizer>((resolve, reject) => {
  const main = createRequire(import.meta.url).resolve("kuromoji");
  kuromoji.builder({ dicPath: path.join(path.dirname(main), "../dict") }).build((error, built) => (error ? reject(error) : resolve(built)));
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
