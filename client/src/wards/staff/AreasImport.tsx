/**
 * The 地域 file: a download of the ward's areas as CSV (the columns the import reads, so it imports back
 * unchanged) and the import of a file, with progress while it is sent and, when refused, every bad row
 * named by its line and column in the staff member's language.
 */
import { useId, useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { ActionStatus } from "../../staff/ActionStatus";
import { useStaffApi } from "../../staff/api";
import { CsvButtons } from "../../staff/CsvButtons";
import { csvBody } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";

interface Problem {
  line: number;
  column: string | null;
  reason: string;
}
type Outcome = (StatusText & { problems?: Problem[] }) | null;

/** A refusal as a message: its code's words, its plain details (encoding, limit) as values, and the rows it names. */
async function refusal(error: unknown): Promise<Outcome> {
  const key = await errorKeyOf(error instanceof Response ? error.clone() : error);
  const details =
    error instanceof Response
      ? ((await error.json().catch(() => null)) as { error?: { details?: Record<string, unknown> } } | null)?.error?.details
      : undefined;
  const values = Object.fromEntries(
    Object.entries(details ?? {}).filter((entry): entry is [string, string | number] => ["string", "number"].includes(typeof entry[1])),
  );
  const problems = Array.isArray(details?.problems) ? (details.problems as Problem[]) : undefined;
  return { key, error: true, values, ...(problems ? { problems } : {}) };
}

export function AreasImport({ ward, onImported }: { ward: string; onImported: () => void }) {
  const { api } = useStaffApi();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const counts = await expectStatus(await api.wards.areas.import.$post(undefined, await csvBody(file)), 200).json();
      setOutcome({ key: "staff:areas.imported", values: counts });
      onImported();
    } catch (error) {
      setOutcome(await refusal(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        <T k="staff:areas.columns" />
      </p>
      <CsvButtons
        exportHref={`/api/staff/wards/areas/export.csv?ward=${ward}`}
        exportKey="staff:areas.export"
        importKey="staff:areas.import"
        importingKey="staff:areas.importing"
        busy={busy}
        onFile={(file) => void upload(file)}
      />
      {busy && (
        <p>
          <progress aria-labelledby={`${id}-progress`} />{" "}
          <span id={`${id}-progress`}>
            <T k="staff:areas.importing" />
          </span>
        </p>
      )}
      <ActionStatus message={outcome}>
        {outcome?.problems && (
          <ul>
            {outcome.problems.map((p) => (
              <li key={`${p.line}-${p.column}-${p.reason}`}>
                <T k="staff:areas.problem" values={{ line: p.line, column: p.column ?? "—" }} /> <T k={`staff:areas.reasons.${p.reason}`} />
              </li>
            ))}
          </ul>
        )}
      </ActionStatus>
    </>
  );
}
