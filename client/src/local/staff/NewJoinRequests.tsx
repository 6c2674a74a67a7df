/**
 * How many 町会 join requests wait (still new: neither contacted nor done). On the console's home it
 * is a line with a link to the inbox; the inbox's tab shows the same count. Staff who may not read
 * personal data, and so cannot open the inbox, see nothing rather than a dead link.
 */
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { Link } from "../../app/router";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";

/** The count of new requests (null while loading or when it cannot be read); `ward` undefined: the staff member's ward, or every ward for an administrator. */
export function useNewJoinRequests(ward: string | undefined, version = 0): number | null {
  const { api, session } = useStaffApi();
  const allowed = session.permissions.includes("personal");
  const { state } = useLoader<number>(
    async () => (await expectStatus(await api.local["join-requests"].count.$get({ query: ward ? { ward } : {} }), 200).json()).new,
    allowed ? `joins-count:${ward ?? ""}:${version}` : null,
  );
  return state.status === "ready" ? state.data : null;
}

export function NewJoinRequests() {
  const { session } = useStaffApi();
  const count = useNewJoinRequests(undefined);
  if (count === null) return null;
  return (
    <p className="notice">
      <T k={session.user.ward ? "staff:local.newJoins" : "staff:local.newJoinsAllWards"} values={{ count }} />{" "}
      <Link to="/staff/local?tab=joins">
        <T k="staff:local.openJoins" />
      </Link>
    </p>
  );
}
