/** Where the shown local data stands: loading, up to date, or stored on the device because the sync failed. */
import { T, useT } from "../app/i18n/T";
import type { LocalState } from "./useLocal";

export function LocalStatus({ local }: { local: LocalState }) {
  const { locale } = useT();
  if (!local.data && local.syncing)
    return (
      <p role="status" aria-busy="true">
        <T k="common.loading" />
      </p>
    );
  if (!local.syncError) return null;
  const when = local.data?.syncedAt
    ? new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Asia/Tokyo",
      }).format(new Date(local.data.syncedAt))
    : null;
  return (
    <div role="status" className="notice">
      <p>
        <T k={when ? "places.stored" : "places.notStored"} values={{ date: when ?? "" }} />
      </p>
      <button type="button" className="button" onClick={local.retry}>
        <T k="common.retry" />
      </button>
    </div>
  );
}
