/** Keeps the resident's ward's 通いの場, 町会 and meetings on the device (useLocal.ts); draws nothing. */
import { useLocalPrefetch } from "./useLocal";

export function LocalPrefetch({ ward }: { ward: string | null }): null {
  useLocalPrefetch(ward);
  return null;
}
