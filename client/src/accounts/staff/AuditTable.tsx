/** One page of the audit log as a table: time in Japan, the person, the ward by name, the action's label and its details in words. */
import type { AuditEntry } from "../../../../shared/accounts/audit";
import { auditActionLabel, auditDetails, auditWardLabel, type Translate } from "../../../../shared/accounts/audit-labels";
import { jstZone } from "../../../../shared/time";
import { RubyText } from "../../app/i18n/ruby";
import { useT } from "../../app/i18n/T";
import { StaffTable } from "../../staff/StaffTable";

const columns = [
  { key: "staff:audit.at" },
  { key: "staff:audit.who" },
  { key: "staff:audit.ward" },
  { key: "staff:audit.action" },
  { key: "staff:audit.details" },
];

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, locale } = useT();
  const staff: Translate = (key, values) => t(`staff:${key}`, values);
  const time = new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: jstZone,
  });
  return (
    <StaffTable caption={{ key: "staff:audit.caption" }} columns={columns}>
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td>
            <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
          </td>
          <td>{entry.login}</td>
          <td>
            <RubyText text={auditWardLabel(entry.ward, locale, staff)} />
          </td>
          <td>
            <RubyText text={auditActionLabel(entry.action, staff)} />
          </td>
          <td>
            <RubyText text={auditDetails(entry, locale, staff)} />
          </td>
        </tr>
      ))}
    </StaffTable>
  );
}
