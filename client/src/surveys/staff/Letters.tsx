/**
 * Letters for a sampled survey: make a batch of invitation codes (downloaded once, as CSV, and
 * shown as printable letters: the codes exist nowhere else), and each batch's response rate.
 */
import { useId, useState } from "react";
import { parseCsv } from "../../../../shared/csv";
import type { Survey } from "../../../../shared/surveys/model";
import { wardRecords } from "../../../../shared/wards/data";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { saveFile } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";
import { type Letter, PrintableLetters } from "./PrintableLetters";

const wardName = (code: string) => wardRecords.find((w) => w.code === code)?.name ?? code;

export function Letters({ survey }: { survey: Survey }) {
  const { locale } = useT();
  const { api } = useStaffApi();
  const surveyId = survey.id;
  const [printable, setPrintable] = useState<Letter[] | null>(null);
  const countId = useId();
  const [count, setCount] = useState(100);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const { state } = useLoader(
    async () => await expectStatus(await api.surveys[":id"].letters.$get({ param: { id: surveyId } }), 200).json(),
    `${surveyId}:${refresh}`,
  );

  const make = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const size = Math.max(count, state.status === "ready" ? state.data.minimum : 1);
      const response = expectStatus(await api.surveys[":id"].letters.$post({ param: { id: surveyId }, json: { count: size } }), 201);
      const blob = await (response as unknown as Response).blob();
      const rows = parseCsv(await blob.text()).slice(1);
      setPrintable(rows.map(([number, code, url]) => ({ number: number ?? "", code: code ?? "", url: url ?? "" })));
      saveFile(blob, `letters-${surveyId}.csv`);
      setMessage({ key: "staff:actions.letters.made", values: { count: size } });
      setRefresh((n) => n + 1);
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section aria-labelledby={`${countId}-heading`} className="letters">
      <h2 id={`${countId}-heading`}>
        <T k="staff:actions.letters.heading" />
      </h2>
      {state.status === "ready" &&
        (state.data.batches.length === 0 ? (
          <p>
            <T k="staff:actions.letters.none" />
          </p>
        ) : (
          <ul>
            {state.data.batches.map((batch) => (
              <li key={batch.batchId ?? "none"}>
                {batch.used === null || batch.rate === null ? (
                  <T k="staff:actions.letters.batchFew" values={{ count: batch.letters, minCell: state.data.minCell }} />
                ) : (
                  <T
                    k="staff:actions.letters.batch"
                    values={{ count: batch.letters, used: batch.used, rate: percent.format(batch.rate) }}
                  />
                )}
              </li>
            ))}
          </ul>
        ))}
      {state.status === "ready" &&
        (state.data.publicUrl === null ? (
          <p role="note" className="notice">
            <T k="staff:actions.letters.noPublicUrl" />
          </p>
        ) : (
          <>
            <p className="hint">
              <T k="staff:actions.letters.linksTo" values={{ url: state.data.publicUrl }} />
            </p>
            <MakeLetters
              count={Math.max(count, state.data.minimum)}
              minimum={state.data.minimum}
              countId={countId}
              busy={busy}
              onCount={setCount}
              onMake={() => void make()}
            />
          </>
        ))}
      <StatusMessage message={message} />
      {printable && (
        <PrintableLetters
          title={survey.definition.title.ja}
          minutes={survey.estimatedMinutes}
          ward={survey.ward ? `大阪市 ${wardName(survey.ward)}役所` : "大阪市"}
          letters={printable}
          onClose={() => setPrintable(null)}
        />
      )}
    </section>
  );
}

function MakeLetters(props: {
  count: number;
  minimum: number;
  countId: string;
  busy: boolean;
  onCount(count: number): void;
  onMake(): void;
}) {
  return (
    <div className="row">
      <div className="field small">
        <label htmlFor={props.countId}>
          <T k="staff:actions.letters.count" />
        </label>
        <input
          id={props.countId}
          type="number"
          min={props.minimum}
          max={5000}
          value={props.count}
          aria-describedby={`${props.countId}-minimum`}
          onChange={(e) => props.onCount(Math.max(props.minimum, Math.min(5000, Number(e.target.value) || props.minimum)))}
        />
        <p className="hint" id={`${props.countId}-minimum`}>
          <T k="staff:actions.letters.minimum" values={{ count: props.minimum }} />
        </p>
      </div>
      <button type="button" className="button" disabled={props.busy} onClick={props.onMake}>
        <T k="staff:actions.letters.make" />
      </button>
    </div>
  );
}
