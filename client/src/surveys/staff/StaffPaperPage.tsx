/**
 * 紙の回答の入力: mailed paper answers typed in, one letter after another (PaperForm), and the
 * entries this staff member made, each correctable until the survey closes.
 */
import { useState } from "react";
import type { Survey } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { type PaperEntry, PaperForm } from "./PaperForm";

export function StaffPaperPage({ surveyId }: { surveyId: string }) {
  const { api } = useStaffApi();
  const loader = useLoader<{ survey: Survey; entries: PaperEntry[] }>(async () => {
    const [survey, entries] = await Promise.all([
      api.surveys[":id"].$get({ param: { id: surveyId } }),
      api.surveys[":id"].paper.$get({ param: { id: surveyId } }),
    ]);
    return {
      survey: (await expectStatus(survey, 200).json()) as unknown as Survey,
      entries: (await expectStatus(entries, 200).json()).entries as PaperEntry[],
    };
  }, surveyId);
  return (
    <Loaded
      of={loader}
      waiting={
        <h1 tabIndex={-1}>
          <T k="staff:paper.heading" />
        </h1>
      }
    >
      {(data) => <PaperPage survey={data.survey} initialEntries={data.entries} />}
    </Loaded>
  );
}

function PaperPage({ survey, initialEntries }: { survey: Survey; initialEntries: PaperEntry[] }) {
  const { api } = useStaffApi();
  const [entries, setEntries] = useState(initialEntries);
  const [editing, setEditing] = useState<PaperEntry | null>(null);
  // The list is refreshed in place after each entry: the form, and its message, stay. A correction
  // starts from a copy, so choosing the same entry again starts it afresh.
  const onStored = async () => {
    const response = await api.surveys[":id"].paper.$get({ param: { id: survey.id } }).catch(() => null);
    if (response?.status === 200) setEntries((await response.json()).entries as PaperEntry[]);
  };
  return (
    <>
      <PaperForm survey={survey} editing={editing} onEditing={setEditing} onStored={() => void onStored()} />
      <section aria-labelledby="paper-entries">
        <h2 id="paper-entries">
          <T k="staff:paper.mine" values={{ count: entries.length }} />
        </h2>
        <ul className="entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span>
                {entry.receiptCode} · {entry.receivedAt.slice(0, 10)}
              </span>
              {survey.status !== "closed" && (
                <button type="button" className="button" onClick={() => setEditing({ ...entry })}>
                  <T k="staff:paper.correct" values={{ receipt: entry.receiptCode }} />
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
