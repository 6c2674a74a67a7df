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

/** A TCP port free on 127.0.0.1 just now: for a server that must know its own address before it starts (PUBLIC_URL). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
