/** 通いの場 and the rest to and from CSV: the export is a plain download; an import is refused whole when a row is bad. */
import { useState } from "react";
import { useStaffApi } from "../../staff/api";
import { CsvButtons } from "../../staff/CsvButtons";
import { csvBody } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";
import { failure, type LocalMessage } from "./LocalStatus";
import type { Kind } from "./localKinds";

export function LocalCsv({ kind, ward, onImported }: { kind: Kind; ward: string; onImported: (message: LocalMessage) => void }) {
  const { api } = useStaffApi();
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
    <CsvButtons
      exportHref={`/api/staff/local/${kind}/export.csv?ward=${ward}`}
      exportKey="staff:local.export"
      importKey="staff:local.import"
      importingKey="staff:local.importing"
      busy={busy}
      onFile={(file) => void upload(file)}
    />
  );
}
