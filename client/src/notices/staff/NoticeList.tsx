/** The notices of the ward (or the city): who each went to, when, its sent, failed and expired counts; one still waiting can be cancelled. */
import { useState } from "react";
import { type BroadcastInput, type Segment, topicOf } from "../../../../shared/notices/schemas";
import { jstZone } from "../../../../shared/time";
import { wardRecords } from "../../../../shared/wards/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";

export interface Listed {
  id: string;
  kind: "timeline" | "broadcast";
  ward: string | null;
  segment: Segment;
  texts: BroadcastInput["texts"] | null;
  item: string | null;
  cohort: string | null;
  sendAt: string;
  status: "scheduled" | "sending" | "done" | "cancelled";
  sent: number;
  failed: number;
  expired: number;
}

export const wardName = (code: string | null) => (code === null ? null : (wardRecords.find((w) => w.code === code)?.name ?? code));
const columns = (["title", "to", "sendAt", "status", "sent", "failed", "expired", "actions"] as const).map((column) => ({
  key: `staff:notices.columns.${column}`,
}));
const format = (iso: string) => new Date(iso).toLocaleString("ja-JP", { timeZone: jstZone, dateStyle: "medium", timeStyle: "short" });

export function NoticeList({ notices, enabled, onChanged }: { notices: Listed[]; enabled: boolean; onChanged: () => void }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const [message, setMessage] = useState<StatusText | null>(null);
  const cancel = async (notice: Listed) => {
    if (!window.confirm(plain("staff:notices.confirmCancel", { title: notice.texts?.ja.title ?? "" }))) return;
    try {
      expectStatus(await api.notices[":id"].cancel.$post({ param: { id: notice.id } }), 204);
      setMessage({ key: "staff:notices.cancelled", error: false });
      onChanged();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const audienceText = (segment: Segment) => {
    const a = segment.audience;
    const topic = plain(`staff:notices.topicShort.${topicOf(segment)}`);
    if (a.kind === "children") return `${topic} / ${plain("staff:notices.audienceChildren", { from: a.fromYears, to: a.toYears })}`;
    if (a.kind === "cohort") return `${topic} / ${a.cohort}`;
    return a.kind === "all" ? topic : `${topic} / ${plain(`staff:notices.audienceShort.${a.kind}`)}`;
  };
  return (
    <>
      {!enabled && (
        <p className="notice">
          <T k="staff:notices.disabled" />
        </p>
      )}
      <StatusMessage message={message} />
      {notices.length === 0 ? (
        <p>
          <T k="staff:notices.none" />
        </p>
      ) : (
        <StaffTable label={plain("staff:notices.listHeading")} columns={columns} className={null}>
          {notices.map((n) => (
            <tr key={n.id}>
              <td>{n.texts?.ja.title ?? (n.item ? plain(`childcare.items.${n.item}.title`) : "")}</td>
              <td>
                {wardName(n.ward) ?? plain("staff:notices.city")} / {audienceText(n.segment)}
              </td>
              <td>{format(n.sendAt)}</td>
              <td>
                <T k={`staff:notices.statuses.${n.status}`} />
              </td>
              <td className="number">{n.sent}</td>
              <td className="number">{n.failed}</td>
              <td className="number">{n.expired}</td>
              <td>
                {n.status === "scheduled" && n.kind === "broadcast" && (
                  <button type="button" className="button" onClick={() => void cancel(n)}>
                    <T k="staff:notices.cancel" />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
    </>
  );
}
