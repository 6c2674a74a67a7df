/** 操作ログ: what staff did in the ward (everything, for a city administrator), newest first. */
import type { AuditEntry } from "../../../../shared/surveys/staff/results";
import { jstZone } from "../../../../shared/time";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";

const known = new Set([
  "survey.create",
  "survey.edit",
  "survey.publish",
  "survey.close",
  "survey.duplicate",
  "survey.export",
  "paper.enter",
  "paper.correct",
  "letters.generate",
  "staff.add_user",
  "staff.end_sessions",
]);
const columns = [{ key: "staff:audit.at" }, { key: "staff:audit.who" }, { key: "staff:audit.action" }, { key: "staff:audit.target" }];

export function StaffAuditPage() {
  const { locale } = useT();
  const { api } = useStaffApi();
  const loader = useLoader<AuditEntry[]>(
    async () => (await expectStatus(await api.audit.$get(), 200).json()).entries as AuditEntry[],
    "audit",
  );
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: jstZone });
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:audit.heading" />
      </h1>
      <Loaded of={loader}>
        {(entries) =>
          entries.length === 0 ? (
            <p>
              <T k="staff:audit.empty" />
            </p>
          ) : (
            <StaffTable caption={{ key: "staff:audit.caption" }} columns={columns}>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{time.format(new Date(entry.at))}</td>
                  <td>{entry.login}</td>
                  <td>{known.has(entry.action) ? <T k={`staff:audit.actions.${entry.action.replace(".", "_")}`} /> : entry.action}</td>
                  <td className="mono">{entry.target ?? "—"}</td>
                </tr>
              ))}
            </StaffTable>
          )
        }
      </Loaded>
    </>
  );
}
