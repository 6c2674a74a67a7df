/**
 * Letters for a sampled survey: make a batch of invitation codes (downloaded once, as CSV, and
 * shown as printable letters: the codes exist nowhere else), each batch's response rate and its one
 * reminder (督促状), and the ward's 問い合わせ先 that every letter prints. A closed survey keeps only
 * its batches' response rates.
 */
import { useId, useState } from "react";
import { parseCsv } from "../../../../shared/csv";
import type { Survey } from "../../../../shared/surveys/model";
import { cityContact } from "../../../../shared/wards/contacts";
import { wardRecords } from "../../../../shared/wards/data";
import { defaultLetterContact } from "../../../../shared/wards/letter-contact";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { saveFile } from "../../staff/files";
import { expectStatus } from "../../staff/staffFetch";
import { LetterContactEditor } from "../../wards/staff/LetterContactEditor";
import { LetterBatchList } from "./LetterBatchList";
import { batchFileName } from "./letter-batch";
import type { LetterKind } from "./letter-text";
import { MakeLetters } from "./MakeLetters";
import { type Letter, type LetterSet, PrintableLetters, type PrintedContact } from "./PrintableLetters";

const wardName = (code: string) => wardRecords.find((w) => w.code === code)?.name ?? code;
const cityWide: PrintedContact = { section: cityContact.office, phone: cityContact.phone, hours: "毎日 8:00〜21:00", email: null };

export function Letters({ survey }: { survey: Survey }) {
  const { api } = useStaffApi();
  const surveyId = survey.id;
  const [printable, setPrintable] = useState<LetterSet | null>(null);
  // Until the ward's saved contact is loaded, its office's main line (what the server gives for a ward that saved none).
  const [contact, setContact] = useState<PrintedContact>(survey.ward ? defaultLetterContact(survey.ward) : cityWide);
  const countId = useId();
  const [count, setCount] = useState(100);
  const [message, setMessage] = useState<StatusText | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const { state } = useLoader(
    async () => await expectStatus(await api.surveys[":id"].letters.$get({ param: { id: surveyId } }), 200).json(),
    `${surveyId}:${refresh}`,
  );
  const print = (kind: LetterKind, letters: Letter[]) =>
    setPrintable({
      kind,
      letters,
      title: survey.definition.title.ja,
      minutes: survey.estimatedMinutes,
      closesAt: survey.closesAt,
      ward: survey.ward ? `大阪市 ${wardName(survey.ward)}役所` : "大阪市",
      contact,
    });

  const make = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const size = Math.max(count, state.status === "ready" ? state.data.minimum : 1);
      const response = expectStatus(await api.surveys[":id"].letters.$post({ param: { id: surveyId }, json: { count: size } }), 201);
      const batchId = response.headers.get("content-disposition")?.match(/letters-([0-9a-f-]{36})/)?.[1] ?? surveyId;
      const blob = await (response as unknown as Response).blob();
      const rows = parseCsv(await blob.text()).slice(1);
      print(
        "invitation",
        rows.map(([number, code, url]) => ({ number: number ?? "", code: code ?? "", url: url ?? "" })),
      );
      saveFile(blob, batchFileName(batchId));
      setMessage({ key: "staff:actions.letters.made", values: { count: size } });
      setRefresh((n) => n + 1);
    } catch (failure) {
      setMessage({ key: await errorKeyOf(failure), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${countId}-heading`} className="letters">
      <h2 id={`${countId}-heading`}>
        <T k="staff:actions.letters.heading" />
      </h2>
      {state.status === "ready" && (
        <LetterBatchList
          surveyId={surveyId}
          batches={state.data.batches}
          minCell={state.data.minCell}
          open={survey.status === "open"}
          onReminder={(letters) => {
            print("reminder", letters);
            setRefresh((n) => n + 1);
          }}
        />
      )}
      {state.status === "ready" &&
        survey.status !== "closed" &&
        (state.data.publicUrl === null ? (
          <p role="note" className="notice">
            <T k="staff:actions.letters.noPublicUrl" />
          </p>
        ) : (
          <>
            <p className="hint">
              <T k="staff:actions.letters.linksTo" values={{ url: state.data.publicUrl }} />
            </p>
            <MakeLetters
              count={Math.max(count, state.data.minimum)}
              minimum={state.data.minimum}
              countId={countId}
              busy={busy}
              onCount={setCount}
              onMake={() => void make()}
            />
          </>
        ))}
      <StatusMessage message={message} />
      {survey.status === "closed" ? null : survey.ward ? (
        <LetterContactEditor ward={survey.ward} onContact={setContact} />
      ) : (
        <p className="hint">
          <T k="staff:actions.letters.contact.cityWide" />
        </p>
      )}
      {printable && <PrintableLetters set={printable} onClose={() => setPrintable(null)} />}
    </section>
  );
}
