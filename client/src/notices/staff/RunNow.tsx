/** For a city administrator: run the sender now rather than wait for its next turn, and read what it did. */
import { useState } from "react";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { expectStatus } from "../../staff/staffFetch";

export function RunNow({ onDone }: { onDone: () => void }) {
  const { api } = useStaffApi();
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const summary = (await expectStatus(await api.notices.run.$post({}), 200).json()) as {
        planned: number;
        sent: number;
        failed: number;
        expired: number;
      };
      setMessage({ key: "staff:notices.ran", values: summary, error: false });
      onDone();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="run-now">
      <h2 id="run-now">
        <T k="staff:notices.runHeading" />
      </h2>
      <p>
        <T k="staff:notices.runIntro" />
      </p>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        <T k="staff:notices.run" />
      </button>
      <StatusMessage message={message} />
    </section>
  );
}
