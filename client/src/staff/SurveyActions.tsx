/** What staff can do with a survey: edit it, enter paper answers, download its results, publish, close or copy it. */
import { useState } from "react";
import type { StaffSession } from "../../../shared/staff/schemas";
import type { Survey } from "../../../shared/surveys/model";
import { api, errorKeyOf } from "../api";
import { T, useT } from "../i18n/T";
import { Link, navigate } from "../router";

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
    </div>
  );
}
