/**
 * A survey's batches of letters, each with its response rate as published counts are (nothing under
 * K, then tens), its CSV's name (so staff find the file that goes with it) and its reminder: the
 * reminder's own response rate once made, else the way to make it (ReminderMaker.tsx).
 */
import { T, useT } from "../../app/i18n/T";
import { batchFileName } from "./letter-batch";
import type { Letter } from "./PrintableLetters";
import { ReminderMaker } from "./ReminderMaker";

interface LetterBatch {
  batchId: string | null;
  letters: number;
  used: number | null;
  rate: number | null;
  reminder: { id: string; madeOn: string; letters: number; used: number | null; rate: number | null } | null;
}

interface Props {
  surveyId: string;
  batches: LetterBatch[];
  minCell: number;
  /** Reminders are made only while the survey is open. */
  open: boolean;
  onReminder: (letters: Letter[]) => void;
}

export function LetterBatchList({ surveyId, batches, minCell, open, onReminder }: Props) {
  const { locale } = useT();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  if (batches.length === 0)
    return (
      <p>
        <T k="staff:actions.letters.none" />
      </p>
    );
  return (
    <ul className="letter-batches">
      {batches.map((batch) => (
        <li key={batch.batchId ?? "none"}>
          {batch.batchId && (
            <p className="hint">
              <T k="staff:actions.letters.batchFile" values={{ name: batchFileName(batch.batchId) }} />
            </p>
          )}
          <p>
            {batch.used === null || batch.rate === null ? (
              <T k="staff:actions.letters.batchFew" values={{ count: batch.letters, minCell }} />
            ) : (
              <T k="staff:actions.letters.batch" values={{ count: batch.letters, used: batch.used, rate: percent.format(batch.rate) }} />
            )}
          </p>
          {batch.reminder ? (
            <p>
              {batch.reminder.used === null || batch.reminder.rate === null ? (
                <T
                  k="staff:actions.letters.reminder.few"
                  values={{ count: batch.reminder.letters, date: batch.reminder.madeOn, minCell }}
                />
              ) : (
                <T
                  k="staff:actions.letters.reminder.rate"
                  values={{
                    count: batch.reminder.letters,
                    date: batch.reminder.madeOn,
                    used: batch.reminder.used,
                    rate: percent.format(batch.reminder.rate),
                  }}
                />
              )}
            </p>
          ) : (
            open &&
            batch.batchId && <ReminderMaker surveyId={surveyId} batchId={batch.batchId} letters={batch.letters} onMade={onReminder} />
          )}
        </li>
      ))}
    </ul>
  );
}
