/**
 * 目標・指標: each indicator's yearly values with their margins, against the line from the baseline
 * to the target; a chart for the eye and, behind it, a data table for screen readers and for
 * copying. Staff set a year's value from a survey in the app or record one from an earlier survey.
 */
import { useState } from "react";
import type { Indicator } from "../../../../shared/planning/indicators";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { IndicatorCard } from "./IndicatorCard";
import { NewIndicator } from "./NewIndicator";
import type { Surveys } from "./YearForm";

export function StaffIndicatorsPage() {
  const { api } = useStaffApi();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<StatusText | null>(null);
  const loader = useLoader<{ indicators: Indicator[]; surveys: Surveys }>(async () => {
    const [indicators, surveys] = await Promise.all([api.indicators.$get(), api.surveys.$get()]);
    return {
      indicators: (await expectStatus(indicators, 200).json()).indicators as Indicator[],
      surveys: (await expectStatus(surveys, 200).json()).surveys,
    };
  }, `indicators:${version}`);
  const changed = (next: StatusText) => {
    setMessage(next);
    if (!next.error) setVersion((n) => n + 1);
  };
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:indicators.heading" />
      </h1>
      <p>
        <T k="staff:indicators.intro" />
      </p>
      <StatusMessage message={message} />
      <Loaded of={loader}>
        {({ indicators, surveys }) => (
          <>
            {indicators.length === 0 && (
              <p>
                <T k="staff:indicators.none" />
              </p>
            )}
            {indicators.map((indicator) => (
              <IndicatorCard key={indicator.id} indicator={indicator} surveys={surveys} onChanged={changed} />
            ))}
            <NewIndicator surveys={surveys} onChanged={changed} />
          </>
        )}
      </Loaded>
    </>
  );
}
