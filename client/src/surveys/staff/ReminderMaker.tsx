/**
 * 督促状 for one batch: staff choose the batch's mail-merge CSV (read here, never sent), confirm — a
 * batch gets one reminder, since a second would show who answered in between — and the server answers
 * the unused codes' hashes once; their rows are downloaded as the reminder's CSV and shown as letters.
 */
import { useId, useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { saveFile } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";
import { batchFileName } from "./letter-batch";
import type { Letter } from "./PrintableLetters";
import { type BatchList, readBatchList, reminderRows } from "./reminder-list";

interface Props {
  surveyId: string;
  batchId: string;
  letters: number;
  onMade: (letters: Letter[]) => void;
}

export function ReminderMaker({ surveyId, batchId, letters, onMade }: Props) {
  const { api } = useStaffApi();
  const { plain } = useT();
  const id = useId();
  const [list, setList] = useState<BatchList | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<StatusText | null>(null);

  const choose = async (file: File | undefined) => {
    setList(null);
    setMessage(null);
    if (!file) return;
    const read = await readBatchList(await file.text());
    if (!read || read.rows.length !== letters) {
      setMessage({ key: "errors.letters.not_this_batch", error: true });
      return;
    }
    setList(read);
    setMessage({ key: "staff:actions.letters.reminder.fileRead", values: { count: read.rows.length } });
  };

  const make = async () => {
    if (!list || !window.confirm(plain("staff:actions.letters.reminder.confirm"))) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await api.surveys[":id"].letters[":batchId"].reminder.$post({
        param: { id: surveyId, batchId },
        json: { digest: list.digest },
      });
      const { unused } = await expectStatus(response, 201).json();
      const { rows, csv } = reminderRows(list, unused);
      saveFile(new Blob([csv], { type: "text/csv" }), `reminders-${batchId.slice(0, 8)}.csv`);
      setMessage({ key: "staff:actions.letters.reminder.made", values: { count: rows.length } });
      setList(null);
      onMade(rows.map((row) => ({ number: row.cells[0] ?? "", code: row.code, url: row.cells[2] ?? "" })));
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reminder-maker">
      <div className="actions">
        <label htmlFor={`${id}-file`} className="button">
          <T k="staff:actions.letters.reminder.file" values={{ name: batchFileName(batchId) }} />
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          className="visually-hidden"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <button type="button" className="button" disabled={busy || !list} onClick={() => void make()}>
          <T k="staff:actions.letters.reminder.make" />
        </button>
      </div>
      <StatusMessage message={message} />
    </div>
  );
}
