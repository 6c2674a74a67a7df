/**
 * Structured logging: one JSON object per line on stdout, filtered by LOG_LEVEL. Lines written in
 * the same turn of the event loop go out in one write: stdout to a pipe is synchronous on Linux,
 * and one system call per request line would cost the server a large share of its throughput.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Writes whatever is buffered, now (at shutdown). */
  flush(): void;
}

export function createLogger(level: LogLevel, write: (text: string) => void = (text) => process.stdout.write(text)): Logger {
  let buffered: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (buffered.length === 0) return;
    const text = buffered.join("");
    buffered = [];
    write(text);
  };
  const log = (at: Exclude<LogLevel, "silent">) => (msg: string, fields?: Record<string, unknown>) => {
    if (rank[at] < rank[level]) return;
    buffered.push(`${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields })}\n`);
    if (at === "error") return flush();
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error"), flush };
}
