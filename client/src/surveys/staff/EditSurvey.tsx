/** Loads a survey into the builder. */
import type { StaffSession } from "../../../../shared/accounts/schemas";
import type { Survey } from "../../../../shared/surveys/model";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { navigate } from "../../app/router";
import { LoadState } from "../../app/shell/LoadState";
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
