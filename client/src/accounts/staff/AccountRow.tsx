/** One account in the list: who, where (the ward by name), its state and last login, and — for a city administrator — what can be done to it. */
import { useState } from "react";
import type { StaffAccount } from "../../../../shared/accounts/schemas";
import { RubyText } from "../../app/i18n/ruby";
import { T } from "../../app/i18n/T";
import { FormActions } from "../../staff/FormActions";
import { type Placement, PlacementFields } from "./PlacementFields";
import type { useAccountActions } from "./useAccountActions";
import { wardLabel } from "./wards";

type Actions = ReturnType<typeof useAccountActions>;

export function AccountRow({
  user,
  self,
  actions,
  columns,
  lastLogin,
  locale,
}: {
  user: StaffAccount;
  self: boolean;
  /** Only a city administrator has them. */
  actions: Actions | null;
  columns: number;
  lastLogin: (iso: string) => string;
  locale: Parameters<typeof wardLabel>[1];
}) {
  const [editing, setEditing] = useState<Placement | null>(null);
  const name = { login: user.login };
  return (
    <>
      <tr>
        <th scope="row">{user.login}</th>
        <td>{user.displayName}</td>
        <td>
          <T k={`staff:users.roles.${user.role}`} />
          {user.ward && (
            <>
              {" ("}
              <RubyText text={wardLabel(user.ward, locale)} />
              {")"}
            </>
          )}
        </td>
        <td>
          <T k={user.disabled ? "staff:accounts.stateDisabled" : "staff:accounts.stateEnabled"} />
          {user.mustChangePassword && <T k="staff:accounts.stateTemporary" />}
          {user.failedLogins > 0 && <T k="staff:users.failedLogins" values={{ count: user.failedLogins }} />}
          <br />
          <T k={user.readsPersonal ? "staff:accounts.personalYes" : "staff:accounts.personalNo"} />
        </td>
        <td>{user.lastLoginAt ? lastLogin(user.lastLoginAt) : <T k="staff:accounts.never" />}</td>
        <td className="number">{user.sessions}</td>
        {actions && (
          <td>
            <div className="actions-row">
              {!self && (
                <button type="button" className="button" onClick={() => setEditing({ role: user.role, ward: user.ward })}>
                  <T k="staff:accounts.change" values={name} />
                </button>
              )}
              {!self &&
                (user.disabled ? (
                  <button type="button" className="button" onClick={() => void actions.enable(user)}>
                    <T k="staff:accounts.enable" values={name} />
                  </button>
                ) : (
                  <button type="button" className="button danger" onClick={() => void actions.disable(user)}>
                    <T k="staff:accounts.disable" values={name} />
                  </button>
                ))}
              <button type="button" className="button" onClick={() => void actions.personal(user, !user.readsPersonal)}>
                <T k={user.readsPersonal ? "staff:accounts.revokePersonal" : "staff:accounts.grantPersonal"} values={name} />
              </button>
              <button type="button" className="button" onClick={() => void actions.resetLink(user)}>
                <T k="staff:accounts.reset" values={name} />
              </button>
              {user.sessions > 0 && (
                <button type="button" className="button" onClick={() => void actions.endSessions(user)}>
                  <T k="staff:users.endSessions" values={name} />
                </button>
              )}
            </div>
          </td>
        )}
      </tr>
      {actions && editing && (
        <tr>
          <td colSpan={columns}>
            <form
              aria-label={user.login}
              onSubmit={(event) => {
                event.preventDefault();
                void actions.change(user, editing).then((changed) => changed && setEditing(null));
              }}
            >
              <PlacementFields value={editing} onChange={setEditing} />
              <FormActions save="staff:accounts.changeSave" cancel="staff:matching.cancel" onCancel={() => setEditing(null)} />
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
