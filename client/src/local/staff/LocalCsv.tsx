/** 通いの場 and the rest to and from CSV: the export is a plain download; an import is refused whole when a row is bad. */
import { useId, useState } from "react";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { csvBody } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";
import { failure, type LocalMessage } from "./LocalStatus";
import type { Kind } from "./localKinds";

export function LocalCsv({ kind, ward, onImported }: { kind: Kind; ward: string; onImported: (message: LocalMessage) => void }) {
  const { api } = useStaffApi();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const response = await api.local[":kind"].import.$post({ param: { kind } }, await csvBody(file));
      onImported({ key: "staff:local.imported", values: await expectStatus(response, 200).json() });
    } catch (error) {
      onImported(await failure(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      <a className="button" href={`/api/staff/local/${kind}/export.csv?ward=${ward}`} download>
        <T k="staff:local.export" />
      </a>
      <label htmlFor={id} className="button">
        <T k={busy ? "staff:local.importing" : "staff:local.import"} />
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        disabled={busy}
        onChange={(e) => {
          void upload(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
