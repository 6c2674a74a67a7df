/** One field of a local item's form, by its type in the kind's field list (localKinds.ts). */
import type { ReactNode } from "react";
import { localized } from "../../../../shared/surveys/model";
import type { StaffSurveyList } from "../../../../shared/surveys/staff/results";
import { fromJstLocalInput, toJstLocalInput } from "../../../../shared/time";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import type { Field, Kind } from "./localKinds";
import { type Project, ProjectsEditor } from "./ProjectsEditor";
import { type Schedule, ScheduleEditor } from "./ScheduleEditor";

export function LocalField({
  field,
  id,
  kind,
  ward,
  value: v,
  set,
  polls,
}: {
  field: Field;
  /** The control's id. */
  id: string;
  kind: Kind;
  ward: string;
  value: unknown;
  set: (value: unknown) => void;
  /** The ward's polls, which a meeting may carry. */
  polls: StaffSurveyList["surveys"];
}) {
  const { plain, locale } = useT();
  const labelled = (control: ReactNode) => (
    <div className="field wide">
      <label htmlFor={id}>
        <T k={`staff:local.fields.${field.key}`} />
      </label>
      {control}
    </div>
  );
  switch (field.type) {
    case "text":
      return labelled(<input id={id} value={String(v ?? "")} onChange={(e) => set(e.target.value)} />);
    case "url":
      return labelled(<input id={id} type="url" value={String(v ?? "")} onChange={(e) => set(e.target.value || null)} />);
    case "textarea":
      return labelled(<textarea id={id} rows={3} value={String(v ?? "")} onChange={(e) => set(e.target.value)} />);
    case "date":
      return labelled(<input id={id} type="date" value={String(v ?? "")} onChange={(e) => set(e.target.value)} />);
    case "datetime":
      return labelled(
        <input
          id={id}
          type="datetime-local"
          value={toJstLocalInput(String(v))}
          onChange={(e) => e.target.value && set(fromJstLocalInput(e.target.value))}
        />,
      );
    case "number":
      return labelled(<input id={id} type="number" step="any" value={Number(v ?? 0)} onChange={(e) => set(Number(e.target.value))} />);
    case "nullableNumber":
      return labelled(
        <input
          id={id}
          type="number"
          min={1}
          value={v === null ? "" : Number(v)}
          onChange={(e) => set(e.target.value ? Number(e.target.value) : null)}
        />,
      );
    case "lines":
      return labelled(
        <textarea
          id={id}
          rows={3}
          value={(v as string[]).join("\n")}
          onChange={(e) =>
            set(
              e.target.value
                .split("\n")
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
        />,
      );
    case "area":
      return labelled(
        <input
          id={id}
          value={String(v ?? "")}
          placeholder={`${ward}-01`}
          onChange={(e) => set(e.target.value.trim() || (kind === "councils" ? "" : null))}
        />,
      );
    case "select":
      return labelled(
        <select id={id} value={String(v)} onChange={(e) => set(e.target.value)}>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {plain(field.label(o))}
            </option>
          ))}
        </select>,
      );
    case "checks": {
      const chosen = v as string[];
      return (
        <fieldset className="themes">
          <legend>
            <T k={`staff:local.fields.${field.key}`} />
          </legend>
          {field.options.map((o) => (
            <label key={o} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o)}
                onChange={() => set(chosen.includes(o) ? chosen.filter((c) => c !== o) : [...chosen, o])}
              />
              {plain(field.label(o))}
            </label>
          ))}
        </fieldset>
      );
    }
    case "poll":
      return labelled(
        <select id={id} value={String(v ?? "")} onChange={(e) => set(e.target.value || null)}>
          <option value="">{plain("staff:local.noPoll")}</option>
          {polls.map((poll) => (
            <option key={poll.id} value={poll.id}>
              {plainText(localized(poll.title, locale))}
            </option>
          ))}
        </select>,
      );
    case "schedule":
      return <ScheduleEditor value={v as Schedule} onChange={set} />;
    case "projects":
      return <ProjectsEditor value={v as Project[]} onChange={set} />;
  }
}
