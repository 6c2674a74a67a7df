/** A 通いの場's schedule: weekly rules (a weekday, a time, which weeks of the month), the dates it does not meet, and whether it skips 年末年始 and holidays. */
import { useId } from "react";
import { type ClosedDayKind, closedDayKinds } from "../../../../shared/local/closed-days";
import { T, useT } from "../../app/i18n/T";

interface Rule {
  weekday: number;
  start: string;
  end: string;
  weeks?: number[];
}
export interface Schedule {
  rules: Rule[];
  except?: string[];
  skip?: ClosedDayKind[];
}

export function ScheduleEditor({ value, onChange }: { value: Schedule; onChange: (value: Schedule) => void }) {
  const { locale } = useT();
  const id = useId();
  const weekday = (d: number) =>
    new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2023, 0, 1 + d)),
    );
  const setRule = (i: number, rule: Rule) => onChange({ ...value, rules: value.rules.map((r, k) => (k === i ? rule : r)) });
  return (
    <fieldset className="schedule">
      <legend>
        <T k="staff:local.fields.schedule" />
      </legend>
      {value.rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list of controlled inputs; a rule has no id
        <div className="row" key={i}>
          <div className="field small">
            <label htmlFor={`${id}-${i}-day`}>
              <T k="places.weekday" />
            </label>
            <select id={`${id}-${i}-day`} value={rule.weekday} onChange={(e) => setRule(i, { ...rule, weekday: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                <option key={d} value={d}>
                  {weekday(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-start`}>
              <T k="staff:local.start" />
            </label>
            <input
              id={`${id}-${i}-start`}
              type="time"
              value={rule.start}
              onChange={(e) => setRule(i, { ...rule, start: e.target.value })}
            />
          </div>
          <div className="field small">
            <label htmlFor={`${id}-${i}-end`}>
              <T k="staff:local.end" />
            </label>
            <input id={`${id}-${i}-end`} type="time" value={rule.end} onChange={(e) => setRule(i, { ...rule, end: e.target.value })} />
          </div>
          <WeeksOfMonth rule={rule} onChange={(next) => setRule(i, next)} />
          {value.rules.length > 1 && (
            <button type="button" className="button" onClick={() => onChange({ ...value, rules: value.rules.filter((_, k) => k !== i) })}>
              <T k="staff:local.removeRule" values={{ n: i + 1 }} />
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange({ ...value, rules: [...value.rules, { weekday: 2, start: "10:00", end: "11:00" }] })}
      >
        <T k="staff:local.addRule" />
      </button>
      <div className="field wide">
        <label htmlFor={`${id}-except`}>
          <T k="staff:local.except" />
        </label>
        <textarea
          id={`${id}-except`}
          rows={2}
          value={(value.except ?? []).join("\n")}
          onChange={(e) => {
            const except = e.target.value.split(/[\s,]+/).filter(Boolean);
            const { except: _old, ...rest } = value;
            onChange(except.length ? { ...rest, except } : rest);
          }}
        />
      </div>
      {closedDayKinds.map((kind) => (
        <label key={kind} className="check">
          <input
            type="checkbox"
            checked={value.skip?.includes(kind) ?? false}
            onChange={(e) => {
              const skip = closedDayKinds.filter((k) => (k === kind ? e.target.checked : value.skip?.includes(k)));
              const { skip: _old, ...rest } = value;
              onChange(skip.length ? { ...rest, skip } : rest);
            }}
          />
          <T k={`staff:local.skip.${kind}`} />
        </label>
      ))}
    </fieldset>
  );
}

/** Which weeks of the month a rule holds (第1 … 第5); all five is the same as no list. */
function WeeksOfMonth({ rule, onChange }: { rule: Rule; onChange: (rule: Rule) => void }) {
  const { plain } = useT();
  const weeks = rule.weeks ?? [1, 2, 3, 4, 5];
  return (
    <fieldset className="themes">
      <legend>
        <T k="staff:local.weeks" />
      </legend>
      {[1, 2, 3, 4, 5].map((w) => (
        <label key={w} className="check">
          <input
            type="checkbox"
            checked={weeks.includes(w)}
            onChange={() => {
              const next = weeks.includes(w) ? weeks.filter((x) => x !== w) : [...weeks, w].sort();
              const { weeks: _weeks, ...rest } = rule;
              onChange(next.length === 5 ? rest : { ...rest, weeks: next });
            }}
          />
          {plain("places.nth", { n: w })}
        </label>
      ))}
    </fieldset>
  );
}
