/** Loads a survey into the builder. */
import type { StaffSession } from "../../../shared/staff/schemas";
import type { Survey } from "../../../shared/surveys/model";
import { api } from "../api";
import { useLoader } from "../data";
import { T } from "../i18n/T";
import { navigate } from "../router";
import { LoadState } from "../shell/LoadState";
import { StaffSurveyEditor } from "./StaffSurveyEditor";

export function EditSurvey({ session, surveyId, onEnded }: { session: StaffSession; surveyId: string; onEnded: () => void }) {
  const { state, retry } = useLoader<Survey>(async () => {
    const response = await api.api.staff.surveys[":id"].$get({ param: { id: surveyId } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()) as unknown as Survey;
  }, surveyId);
  if (state.status !== "ready")
    return (
      <>
        <h1 tabIndex={-1}>
          <T k="staff:editor.editHeading" />
        </h1>
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      </>
    );
  const survey = state.data;
  return (
    <StaffSurveyEditor
      session={session}
      start={{
        id: survey.id,
        status: survey.status,
        version: survey.version,
        input: {
          ward: survey.ward,
          kind: survey.kind,
          resultsPublic: survey.resultsPublic,
          opensAt: survey.opensAt,
          closesAt: survey.closesAt,
          definition: survey.definition,
        },
      }}
      onSaved={() => navigate(`/staff/surveys/${survey.id}`)}
    />
  );
}
