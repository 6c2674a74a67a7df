/** The ward a city administrator is looking at; ward staff see only their own ward, so they get no picker. */
import { useId } from "react";
import type { StaffSession } from "../../../shared/staff/schemas";
import { wardRecords } from "../../../shared/wards/data";
import { T } from "../i18n/T";

export function WardPicker({ session, ward, onChange }: { session: StaffSession; ward: string; onChange: (ward: string) => void }) {
  const id = useId();
  if (session.user.role !== "city_admin") return null;
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k="staff:population.ward" />
      </label>
      <select id={id} value={ward} onChange={(e) => onChange(e.target.value)}>
        {wardRecords.map((w) => (
          <option key={w.code} value={w.code}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}
