/** 町会への加入申込: the ward's join requests, newest first, each moved from new to contacted to done; a purged one keeps no personal data. */
import { useState } from "react";
import { jstZone } from "../../../../shared/time";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { failure, type LocalMessage, LocalStatus } from "./LocalStatus";

interface JoinRequest {
  id: string;
  associationName: string;
  name: string | null;
  contact: string | null;
  address: string | null;
  message: string | null;
  status: "new" | "contacted" | "done";
  receivedAt: string;
  purgedAt: string | null;
}
const columns = [
  { key: "staff:local.received" },
  { key: "staff:local.association" },
  { key: "staff:local.applicant" },
  { key: "staff:local.status" },
];
const states = ["new", "contacted", "done"] as const;

export function JoinInbox({ ward, onChanged }: { ward: string; onChanged?: () => void }) {
  const { plain, locale } = useT();
  const { api } = useStaffApi();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<LocalMessage>(null);
  const loader = useLoader<JoinRequest[]>(
    async () =>
      ((await expectStatus(await api.local["join-requests"].$get({ query: { ward } }), 200).json()) as { requests: JoinRequest[] })
        .requests,
    `${ward}:${version}`,
  );
  const format = new Intl.DateTimeFormat(locale === "ja-easy" ? "ja" : locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: jstZone,
  });
  const setStatus = async (request: JoinRequest, status: JoinRequest["status"]) => {
    try {
      expectStatus(await api.local["join-requests"][":id"].$put({ param: { id: request.id }, json: { status } }), 204);
      setMessage({ key: "staff:local.statusSaved", values: { name: request.name ?? request.associationName } });
      setVersion((n) => n + 1);
      onChanged?.();
    } catch (error) {
      setMessage(await failure(error));
    }
  };
  return (
    <section aria-labelledby="joins-heading">
      <h2 id="joins-heading">
        <T k="staff:local.tab.joins" />
      </h2>
      <p>
        <T k="staff:local.joinsIntro" />
      </p>
      <LocalStatus message={message} />
      <Loaded of={loader}>
        {(requests) => (
          <StaffTable caption={{ key: "staff:local.joinsCaption", values: { count: requests.length } }} columns={columns}>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{format.format(new Date(r.receivedAt))}</td>
                <th scope="row">{r.associationName}</th>
                <td>
                  {r.purgedAt ? (
                    <T k="staff:local.purged" />
                  ) : (
                    <>
                      {r.name}
                      <br />
                      {r.contact}
                      <br />
                      {r.address}
                      {r.message && (
                        <>
                          <br />
                          {r.message}
                        </>
                      )}
                    </>
                  )}
                </td>
                <td>
                  <select
                    aria-label={plain("staff:local.statusOf", { name: r.name ?? r.associationName })}
                    value={r.status}
                    onChange={(e) => void setStatus(r, e.target.value as JoinRequest["status"])}
                  >
                    {states.map((s) => (
                      <option key={s} value={s}>
                        {plain(`staff:local.states.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
      </Loaded>
    </section>
  );
}
