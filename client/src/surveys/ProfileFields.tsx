/** The optional "about you" questions at the end of a survey; every one can stay 答えない. */
import { useId } from "react";
import { ageBands, type Profile, type ProfileField, yearsBands, yesNo } from "../../../shared/surveys/model";
import { areaName } from "../../../shared/wards/names";
import type { Area } from "../../../shared/wards/schemas";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { useAreas } from "../wards/useWards";

interface Props {
  fields: readonly ProfileField[];
  ward: string | null;
  /** The ward's 地域 saved with the survey on the device (answering offline); fetched when absent. */
  savedAreas?: readonly Area[] | undefined;
  profile: Profile;
  onChange: (profile: Profile) => void;
}

export function ProfileFields({ fields, ward, savedAreas, profile, onChange }: Props) {
  const { plain, locale } = useT();
  const areas = useAreas(fields.includes("area") && !savedAreas?.length ? ward : null);
  const areaList = savedAreas?.length ? savedAreas : areas.state.status === "ready" ? areas.state.data : [];
  const id = useId();
  const set = (field: ProfileField, value: string) => {
    const next: Record<string, string> = { ...profile };
    if (value === "") delete next[field];
    else next[field] = value;
    onChange(next as Profile);
  };
  const select = (field: ProfileField, labelKey: string, options: { value: string; label: string }[]) => (
    <div className="field" key={field}>
      <label htmlFor={`${id}-${field}`}>
        <T k={labelKey} />
      </label>
      <select id={`${id}-${field}`} value={profile[field] ?? ""} onChange={(e) => set(field, e.target.value)}>
        <option value="">{plain("surveys.profile.noAnswer")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="question">
      <p className="hint">
        <T k="surveys.profile.intro" />
      </p>
      {fields.map((field) => {
        const choices = {
          ageBand: ageBands.map((b) => ({ value: b, label: plain(`surveys.profile.ageBands.${b}`) })),
          area: areaList.map((a) => ({ value: a.id, label: plainText(areaName(a, locale)) })),
          childrenUnder6: yesNo.map((v) => ({ value: v, label: plain(`surveys.profile.yesNo.${v}`) })),
          yearsInWard: yearsBands.map((b) => ({ value: b, label: plain(`surveys.profile.yearsBands.${b}`) })),
        }[field];
        // The area question needs the ward's areas; without them (offline, never loaded) it is left out.
        return choices.length > 0 ? select(field, `surveys.profile.${field}`, choices) : null;
      })}
    </div>
  );
}
