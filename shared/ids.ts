/** UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Sortable by creation time. */
export function uuidv7(now = Date.now(), random: Uint8Array = crypto.getRandomValues(new Uint8Array(10))): string {
  const bytes = new Uint8Array(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] as number) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random secret (144 bits, hex) a device keeps with a response and sends with every try: the proof that a repeat is its own. */
export function randomSecret(random: Uint8Array = crypto.getRandomValues(new Uint8Array(18))): string {
  return [...random].map((b) => b.toString(16).padStart(2, "0")).join("");
}
