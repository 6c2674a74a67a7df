/** Loads a survey into the builder. */
import type { Survey } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { navigate } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { StaffSurveyEditor } from "./StaffSurveyEditor";

export function EditSurvey({ surveyId }: { surveyId: string }) {
  const { api } = useStaffApi();
  const loader = useLoader<Survey>(
    async () => (await expectStatus(await api.surveys[":id"].$get({ param: { id: surveyId } }), 200).json()) as unknown as Survey,
    surveyId,
  );
  return (
    <Loaded
      of={loader}
      waiting={
        <h1 tabIndex={-1}>
          <T k="staff:editor.editHeading" />
        </h1>
      }
    >
      {(survey) => (
        <StaffSurveyEditor
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
      )}
    </Loaded>
  );
}
