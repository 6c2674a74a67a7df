/**
 * Adding or changing one local item: its kind's fields (a meeting may carry one of the ward's polls), its
 * translations and readings, then save or cancel. The form opens above the list, so on opening it
 * scrolls into view and its first field takes focus: staff who clicked a row far down see it open.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useLoader } from "../../app/data";
import { T } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { FormActions } from "../../staff/FormActions";
import { expectStatus } from "../../staff/staffFetch";
import { LanguagesEditor } from "./LanguagesEditor";
import { LocalField } from "./LocalField";
import { fieldsOf, type Kind, titleOf } from "./localKinds";

export function LocalItemForm({
  kind,
  ward,
  initial,
  onSave,
  onCancel,
}: {
  kind: Kind;
  ward: string;
  initial: Record<string, unknown>;
  onSave: (value: Record<string, unknown>) => void;
  onCancel: () => void;
}) {
  const { api } = useStaffApi();
  const id = useId();
  const [value, setValue] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const opened = form.current;
    opened?.scrollIntoView({ block: "start" });
    opened?.querySelector<HTMLElement>("input, select, textarea")?.focus({ preventScroll: true });
  }, []);
  // A meeting may carry a one-question poll: the ward's polls that are open or closed.
  const surveys = useLoader(
    async () => (await expectStatus(await api.surveys.$get(), 200).json()).surveys,
    kind === "meetings" ? "surveys" : null,
  );
  const polls =
    surveys.state.status === "ready" ? surveys.state.data.filter((s) => s.kind === "poll" && s.ward === ward && s.status !== "draft") : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSave(value);
  };
  return (
    <form ref={form} className="local-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>
          <T k={initial.id ? "staff:local.editHeading" : `staff:local.add.${kind}`} values={{ name: titleOf(initial) }} />
        </legend>
        {fieldsOf(kind).map((field) => (
          <LocalField
            key={field.key}
            field={field}
            id={`${id}-${field.key}`}
            kind={kind}
            ward={ward}
            value={value[field.key]}
            set={(v) => setValue({ ...value, [field.key]: v })}
            polls={polls}
          />
        ))}
        <LanguagesEditor kind={kind} id={id} value={value} set={setValue} />
        <FormActions onCancel={onCancel} />
      </fieldset>
    </form>
  );
}
