/**
 * What a city administrator does to an account from the list: each destructive action asks first,
 * then calls the server, says what happened (or why not, in the staff member's language) and
 * reloads the list. A reset link comes back once, for the page to show.
 */
import type { StaffAccount } from "../../../../shared/accounts/schemas";
import { errorKeyOf } from "../../app/errors";
import { useT } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";
import type { Placement } from "./PlacementFields";

export function useAccountActions(
  report: (message: StatusText) => void,
  reload: () => void,
  showLink: (login: string, link: string) => void,
) {
  const { plain } = useT();
  const { api, session, ended } = useStaffApi();
  const users = api.users[":id"];

  /** Asks (unless `ask` is null), runs, reports `done` with the account's login; a refusal is reported as its error. */
  const run = async (user: StaffAccount, ask: string | null, done: string, call: () => Promise<unknown>) => {
    if (ask && !window.confirm(plain(ask, { login: user.login }))) return false;
    try {
      await call();
      report({ key: done, values: { login: user.login } });
      reload();
      return true;
    } catch (failure) {
      report({ key: await errorKeyOf(failure), error: true });
      return false;
    }
  };
  const param = (user: StaffAccount) => ({ param: { id: user.id } });

  return {
    endSessions: async (user: StaffAccount) => {
      if (!window.confirm(plain("staff:users.confirmEnd", { login: user.login }))) return;
      try {
        const { ended: count } = await expectStatus(await users["end-sessions"].$post(param(user)), 200).json();
        report({ key: "staff:users.ended", values: { login: user.login, count } });
        if (user.id === session.user.id) ended();
        else reload();
      } catch (failure) {
        report({ key: await errorKeyOf(failure), error: true });
      }
    },
    disable: (user: StaffAccount) =>
      run(user, "staff:accounts.confirmDisable", "staff:accounts.disabledDone", async () =>
        expectStatus(await users.disable.$post(param(user)), 200),
      ),
    enable: (user: StaffAccount) =>
      run(user, null, "staff:accounts.enabledDone", async () => expectStatus(await users.enable.$post(param(user)), 200)),
    change: (user: StaffAccount, placement: Placement) =>
      run(user, "staff:accounts.confirmChange", "staff:accounts.changedDone", async () =>
        expectStatus(await users.$patch({ ...param(user), json: placement }), 200),
      ),
    personal: (user: StaffAccount, allowed: boolean) =>
      run(
        user,
        allowed ? "staff:accounts.confirmGrantPersonal" : null,
        allowed ? "staff:accounts.grantedPersonal" : "staff:accounts.revokedPersonal",
        async () => expectStatus(await users.personal.$put({ ...param(user), json: { allowed } }), 200),
      ),
    resetLink: (user: StaffAccount) =>
      run(user, "staff:accounts.confirmReset", "staff:accounts.resetDone", async () => {
        const { path } = await expectStatus(await users["reset-link"].$post(param(user)), 200).json();
        showLink(user.login, `${location.origin}${path}`);
      }),
  };
}
