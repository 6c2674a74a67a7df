/** What staff can do with a survey: edit it, enter paper answers, download its results, publish, close or copy it. */
import { useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { parseCsv } from "../../../../shared/csv";
import type { Survey } from "../../../../shared/surveys/model";
import { wardRecords } from "../../../../shared/wards/data";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { Link, navigate } from "../../app/router";
import { type Letter, PrintableLetters } from "./PrintableLetters";

const wardName = (code: string) => wardRecords.find((w) => w.code === code)?.name ?? code;

export function SurveyActions({
  session,
  survey,
  by,
  onChanged,
}: {
  session: StaffSession;
  survey: Survey;
  by: string;
  onChanged: () => void;
}) {
  const { plain } = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headers = { "x-csrf-token": session.csrfToken };
  const query = by ? `?by=${by}` : "";

  const act = async (action: "publish" | "close" | "duplicate") => {
    if (action !== "duplicate" && !window.confirm(plain(`staff:actions.confirm.${action}`))) return;
    setBusy(true);
    setError(null);
    try {
      const param = { param: { id: survey.id } };
      const response =
        action === "publish"
          ? await api.api.staff.surveys[":id"].publish.$post(param, { headers })
          : action === "close"
            ? await api.api.staff.surveys[":id"].close.$post(param, { headers })
            : await api.api.staff.surveys[":id"].duplicate.$post(param, { headers });
      if (response.status !== 200) throw response;
      const { id } = (await response.json()) as { id: string };
      if (action === "duplicate") navigate(`/staff/surveys/${id}/edit`);
      else onChanged();
    } catch (failure) {
      setError(await errorKeyOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="survey-actions">
      <p>
        <T k={`staff:surveys.statuses.${survey.status}`} /> · <T k={`staff:surveys.kinds.${survey.kind}`} />
      </p>
      <div className="actions">
        {survey.status !== "closed" && (
          <Link className="button" to={`/staff/surveys/${survey.id}/edit`}>
            <T k="staff:actions.edit" />
          </Link>
        )}
        {survey.status === "open" && (
          <Link className="button" to={`/staff/surveys/${survey.id}/paper`}>
            <T k="staff:actions.paper" />
          </Link>
        )}
        <Link className="button" to={`/staff/surveys/${survey.id}/comments`}>
          <T k="staff:actions.comments" />
        </Link>
        <a className="button" href={`/api/staff/surveys/${survey.id}/export.csv${query}`} download>
          <T k="staff:actions.csv" />
        </a>
        <a className="button" href={`/api/staff/surveys/${survey.id}/export.json${query}`} download>
          <T k="staff:actions.json" />
        </a>
        {survey.status === "draft" && (
          <button type="button" className="button primary" disabled={busy} onClick={() => void act("publish")}>
            <T k="staff:actions.publish" />
          </button>
        )}
        {survey.status === "open" && (
          <button type="button" className="button" disabled={busy} onClick={() => void act("close")}>
            <T k="staff:actions.close" />
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => void act("duplicate")}>
          <T k="staff:actions.duplicate" />
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          <T k={error} />
        </p>
      )}
      {survey.kind === "sampled" && survey.status !== "closed" && <Letters session={session} survey={survey} />}
    </div>
  );
}

/** Letters for a sampled survey: make a batch of codes (downloaded once, as CSV), and each batch's response rate. */
function Letters({ session, survey }: { session: StaffSession; survey: Survey }) {
  const { locale } = useT();
  const surveyId = survey.id;
  const [printable, setPrintable] = useState<Letter[] | null>(null);
  const countId = useId();
  const [count, setCount] = useState(100);
  const [made, setMade] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const { state } = useLoader(async () => {
    const response = await api.api.staff.surveys[":id"].letters.$get({ param: { id: surveyId } });
    if (response.status !== 200) throw response;
    return (await response.json()).batches;
  }, `${surveyId}:${refresh}`);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.api.staff.surveys[":id"].letters.$post(
        { param: { id: surveyId }, json: { count } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 201) throw response;
      const blob = await (response as unknown as Response).blob();
      const rows = parseCsv((await blob.text()).replace(/^\uFEFF/, "")).slice(1);
      setPrintable(rows.map(([number, code, url]) => ({ number: number ?? "", code: code ?? "", url: url ?? "" })));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `letters-${surveyId}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
      setMade(count);
      setRefresh((n) => n + 1);
    } catch (failure) {
      setError(await errorKeyOf(failure));
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
        (state.data.length === 0 ? (
          <p>
            <T k="staff:actions.letters.none" />
          </p>
        ) : (
          <ul>
            {state.data.map((batch) => (
              <li key={batch.batchId ?? "none"}>
                <T k="staff:actions.letters.batch" values={{ count: batch.letters, used: batch.used, rate: percent.format(batch.rate) }} />
              </li>
            ))}
          </ul>
        ))}
      <div className="row">
        <div className="field small">
          <label htmlFor={countId}>
            <T k="staff:actions.letters.count" />
          </label>
          <input
            id={countId}
            type="number"
            min={1}
            max={5000}
            value={count}
            onChange={(e) => setCount(Math.max(1, Math.min(5000, Number(e.target.value) || 1)))}
          />
        </div>
        <button type="button" className="button" disabled={busy} onClick={() => void make()}>
          <T k="staff:actions.letters.make" />
        </button>
      </div>
      {made !== null && (
        <p role="status">
          <T k="staff:actions.letters.made" values={{ count: made }} />
        </p>
      )}
      {printable && (
        <PrintableLetters
          title={survey.definition.title.ja}
          ward={survey.ward ? `大阪市 ${wardName(survey.ward)}役所` : "大阪市"}
          letters={printable}
          onClose={() => setPrintable(null)}
        />
      )}
      {error && (
        <p role="alert" className="error">
          <T k={error} />
        </p>
      )}
    </section>
  );
}
