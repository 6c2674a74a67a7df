/** Where an account works: its role, and for ward staff their ward (every ward by name, in the staff member's language). */
import { useId } from "react";
import { type StaffRole, staffRoles } from "../../../../shared/accounts/schemas";
import { wardRecords } from "../../../../shared/wards/data";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { wardLabel } from "./wards";

export interface Placement {
  role: StaffRole;
  ward: string | null;
}

export function PlacementFields({ value, onChange }: { value: Placement; onChange: (value: Placement) => void }) {
  const roleId = useId();
  const wardId = useId();
  const { plain, locale } = useT();
  return (
    <>
      <div className="field">
        <label htmlFor={roleId}>
          <T k="staff:users.role" />
        </label>
        <select
          id={roleId}
          value={value.role}
          onChange={(e) => {
            const role = e.target.value as StaffRole;
            onChange({ role, ward: role === "city_admin" ? null : (value.ward ?? wardRecords[0]?.code ?? null) });
          }}
        >
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {plain(`staff:users.roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      {value.role === "ward_staff" && (
        <div className="field">
          <label htmlFor={wardId}>
            <T k="staff:users.ward" />
          </label>
          <select id={wardId} value={value.ward ?? ""} onChange={(e) => onChange({ ...value, ward: e.target.value })}>
            {wardRecords.map((w) => (
              <option key={w.code} value={w.code}>
                {plainText(wardLabel(w.code, locale))}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
