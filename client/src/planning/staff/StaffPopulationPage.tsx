/** 年代別人口: the ward's population by age band, the weights of age-weighted results. */
import { type FormEvent, useId, useState } from "react";
import type { StaffSession } from "../../../../shared/accounts/schemas";
import { ageBands } from "../../../../shared/surveys/model";
import { api } from "../../app/api";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { LoadState } from "../../app/shell/LoadState";
import { WardPicker } from "../../staff/WardPicker";

type Bands = Record<(typeof ageBands)[number], number>;

export function StaffPopulationPage({ session, onEnded }: { session: StaffSession; onEnded: () => void }) {
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const { state, retry } = useLoader<Bands>(async () => {
    const response = await api.api.staff.population.$get({ query: { ward } });
    if ((response.status as number) === 401) onEnded();
    if (response.status !== 200) throw response;
    return (await response.json()).bands as Bands;
  }, ward);
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:population.heading" />
      </h1>
      <p>
        <T k="staff:population.intro" />
      </p>
      <WardPicker session={session} ward={ward} onChange={setWard} />
      {state.status !== "ready" ? (
        <LoadState state={state.status} failedKey={state.status === "failed" ? state.errorKey : ""} onRetry={retry} />
      ) : (
        <PopulationForm key={ward} session={session} ward={ward} initial={state.data} />
      )}
    </>
  );
}

function PopulationForm({ session, ward, initial }: { session: StaffSession; ward: string; initial: Bands }) {
  const [bands, setBands] = useState(initial);
  const [message, setMessage] = useState<{ key: string; error: boolean } | null>(null);
  const id = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      const response = await api.api.staff.population.$put({ json: { ward, bands } }, { headers: { "x-csrf-token": session.csrfToken } });
      if (response.status !== 204) throw response;
      setMessage({ key: "staff:population.saved", error: false });
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="population-form">
      {ageBands.map((band) => (
        <div key={band} className="field small">
          <label htmlFor={`${id}-${band}`}>
            <T k={`surveys.profile.ageBands.${band}`} />
          </label>
          <input
            id={`${id}-${band}`}
            type="number"
            inputMode="numeric"
            min={0}
            value={bands[band]}
            onChange={(e) => setBands({ ...bands, [band]: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
          />
        </div>
      ))}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "ok"}>
          <T k={message.key} />
        </p>
      )}
      <button type="submit" className="button primary">
        <T k="staff:population.save" />
      </button>
    </form>
  );
}
