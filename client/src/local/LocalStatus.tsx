/** Where the shown local data stands: loading, up to date, or stored on the device because the sync failed. */
import { T, useT } from "../app/i18n/T";
import { formatDateTime } from "./format";
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
  const when = local.data?.syncedAt ? formatDateTime(local.data.syncedAt, locale, "medium") : null;
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
