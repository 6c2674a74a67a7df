/**
 * The Japanese morphological analyser (kuromoji with the IPA dictionary), shared by the features that
 * read Japanese on the server (keywords of answers, readings of local data); never sent to a phone. It runs
 * on a worker thread of its own (japanese-worker.ts): the dictionary (about 18 MB on disk; built, some 80 MB
 * of heap and 100 MB of buffers) lives there, is built once for all callers, and goes back to the system
 * with the thread, ended after a minute without a job or at once by `releaseJapaneseAnalyser`.
 */
import { ThreadPool, threadEntry } from "../threads/pool";

/** A word as the analyser found it: only what the callers read of kuromoji's IPA features. */
export interface Token {
  surface_form: string;
  /** 品詞: 名詞, 助詞 … */
  pos: string;
  /** 品詞細分類1: 固有名詞, 接尾 … */
  pos_detail_1: string;
  /** The reading in katakana; absent for a word the dictionary does not know. */
  reading?: string;
}

/** A message's worth of text: its tokens come back in one reply, read on the calling thread in a few ms. */
const messageChars = 16_000;

export interface AnalyserOptions {
  /** How long the thread (and its dictionary) is kept after its last job. */
  idleMs?: number;
  /**
   * The thread's heap (MB). Measured: the dictionary takes about 80 MB of it (64 fails), and ten rounds of
   * 16,000-character messages, the worst of them 4,000 characters of kanji without a break, about 128 (112
   * fails); 384 leaves that three times over. The dictionary's 100 MB of buffers are outside this heap.
   */
  heapMb?: number;
}

export class JapaneseAnalyser {
  private readonly pool: ThreadPool<readonly string[], Token[][]>;

  constructor({ idleMs = 60_000, heapMb = 384 }: AnalyserOptions = {}) {
    // One thread: every caller shares it and its one dictionary; its jobs are taken in turn.
    this.pool = new ThreadPool(threadEntry(import.meta.url, "japanese-worker.ts", "japanese-worker.js"), 1, { idleMs, heapMb });
  }

  /** Is the analyser's thread running (its dictionary in memory)? */
  get running(): boolean {
    return this.pool.threads > 0;
  }

  /** How many times a thread was started (and the dictionary built). */
  get starts(): number {
    return this.pool.started;
  }

  /** The tokens of each text, in order; the texts travel many to a message. */
  async tokenize(texts: readonly string[]): Promise<Token[][]> {
    const messages: string[][] = [];
    let chars = messageChars;
    for (const text of texts) {
      if (chars + text.length > messageChars) {
        messages.push([]);
        chars = 0;
      }
      messages.at(-1)?.push(text);
      chars += text.length;
    }
    try {
      return (await Promise.all(messages.map((message) => this.pool.run(message)))).flat();
    } catch (error) {
      // The thread died (out of memory, say): its jobs fail, and the next job starts a new thread.
      throw new Error(`The Japanese analyser's thread failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }

  /** Ends the thread as soon as it has no job left; the next job starts it again. */
  release(): void {
    this.pool.release();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The process's one analyser. */
const analyser = new JapaneseAnalyser();

/** The tokens of each text (one array per text, in order), from the process's one analyser. */
export function tokenize(texts: readonly string[]): Promise<Token[][]> {
  return analyser.tokenize(texts);
}

/** Ends the analyser's thread once its jobs are done (after the readings made at start, say). */
export function releaseJapaneseAnalyser(): void {
  analyser.release();
}

/** Is the process's analyser thread running? */
export function japaneseAnalyserRunning(): boolean {
  return analyser.running;
}
