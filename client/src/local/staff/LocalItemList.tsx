/**
 * One kind's tab: the ward's items in a table, adding and changing them (one form at a time, which
 * takes focus when it opens and gives it back to the button that opened it on cancel), deleting with
 * undo, and CSV.
 */
import { useRef, useState } from "react";
import { areaName } from "../../../../shared/wards/names";
import { useLoader } from "../../app/data";
import { plainText } from "../../app/i18n/ruby";
import { T, useT } from "../../app/i18n/T";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { StaffTable } from "../../staff/StaffTable";
import { expectStatus } from "../../staff/staffFetch";
import { useAreas } from "../../wards/useWards";
import { LocalCsv } from "./LocalCsv";
import { LocalItemForm } from "./LocalItemForm";
import { failure, type LocalMessage, LocalStatus } from "./LocalStatus";
import { blank, type Item, type Kind, titleOf } from "./localKinds";

const columns = [{ key: "staff:local.name" }, { key: "staff:local.summary" }, { key: "staff:users.actions" }];

export function LocalItemList({ ward, kind }: { ward: string; kind: Kind }) {
  const { plain, locale } = useT();
  const { api } = useStaffApi();
  // A 町会's or 地活協's 地域 by its name, not its id (27127-01).
  const areas = useAreas(ward);
  const areaLabel = (id: unknown) => {
    const area = areas.state.status === "ready" ? areas.state.data.find((a) => a.id === id) : undefined;
    return area ? plainText(areaName(area, locale)) : String(id ?? "");
  };
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ id: string | null; value: Record<string, unknown> } | null>(null);
  const [message, setMessage] = useState<LocalMessage>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (id: string | null, value: Record<string, unknown>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing({ id, value });
  };
  const cancel = () => {
    setEditing(null);
    requestAnimationFrame(() => {
      // The add button is made anew when the form closes: find it by its id.
      (opener.current?.isConnected ? opener.current : document.getElementById(`${kind}-add`))?.focus();
    });
  };
  const loader = useLoader<Item[]>(
    async () =>
      ((await expectStatus(await api.local[":kind"].$get({ param: { kind }, query: { ward } }), 200).json()) as { items: Item[] }).items,
    `${ward}:${kind}:${version}`,
  );

  const save = async (id: string | null, value: Record<string, unknown>) => {
    const { id: _id, updatedAt: _updated, ...json } = value;
    try {
      const response =
        id === null
          ? await api.local[":kind"].$post({ param: { kind }, json })
          : await api.local[":kind"][":id"].$put({ param: { kind, id }, json });
      expectStatus(response, 201, 204);
      setEditing(null);
      setMessage({ key: "staff:local.saved", values: { name: titleOf(value) } });
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(await failure(error));
    }
  };
  const remove = async (item: Item) => {
    if (!window.confirm(plain("staff:local.confirmDelete", { name: titleOf(item) }))) return;
    try {
      expectStatus(await api.local[":kind"][":id"].$delete({ param: { kind, id: item.id } }), 204);
      setMessage({ key: "staff:local.deleted", values: { name: titleOf(item) }, undo: item });
      setVersion((n) => n + 1);
    } catch (error) {
      setMessage(await failure(error));
    }
  };
  const summary = (item: Item) =>
    kind === "places"
      ? plain(`places.kinds.${String(item.kind)}`)
      : kind === "meetings"
        ? String(item.startsAt).slice(0, 16).replace("T", " ")
        : areaLabel(item.area);

  return (
    <section aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>
        <T k={`staff:local.tab.${kind}`} />
      </h2>
      <LocalStatus message={message} onUndo={(item) => void save(null, item)} />
      <LocalCsv
        kind={kind}
        ward={ward}
        onImported={(m) => {
          setMessage(m);
          // A refused file changed nothing: the list stays as it is.
          if (!m?.error) setVersion((n) => n + 1);
        }}
      />
      {editing ? (
        <LocalItemForm kind={kind} ward={ward} initial={editing.value} onSave={(value) => void save(editing.id, value)} onCancel={cancel} />
      ) : (
        <button id={`${kind}-add`} type="button" className="button primary" onClick={() => open(null, blank(kind, ward))}>
          <T k={`staff:local.add.${kind}`} />
        </button>
      )}
      <Loaded of={loader}>
        {(items) => (
          <StaffTable caption={{ key: "staff:local.caption", values: { count: items.length } }} columns={columns}>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{titleOf(item)}</th>
                <td>{summary(item)}</td>
                <td>
                  <div className="actions">
                    <button type="button" className="button" onClick={() => open(item.id, item)}>
                      <T k="staff:local.edit" values={{ name: titleOf(item) }} />
                    </button>
                    <button type="button" className="button" onClick={() => void remove(item)}>
                      <T k="staff:local.delete" values={{ name: titleOf(item) }} />
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </StaffTable>
        )}
      </Loaded>
    </section>
  );
}
