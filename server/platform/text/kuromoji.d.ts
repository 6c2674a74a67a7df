// The part of kuromoji.js (a Japanese morphological analyser with the IPA dictionary) this app uses.
declare module "kuromoji" {
  export interface IpadicFeatures {
    surface_form: string;
    pos: string;
    pos_detail_1: string;
    basic_form: string;
    /** The reading in katakana; absent for unknown words */
    reading?: string;
  }
  export interface Tokenizer {
    tokenize(text: string): IpadicFeatures[];
  }
  export function builder(options: { dicPath: string }): { build(callback: (error: Error | null, tokenizer: Tokenizer) => void): void };
}
