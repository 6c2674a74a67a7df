/**
 * 地域 in the console: the ward's areas (name, reading, population) as the city supplied them, a
 * download of them as CSV, and the import of a new file (AreasImport) — all rows or none.
 */
import { useState } from "react";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";
import { AreasImport } from "./AreasImport";

const columns = [{ key: "staff:areas.name" }, { key: "staff:areas.reading" }, { key: "staff:areas.population", number: true }] as const;

export function StaffAreasPage() {
  const { api, session } = useStaffApi();
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const loader = useLoader(async () => (await expectStatus(await api.wards.areas.$get({ query: { ward } }), 200).json()).areas, ward);
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:areas.heading" />
      </h1>
      <p>
        <T k="staff:areas.intro" />
      </p>
      <WardPicker session={session} ward={ward} onChange={setWard} labelKey="staff:areas.ward" />
      <AreasImport ward={ward} onImported={loader.retry} />
      <Loaded of={loader}>
        {(areas) =>
          areas.length === 0 ? (
            <p>
              <T k="staff:areas.none" />
            </p>
          ) : (
            <StaffTable caption={{ key: "staff:areas.caption", values: { count: areas.length } }} columns={columns}>
              {areas.map((area) => (
                <tr key={area.id}>
                  <td>{area.name}</td>
                  <td>{area.reading}</td>
                  <td className="number">{area.population.toLocaleString()}</td>
                </tr>
              ))}
            </StaffTable>
          )
        }
      </Loaded>
    </>
  );
}
