/** What staff can do with a survey: edit it, enter paper answers, download its results, publish, close or copy it. */
import { useState } from "react";
import type { Survey } from "../../../../shared/surveys/model";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { Link, navigate } from "../../app/router";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import { Letters } from "./Letters";

export function SurveyActions({ survey, by, onChanged }: { survey: Survey; by: string; onChanged: () => void }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const query = by ? `?by=${by}` : "";

  const act = async (action: "publish" | "close" | "duplicate") => {
    if (action !== "duplicate" && !window.confirm(plain(`staff:actions.confirm.${action}`))) return;
    setBusy(true);
    setMessage(null);
    try {
      const { id } = (await expectStatus(await api.surveys[":id"][action].$post({ param: { id: survey.id } }), 200).json()) as {
        id: string;
      };
      if (action === "duplicate") navigate(`/staff/surveys/${id}/edit`);
      else onChanged();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
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
        <Link className="button" to={`/staff/surveys/${survey.id}/crosstab`}>
          <T k="staff:actions.crosstab" />
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
      <StatusMessage message={message} />
      {survey.kind === "sampled" && <Letters survey={survey} />}
    </div>
  );
}
