/**
 * A new indicator: its name, its scope (the city, for an administrator, or a ward), the survey
 * question and options whose share it follows, the baseline and target years, and the target's
 * change in points. Checked here first; the server checks again.
 */
import { type FormEvent, useId, useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { FormActions, FormProblem } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";
import { type Chosen, QuestionPicker } from "./QuestionPicker";
import type { Surveys } from "./YearForm";

export function NewIndicator({ surveys, onChanged }: { surveys: Surveys; onChanged: (message: StatusText) => void }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        <T k="staff:indicators.add" />
      </button>
    );
  return <IndicatorForm surveys={surveys} onChanged={onChanged} onClose={() => setOpen(false)} />;
}

function IndicatorForm({
  surveys,
  onChanged,
  onClose,
}: {
  surveys: Surveys;
  onChanged: (message: StatusText) => void;
  onClose: () => void;
}) {
  const { api, session } = useStaffApi();
  const id = useId();
  const [scope, setScope] = useState<string>(session.user.role === "city_admin" ? "city" : (session.user.ward ?? ""));
  const [chosen, setChosen] = useState<Chosen>({ surveyId: surveys[0]?.id ?? "", questionId: "", optionIds: [], question: undefined });
  const [name, setName] = useState("");
  const [baselineYear, setBaselineYear] = useState(new Date().getFullYear() - 1);
  const [targetYear, setTargetYear] = useState(new Date().getFullYear() + 3);
  const [points, setPoints] = useState("10");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { question, questionId, optionIds } = chosen;
    const target = Number(points);
    if (!name.trim()) return setProblem("staff:indicators.nameMissing");
    if (!question || optionIds.length === 0) return setProblem("staff:indicators.optionsMissing");
    if (question.type === "multiple" && optionIds.length > 1) return setProblem("staff:indicators.oneOption");
    if (targetYear <= baselineYear) return setProblem("staff:indicators.yearsInvalid");
    if (!Number.isFinite(target) || Math.abs(target) > 100) return setProblem("staff:indicators.pointsInvalid");
    setProblem(null);
    const json = {
      name: name.trim(),
      ward: scope === "city" ? null : scope,
      questionId,
      optionIds,
      baselineYear,
      targetYear,
      targetPoints: target,
    };
    try {
      expectStatus(await api.indicators.$post({ json }), 201);
      onClose();
      onChanged({ key: "staff:indicators.created", values: { name: name.trim() } });
    } catch (failure) {
      setProblem(await errorKeyOf(failure));
    }
  };
  const year = (value: number, set: (n: number) => void, key: string, which: string) => (
    <div className="field small">
      <label htmlFor={`${id}-${which}`}>
        <T k={key} />
      </label>
      <input
        id={`${id}-${which}`}
        type="number"
        inputMode="numeric"
        value={value}
        onChange={(e) => set(Math.round(Number(e.target.value)) || value)}
      />
    </div>
  );

  return (
    <form
      className="indicator-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <h2>
        <T k="staff:indicators.newHeading" />
      </h2>
      <div className="field wide">
        <label htmlFor={`${id}-name`}>
          <T k="staff:indicators.name" />
        </label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </div>
      <WardPicker session={session} ward={scope} onChange={setScope} labelKey="staff:indicators.scope" city="staff:indicators.city" />
      <QuestionPicker surveys={surveys} chosen={chosen} onChange={setChosen} />
      <div className="row">
        {year(baselineYear, setBaselineYear, "staff:indicators.baselineYear", "baseline")}
        {year(targetYear, setTargetYear, "staff:indicators.targetYear", "target")}
        <div className="field small">
          <label htmlFor={`${id}-points`}>
            <T k="staff:indicators.targetPoints" />
          </label>
          <input id={`${id}-points`} inputMode="decimal" value={points} onChange={(e) => setPoints(e.target.value)} />
        </div>
      </div>
      <FormProblem id={`${id}-problem`} problem={problem} />
      <FormActions save="staff:indicators.create" onCancel={onClose} />
    </form>
  );
}
