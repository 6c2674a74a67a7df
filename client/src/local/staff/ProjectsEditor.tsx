/** A 地活協's projects, a row each: year, title and amount. */
import { useId } from "react";
import { T } from "../../app/i18n/T";

export interface Project {
  year: number;
  title: string;
  amountYen: number;
}

export function ProjectsEditor({ value, onChange }: { value: Project[]; onChange: (value: Project[]) => void }) {
  const id = useId();
  const set = (i: number, project: Project) => onChange(value.map((p, k) => (k === i ? project : p)));
  return (
    <fieldset>
      <legend>
        <T k="staff:local.fields.projects" />
      </legend>
      {value.map((project, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list of controlled inputs; a project has no id
        <div className="row" key={i}>
          <div className="field small">
            <label htmlFor={`${id}-${i}-year`}>
              <T k="community.projectYear" />
            </label>
            <input
              id={`${id}-${i}-year`}
              type="number"
              value={project.year}
              onChange={(e) => set(i, { ...project, year: Number(e.target.value) })}
            />
          </div>
          <div className="field wide">
            <label htmlFor={`${id}-${i}-title`}>
              <T k="community.projectTitle" />
            </label>
            <input id={`${id}-${i}-title`} value={project.title} onChange={(e) => set(i, { ...project, title: e.target.value })} />
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-amount`}>
              <T k="community.projectAmount" />
            </label>
            <input
              id={`${id}-${i}-amount`}
              type="number"
              min={0}
              value={project.amountYen}
              onChange={(e) => set(i, { ...project, amountYen: Number(e.target.value) })}
            />
          </div>
          <button type="button" className="button" onClick={() => onChange(value.filter((_, k) => k !== i))}>
            <T k="staff:local.removeProject" values={{ n: i + 1 }} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...value, { year: new Date().getFullYear(), title: "", amountYen: 0 }])}
      >
        <T k="staff:local.addProject" />
      </button>
    </fieldset>
  );
}
