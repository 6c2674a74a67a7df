/** 年代別人口: the ward's population by age band, the weights of age-weighted results. */
import { type FormEvent, useId, useState } from "react";
import { ageBands } from "../../../../shared/surveys/model";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { FormActions } from "../../staff/FormActions";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";
import { WardPicker } from "../../staff/WardPicker";

type Bands = Record<(typeof ageBands)[number], number>;

export function StaffPopulationPage() {
  const { api, session } = useStaffApi();
  const [ward, setWard] = useState(session.user.ward ?? "27127");
  const loader = useLoader<Bands>(
    async () => (await expectStatus(await api.population.$get({ query: { ward } }), 200).json()).bands as Bands,
    ward,
  );
  return (
    <>
      <h1 tabIndex={-1}>
        <T k="staff:population.heading" />
      </h1>
      <p>
        <T k="staff:population.intro" />
      </p>
      <WardPicker session={session} ward={ward} onChange={setWard} />
      <Loaded of={loader}>{(bands) => <PopulationForm key={ward} ward={ward} initial={bands} />}</Loaded>
    </>
  );
}

function PopulationForm({ ward, initial }: { ward: string; initial: Bands }) {
  const { api } = useStaffApi();
  const [bands, setBands] = useState(initial);
  const [message, setMessage] = useState<StatusText | null>(null);
  const id = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      expectStatus(await api.population.$put({ json: { ward, bands } }), 204);
      setMessage({ key: "staff:population.saved" });
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
      <StatusMessage message={message} />
      <FormActions save="staff:population.save" />
    </form>
  );
}
