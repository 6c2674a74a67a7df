/** The ward's policies (施策): a table to add, change (in place) and delete them, with undo after a delete. */
import { useState } from "react";
import type { Policy, PolicyInput } from "../../../../shared/planning/matching";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import type { StatusText } from "../../app/shell/StatusMessage";
import { ActionStatus } from "../../staff/ActionStatus";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { PolicyForm } from "./PolicyForm";

const emptyPolicy: PolicyInput = { title: "", chapter: "", themes: [] };
const inputOf = (policy: Policy): PolicyInput => ({ title: policy.title, chapter: policy.chapter, themes: policy.themes });
const columns = [
  { key: "staff:matching.policyTitle" },
  { key: "staff:matching.chapter" },
  { key: "staff:matching.themes" },
  { key: "staff:users.actions" },
];

export function PolicyList({ ward, onChanged }: { ward: string; onChanged: () => void }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ id: string | null; input: PolicyInput } | null>(null);
  const [message, setMessage] = useState<(StatusText & { undo?: Policy }) | null>(null);
  const loader = useLoader<Policy[]>(
    async () => (await expectStatus(await api.policies.$get({ query: { ward } }), 200).json()).policies as Policy[],
    `${ward}:${version}`,
  );
  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };

  const save = async (id: string | null, input: PolicyInput) => {
    try {
      const response =
        id === null
          ? await api.policies.$post({ json: { ...input, ward } })
          : await api.policies[":id"].$put({ param: { id }, json: input });
      expectStatus(response, 201, 204);
      setEditing(null);
      setMessage({ key: "staff:matching.saved", values: { title: input.title } });
      changed();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const remove = async (policy: Policy) => {
    try {
      expectStatus(await api.policies[":id"].$delete({ param: { id: policy.id } }), 200);
      setMessage({ key: "staff:matching.deleted", values: { title: policy.title }, undo: policy });
      changed();
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    }
  };
  const undo = message?.undo;

  return (
    <section aria-labelledby="policies-heading">
      <h2 id="policies-heading">
        <T k="staff:matching.policyHeading" />
      </h2>
      <ActionStatus message={message} onUndo={undo ? () => void save(null, inputOf(undo)) : undefined} />
      <Loaded of={loader}>
        {(policies) => (
          <StaffTable caption={{ key: "staff:matching.policyCaption", values: { count: policies.length } }} columns={columns}>
            {policies.map((policy) =>
              editing?.id === policy.id ? (
                <tr key={policy.id}>
                  <td colSpan={4}>
                    <PolicyForm initial={editing.input} onSave={(input) => void save(policy.id, input)} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={policy.id}>
                  <th scope="row">{policy.title}</th>
                  <td>{policy.chapter}</td>
                  <td>{policy.themes.map((t) => plain(`staff:editor.themeNames.${t}`)).join("、")}</td>
                  <td>
                    <div className="actions">
                      <button type="button" className="button" onClick={() => setEditing({ id: policy.id, input: inputOf(policy) })}>
                        <T k="staff:matching.edit" values={{ title: policy.title }} />
                      </button>
                      <button type="button" className="button" onClick={() => void remove(policy)}>
                        <T k="staff:matching.delete" values={{ title: policy.title }} />
                      </button>
                    </div>
                  </td>
                </tr>
              ),
            )}
          </StaffTable>
        )}
      </Loaded>
      {editing?.id === null ? (
        <PolicyForm initial={editing.input} onSave={(input) => void save(null, input)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" className="button primary" onClick={() => setEditing({ id: null, input: emptyPolicy })}>
          <T k="staff:matching.add" />
        </button>
      )}
    </section>
  );
}
