/** 操作ログ: what staff did in the ward (everything, for a city administrator), newest first. */
import type { AuditEntry } from "../../../../shared/surveys/staff/results";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";

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

export function StaffAuditPage({ onEnded }: { onEnded: () => void }) {
  const { locale, plain } = useT();
  const { state, retry } = useLoader<AuditEntry[]>(async () => {
    const response = await api.api.staff.audit.$get();
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()).entries as AuditEntry[];
  }, "audit");
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" });
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:audit.heading" />
      </h1>
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : state.data.length === 0 ? (
        <p>
          <T k="staff:audit.empty" />
        </p>
      ) : (
        <TableScroll label={plain("staff:audit.caption")}>
          <table className="staff-table">
            <caption>
              <T k="staff:audit.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:audit.at" />
                </th>
                <th scope="col">
                  <T k="staff:audit.who" />
                </th>
                <th scope="col">
                  <T k="staff:audit.action" />
                </th>
                <th scope="col">
                  <T k="staff:audit.target" />
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((entry) => (
                <tr key={entry.id}>
                  <td>{time.format(new Date(entry.at))}</td>
                  <td>{entry.login}</td>
                  <td>{known.has(entry.action) ? <T k={`staff:audit.actions.${entry.action.replace(".", "_")}`} /> : entry.action}</td>
                  <td className="mono">{entry.target ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
