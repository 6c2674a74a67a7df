/**
 * Invitation codes (招待コード) printed on the letters of a sampled survey. 15 random characters from
 * a 32-letter alphabet without look-alikes (no 0/O, 1/I) — 75 bits — and one check character
 * (Luhn mod 32, which catches a mistyped character and most swapped neighbours), written in
 * four groups of four: "K7QM-3XHD-9RWT-BC4P". The server keeps only a hash of each.
 */
export const codeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const payloadLength = 15;

function checkCharacter(payload: string): string {
  const n = codeAlphabet.length;
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * codeAlphabet.indexOf(payload[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return codeAlphabet[(n - (sum % n)) % n] as string;
}

/** A new code from 15 random bytes (each mapped to one of 32 letters: exactly 5 random bits). */
export function newInvitationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < payloadLength) throw new Error("need 15 random bytes");
  let payload = "";
  for (let i = 0; i < payloadLength; i++) payload += codeAlphabet[(randomBytes[i] as number) & 31];
  return formatCode(payload + checkCharacter(payload));
}

/**
 * The path a letter's QR code and printed address lead to, without the survey's id: "/c/K7QM-3XHD-9RWT-BC4P",
 * 22 characters after the origin, short enough to type. The server finds the survey by the code's hash.
 */
export const shortLinkPath = (code: string): string => `/c/${code}`;

/** The letter's address: the app's public origin (PUBLIC_URL) and the short path. */
export const shortLink = (publicUrl: string, code: string): string => `${publicUrl.replace(/\/$/, "")}${shortLinkPath(code)}`;

function formatCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join("-") ?? raw;
}

/**
 * The canonical form of what a resident typed (lower case, spaces, hyphens and full-width
 * characters allowed), or null if it cannot be a valid code — the check character catches typos
 * before anything is sent.
 */
export function normalizeInvitationCode(input: string): string | null {
  const raw = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, "");
  if (raw.length !== payloadLength + 1) return null;
  if ([...raw].some((ch) => !codeAlphabet.includes(ch))) return null;
  const payload = raw.slice(0, payloadLength);
  if (checkCharacter(payload) !== raw[payloadLength]) return null;
  return formatCode(raw);
}
