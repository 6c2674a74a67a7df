/** 職員アカウント: the accounts staff may see; a city administrator can end anyone's sessions at once (a lost laptop). */
import { useState } from "react";
import type { StaffUser } from "../../../../shared/accounts/schemas";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";

type Account = StaffUser & { locked: boolean; sessions: number };

export function StaffUsersPage() {
  const { plain } = useT();
  const { api, session, ended } = useStaffApi();
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState<StatusText | null>(null);
  const loader = useLoader<Account[]>(
    async () => (await expectStatus(await api.users.$get(), 200).json()).users as Account[],
    `users:${refresh}`,
  );
  const admin = session.user.role === "city_admin";
  const columns = [
    { key: "staff:users.login" },
    { key: "staff:users.name" },
    { key: "staff:users.role" },
    { key: "staff:users.sessions", number: true },
    admin && { key: "staff:users.actions" },
  ];

  const endSessions = async (user: Account) => {
    if (!window.confirm(plain("staff:users.confirmEnd", { login: user.login }))) return;
    try {
      const response = await api.users[":id"]["end-sessions"].$post({ param: { id: user.id } });
      const { ended: count } = await expectStatus(response, 200).json();
      setMessage({ key: "staff:users.ended", values: { login: user.login, count } });
      if (user.id === session.user.id) ended();
      else setRefresh((n) => n + 1);
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:users.heading" />
      </h1>
      <StatusMessage message={message} />
      <Loaded of={loader}>
        {(users) => (
          <StaffTable caption={{ key: "staff:users.caption" }} columns={columns}>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.login}</th>
                <td>{user.displayName}</td>
                <td>
                  <T k={`staff:users.roles.${user.role}`} />
                  {user.ward ? ` (${user.ward})` : ""}
                  {user.locked && (
                    <>
                      {" "}
                      <T k="staff:users.locked" />
                    </>
                  )}
                </td>
                <td className="number">{user.sessions}</td>
                {admin && (
                  <td>
                    <button type="button" className="button" disabled={user.sessions === 0} onClick={() => void endSessions(user)}>
                      <T k="staff:users.endSessions" values={{ login: user.login }} />
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </StaffTable>
        )}
      </Loaded>
    </>
  );
}
