/**
 * 職員アカウント: the accounts staff may see (ward staff: their ward's), with role, ward, state and
 * last login. A city administrator also makes accounts (a temporary password shown once), changes
 * role and ward, disables and enables, makes reset links (shown once) and ends sessions.
 */
import { useState } from "react";
import type { StaffAccount } from "../../../../shared/accounts/schemas";
import { jstZone } from "../../../../shared/time";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { AccountRow } from "./AccountRow";
import { NewAccountForm } from "./NewAccountForm";
import { OneTimeSecret, type Secret } from "./OneTimeSecret";
import { useAccountActions } from "./useAccountActions";

export function StaffUsersPage() {
  const { locale } = useT();
  const { api, session } = useStaffApi();
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const loader = useLoader<StaffAccount[]>(async () => (await expectStatus(await api.users.$get(), 200).json()).users, `users:${refresh}`);
  const reload = () => setRefresh((n) => n + 1);
  const admin = session.user.role === "city_admin";
  const actions = useAccountActions(setMessage, reload, (login, link) =>
    setSecret({ heading: "staff:accounts.linkHeading", intro: "staff:accounts.linkIntro", values: { login }, secret: link }),
  );
  const columns = [
    { key: "staff:users.login" },
    { key: "staff:users.name" },
    { key: "staff:users.role" },
    { key: "staff:accounts.state" },
    { key: "staff:accounts.lastLogin" },
    { key: "staff:users.sessions", number: true },
    admin && { key: "staff:users.actions" },
  ];
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: jstZone });

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
              <AccountRow
                key={user.id}
                user={user}
                self={user.id === session.user.id}
                actions={admin ? actions : null}
                columns={columns.filter(Boolean).length}
                lastLogin={(iso) => time.format(new Date(iso))}
                locale={locale}
              />
            ))}
          </StaffTable>
        )}
      </Loaded>
      {admin && (
        <NewAccountForm
          onCreated={(login, temporaryPassword) => {
            setMessage({ key: "staff:accounts.createdDone", values: { login } });
            setSecret({
              heading: "staff:accounts.passwordHeading",
              intro: "staff:accounts.passwordIntro",
              values: { login },
              secret: temporaryPassword,
            });
            reload();
          }}
        />
      )}
      <OneTimeSecret shown={secret} onClose={() => setSecret(null)} />
    </>
  );
}
