/** For a city administrator: every ward's need and policy count per theme, side by side, and its CSV. */
import type { WardComparison } from "../../../../shared/planning/matching";
import { themes } from "../../../../shared/surveys/model";
import { wardRecords } from "../../../../shared/wards/data";
import { wardName } from "../../../../shared/wards/names";
import { useLoader } from "../../app/data";
import { RubyText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { NeedValue } from "./NeedValue";

const columns = [
  { key: "staff:population.ward" },
  ...themes.map((theme) => ({ key: theme, label: <T k={`staff:editor.themeNames.${theme}`} />, number: true })),
];

export function WardComparisonTable({ version }: { version: number }) {
  const { locale } = useT();
  const { api } = useStaffApi();
  const loader = useLoader<WardComparison>(
    async () => (await expectStatus(await api.matching.wards.$get(), 200).json()) as WardComparison,
    `wards:${version}`,
  );
  return (
    <section aria-labelledby="wards-heading">
      <h2 id="wards-heading">
        <T k="staff:matching.wardsHeading" />
      </h2>
      <p>
        <T k="staff:matching.wardsIntro" />
      </p>
      <Loaded of={loader}>
        {(comparison) => (
          <>
            <StaffTable caption={{ key: "staff:matching.wardsCaption" }} columns={columns} className="staff-table matching">
              {comparison.wards.map((row) => {
                const record = wardRecords.find((w) => w.code === row.ward);
                return (
                  <tr key={row.ward}>
                    <th scope="row">{record ? <RubyText text={wardName(record, locale)} /> : row.ward}</th>
                    {row.cells.map((cell) => (
                      <td key={cell.theme} className={cell.standsOut ? "number stands-out" : "number"}>
                        <NeedValue cell={cell.need} min={comparison.minCell} />
                        <br />
                        <T k="staff:matching.policyCount" values={{ count: cell.policies }} />
                        {cell.standsOut && (
                          <strong className="flag">
                            <T k="staff:matching.standsOut" />
                          </strong>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </StaffTable>
            <p>
              <a className="button" href="/api/staff/matching/wards.csv" download>
                <T k="staff:matching.downloadWardsCsv" />
              </a>
            </p>
          </>
        )}
      </Loaded>
    </section>
  );
}
