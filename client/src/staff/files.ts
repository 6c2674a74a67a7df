/** Files through the console's client: a CSV file as an import's body, and a downloaded body handed to the browser as a file. */

/**
 * A CSV file as a request body (an import), for the client's `init`: its bytes as they are, since the
 * server tells UTF-8 from Shift_JIS (what Japanese Excel saves) and names any other encoding.
 */
export async function csvBody(file: File): Promise<{ init: RequestInit }> {
  return { init: { body: await file.arrayBuffer(), headers: { "content-type": "text/csv" } } };
}

/** Hands a downloaded body to the browser as a file (the letters' codes exist nowhere else). */
export function saveFile(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
