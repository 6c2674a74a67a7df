/**
 * The ward a city administrator is looking at (or, with `city`, the whole city as its first choice,
 * whose value is "city"); ward staff see only their own ward, so they get no picker.
 */
import { useId } from "react";
import type { StaffSession } from "../../../shared/accounts/schemas";
import { plainText } from "../../../shared/locales/ruby";
import { wardRecords } from "../../../shared/wards/data";
import { wardName } from "../../../shared/wards/names";
import { T, useT } from "../app/i18n/T";

export function WardPicker({
  session,
  ward,
  onChange,
  labelKey = "staff:population.ward",
  city,
}: {
  session: StaffSession;
  ward: string;
  onChange: (ward: string) => void;
  labelKey?: string;
  /** The label key of a "whole city" choice, offered first. */
  city?: string;
}) {
  const id = useId();
  const { plain, locale } = useT();
  if (session.user.role !== "city_admin") return null;
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={labelKey} />
      </label>
      <select id={id} value={ward} onChange={(e) => onChange(e.target.value)}>
        {city && <option value="city">{plain(city)}</option>}
        {wardRecords.map((w) => (
          <option key={w.code} value={w.code}>
            {plainText(wardName(w, locale))}
          </option>
        ))}
      </select>
    </div>
  );
}
