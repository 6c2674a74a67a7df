/**
 * Whether residents may read a sampled survey's results (the same disclosure-controlled tables as a
 * public poll's): made public, or private again, after a confirmation. A poll's is set in the builder.
 */
import { useId, useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";

export function ResultsPublicToggle({ surveyId, initial }: { surveyId: string; initial: boolean }) {
  const id = useId();
  const { plain } = useT();
  const { api } = useStaffApi();
  const [shown, setShown] = useState(initial);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async () => {
    if (!window.confirm(plain(shown ? "staff:followUp.confirmMakePrivate" : "staff:followUp.confirmMakePublic"))) return;
    setBusy(true);
    setMessage(null);
    try {
      const response = await api.surveys[":id"]["results-public"].$put({ param: { id: surveyId }, json: { public: !shown } });
      setShown((await expectStatus(response, 200).json()).resultsPublic);
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <T k="staff:followUp.resultsHeading" />
      </h2>
      <p role="status">
        <T k={shown ? "staff:followUp.resultsPublic" : "staff:followUp.resultsPrivate"} />
      </p>
      <button type="button" className="button" disabled={busy} onClick={() => void change()}>
        <T k={shown ? "staff:followUp.makePrivate" : "staff:followUp.makePublic"} />
      </button>
      <StatusMessage message={message} />
    </section>
  );
}
