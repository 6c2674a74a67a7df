/**
 * ニーズと施策のマッチング: each theme's need (the share choosing it in a survey's priority
 * question, overall and by 地域 or age band) beside the ward's policies; themes of high need and
 * few policies are marked in words, not colour alone. The ward's policy list is kept here too, and
 * city administrators get the comparison of all wards. Staff choose the year and survey the need
 * comes from.
 */
import { useId, useRef, useState } from "react";
import type { MatchingMatrix } from "../../../../shared/planning/matching";
import { useLoader } from "../../app/data";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";
import { NeedSourcePicker } from "./NeedSourcePicker";
import { NeedsMatrix } from "./NeedsMatrix";
import { PolicyList } from "./PolicyList";
import { WardComparisonTable } from "./WardComparisonTable";

export function StaffMatchingPage() {
  const { plain } = useT();
  const { api, session } = useStaffApi();
  const admin = session.user.role === "city_admin";
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const [by, setBy] = useState<"area" | "ageBand">("area");
  const [source, setSource] = useState<{ survey: string } | { year: string } | null>(null);
  const [version, setVersion] = useState(0);
  const byId = useId();
  const query = { ward, by, ...source };
  const loader = useLoader<MatchingMatrix>(
    async () => (await expectStatus(await api.matching.$get({ query }), 200).json()) as MatchingMatrix,
    `${ward}:${by}:${JSON.stringify(source)}:${version}`,
  );
  // The picker stays on screen (and keeps focus) while the chosen survey loads.
  const shown = useRef<MatchingMatrix | null>(null);
  if (loader.state.status === "ready") shown.current = loader.state.data;

  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:matching.heading" />
      </h1>
      <p>
        <T k="staff:matching.intro" />
      </p>
      <div className="row">
        <WardPicker
          session={session}
          ward={ward}
          onChange={(next) => {
            setWard(next);
            setSource(null);
          }}
        />
        {shown.current && shown.current.ward === ward && (
          <NeedSourcePicker
            matrix={shown.current}
            onYear={(year) => setSource({ year: String(year) })}
            onSurvey={(survey) => setSource({ survey })}
          />
        )}
        <div className="field">
          <label htmlFor={byId}>
            <T k="staff:matching.by" />
          </label>
          <select id={byId} value={by} onChange={(e) => setBy(e.target.value as "area" | "ageBand")}>
            <option value="area">{plain("staff:results.breakdowns.area")}</option>
            <option value="ageBand">{plain("staff:results.breakdowns.ageBand")}</option>
          </select>
        </div>
      </div>
      <Loaded of={loader}>
        {(matrix) => <NeedsMatrix matrix={matrix} ward={ward} by={by} csv={`/api/staff/matching.csv?${new URLSearchParams(query)}`} />}
      </Loaded>
      <PolicyList key={ward} ward={ward} onChanged={() => setVersion((n) => n + 1)} />
      {admin && <WardComparisonTable version={version} />}
    </>
  );
}
