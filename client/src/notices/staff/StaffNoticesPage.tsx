/**
 * お知らせ配信: write a notice in up to six languages (Japanese required), choose who gets it (the
 * ward's residents, those expecting, or parents of children of an age), see how many browsers that
 * is and how a phone will show it, then send it now (after a confirmation) or at a time. The list
 * below shows each notice's sent, failed and expired counts, and cancels one still waiting.
 */
import { useState } from "react";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";
import { NoticeComposer } from "./NoticeComposer";
import { type Listed, NoticeList } from "./NoticeList";
import { RunNow } from "./RunNow";

export function StaffNoticesPage() {
  const { api, session } = useStaffApi();
  const admin = session.user.role === "city_admin";
  // An administrator may write to the whole city ("city") or to one ward.
  const [scope, setScope] = useState<string>(session.user.ward ?? "city");
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const loader = useLoader<{ notices: Listed[]; enabled: boolean }>(
    async () =>
      (await expectStatus(await api.notices.$get({ query: { ward: scope } }), 200).json()) as { notices: Listed[]; enabled: boolean },
    `${scope}:${version}`,
  );

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:notices.heading" />
      </h1>
      <p>
        <T k="staff:notices.intro" />
      </p>
      <WardPicker session={session} ward={scope} onChange={setScope} labelKey="staff:notices.scope" city="staff:notices.city" />
      <NoticeComposer key={scope} ward={scope === "city" ? null : scope} onSent={changed} />
      {admin && <RunNow onDone={changed} />}
      <h2>
        <T k="staff:notices.listHeading" />
      </h2>
      <Loaded of={loader}>{({ notices, enabled }) => <NoticeList notices={notices} enabled={enabled} onChanged={changed} />}</Loaded>
    </>
  );
}
