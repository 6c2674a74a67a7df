/** 職員アカウント: the accounts staff may see; a city administrator can end anyone's sessions at once (a lost laptop). */
import { useState } from "react";
import type { StaffSession, StaffUser } from "../../../../shared/accounts/schemas";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { TableScroll } from "../../staff/TableScroll";

type Account = StaffUser & { locked: boolean; sessions: number };

export function StaffUsersPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const { plain } = useT();
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState<{ key: string; values?: Record<string, string | number>; error?: boolean } | null>(null);
  const { state, retry } = useLoader<Account[]>(async () => {
    const response = await api.api.staff.users.$get();
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()).users as Account[];
  }, `users:${refresh}`);
  const admin = session.user.role === "city_admin";

  const endSessions = async (user: Account) => {
    if (!window.confirm(plain("staff:users.confirmEnd", { login: user.login }))) return;
    try {
      const response = await api.api.staff.users[":id"]["end-sessions"].$post(
        { param: { id: user.id } },
        { headers: { "x-csrf-token": session.csrfToken } },
      );
      if (response.status !== 200) throw response;
      const { ended } = await response.json();
      setMessage({ key: "staff:users.ended", values: { login: user.login, count: ended } });
      if (user.id === session.user.id) onEnded();
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
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
          <T k={message.key} values={message.values} />
        </p>
      )}
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <TableScroll label={plain("staff:users.caption")}>
          <table className="staff-table">
            <caption>
              <T k="staff:users.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <T k="staff:users.login" />
                </th>
                <th scope="col">
                  <T k="staff:users.name" />
                </th>
                <th scope="col">
                  <T k="staff:users.role" />
                </th>
                <th scope="col" className="number">
                  <T k="staff:users.sessions" />
                </th>
                {admin && (
                  <th scope="col">
                    <T k="staff:users.actions" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {state.data.map((user) => (
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
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
