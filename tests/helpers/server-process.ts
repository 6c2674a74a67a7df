/** Helpers for tests and the bench that run the real server as a child process. */
import type { ChildProcess } from "node:child_process";

/** Resolves with the port from the server's "listening" log line. */
export function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/"msg":"listening"[^\n]*"port":(\d+)/) ?? output.match(/is running at http:\/\/[^:\s]+:(\d+)/);
      if (match) {
        child.stdout?.off("data", onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`The server exited (${code}) before listening:\n${output}`)));
  });
}
