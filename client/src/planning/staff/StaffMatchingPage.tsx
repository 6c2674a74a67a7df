/**
 * ニーズと施策のマッチング: each theme's need (the share choosing it in a survey's priority
 * question, overall and by 地域 or age band) beside the ward's policies; themes of high need and
 * few policies are marked in words, not colour alone. The ward's policy list is kept here too, and
 * city administrators get the comparison of all wards.
 */
import { useId, useState } from "react";
import type { MatchingMatrix } from "../../../../shared/planning/matching";
import { localized } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";
import { NeedsMatrix } from "./NeedsMatrix";
import { PolicyList } from "./PolicyList";
import { WardComparisonTable } from "./WardComparisonTable";

export function StaffMatchingPage() {
  const { plain, locale } = useT();
  const { api, session } = useStaffApi();
  const admin = session.user.role === "city_admin";
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const [by, setBy] = useState<"area" | "ageBand">("area");
  const [survey, setSurvey] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const ids = { survey: useId(), by: useId() };
  const query = { ward, by, ...(survey ? { survey } : {}) };
  const loader = useLoader<MatchingMatrix>(
    async () => (await expectStatus(await api.matching.$get({ query }), 200).json()) as MatchingMatrix,
    `${ward}:${by}:${survey ?? ""}:${version}`,
  );
  const { state } = loader;

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
            setSurvey(undefined);
          }}
        />
        {state.status === "ready" && state.data.candidates.length > 1 && (
          <div className="field">
            <label htmlFor={ids.survey}>
              <T k="staff:matching.survey" />
            </label>
            <select id={ids.survey} value={state.data.survey?.id ?? ""} onChange={(e) => setSurvey(e.target.value)}>
              {state.data.candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {plainText(localized(c.title, locale))}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.by}>
            <T k="staff:matching.by" />
          </label>
          <select id={ids.by} value={by} onChange={(e) => setBy(e.target.value as "area" | "ageBand")}>
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
