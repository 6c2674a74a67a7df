/** Which survey question an indicator follows: a survey, one of its choice questions, and the options counted. */
import { useId } from "react";
import { localized, type SurveyDefinition } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import type { Surveys } from "./YearForm";

type ChoiceQuestion = Extract<SurveyDefinition["questions"][number], { type: "single" | "multiple" }>;
export interface Chosen {
  surveyId: string;
  questionId: string;
  optionIds: string[];
  /** The chosen question, once the survey is loaded. */
  question: ChoiceQuestion | undefined;
}

export function QuestionPicker({ surveys, chosen, onChange }: { surveys: Surveys; chosen: Chosen; onChange: (chosen: Chosen) => void }) {
  const { plain, locale } = useT();
  const { api } = useStaffApi();
  const id = useId();
  const { surveyId, questionId, optionIds } = chosen;
  const definition = useLoader<ChoiceQuestion[]>(async () => {
    const survey = (await expectStatus(await api.surveys[":id"].$get({ param: { id: surveyId } }), 200).json()) as {
      definition: SurveyDefinition;
    };
    return survey.definition.questions.filter((q): q is ChoiceQuestion => q.type === "single" || q.type === "multiple");
  }, surveyId || null);
  const questions = definition.state.status === "ready" ? definition.state.data : [];
  const question = questions.find((q) => q.id === questionId);
  const pick = (questionId: string) =>
    onChange({ surveyId, questionId, optionIds: [], question: questions.find((q) => q.id === questionId) });
  const toggle = (option: string) =>
    onChange({ ...chosen, optionIds: optionIds.includes(option) ? optionIds.filter((o) => o !== option) : [...optionIds, option] });
  return (
    <>
      <div className="field wide">
        <label htmlFor={`${id}-survey`}>
          <T k="staff:indicators.questionFrom" />
        </label>
        <select
          id={`${id}-survey`}
          value={surveyId}
          onChange={(e) => onChange({ surveyId: e.target.value, questionId: "", optionIds: [], question: undefined })}
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {plainText(localized(s.title, locale))}
            </option>
          ))}
        </select>
      </div>
      {definition.state.status === "failed" && (
        <p role="alert" className="error">
          <T k={definition.state.errorKey} />
        </p>
      )}
      <div className="field wide">
        <label htmlFor={`${id}-question`}>
          <T k="staff:indicators.question" />
        </label>
        <select id={`${id}-question`} value={questionId} onChange={(e) => pick(e.target.value)}>
          <option value="">{plain("staff:indicators.chooseQuestion")}</option>
          {questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.id}: {plainText(localized(q.text, locale))}
            </option>
          ))}
        </select>
      </div>
      {question && (
        <fieldset className="themes">
          <legend>
            <T k="staff:indicators.options" />
          </legend>
          {question.options.map((option) => (
            <label key={option.id} className="check">
              <input type="checkbox" checked={optionIds.includes(option.id)} onChange={() => toggle(option.id)} />
              {plainText(localized(option.label, locale))}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
