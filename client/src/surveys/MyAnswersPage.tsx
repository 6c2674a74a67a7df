/**
 * わたしの回答: every response sent from this device, with its state — 送信待ち, 送信済み (with the
 * receipt code) or 確認が必要 (with the server's reason). An unsent one can be discarded, after a
 * confirmation; a sent one stays as the resident's record.
 */
import { useRef, useState } from "react";
import { localized } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Loading } from "../app/shell/LoadState";
import { Page } from "../app/shell/Page";
import type { OutboxItem } from "../db/schemas";
import { discardUnsent } from "../db/surveys";
import { flushOutbox, useOutbox } from "./outbox";
import { UsedCode } from "./UsedCode";

export function OutboxStatus({ item }: { item: OutboxItem }) {
  return (
    <div className={`outbox-status state-${item.state}`} role="status">
      <p>
        <span className={`tag ${item.state === "sent" ? "" : "tag-warn"}`}>
          <T k={`surveys.mine.states.${item.state}`} />
        </span>
      </p>
      {item.state === "sent" && item.receipt && "receiptCode" in item.receipt && (
        <p>
          <T k="surveys.receipt.sent" /> <T k="surveys.receipt.code" />:{" "}
          <strong className="receipt-code">{item.receipt.receiptCode}</strong>
        </p>
      )}
      {item.state === "sent" && item.receipt && "status" in item.receipt && (
        <p>
          <T k="surveys.receipt.alreadyReceived" />
        </p>
      )}
      {item.state === "pending" && (
        <p>
          <T k="surveys.receipt.queued" />
        </p>
      )}
      {item.state === "attention" && (
        <>
          <p>
            <T k={`errors.${item.errorCode ?? "internal.error"}`} />
          </p>
          {item.errorCode === "invitations.used" && <UsedCode ward={item.ward ?? null} withHeading={false} />}
          {item.issues && item.issues.length > 0 && (
            <ul>
              {item.issues.map((issue) => (
                <li key={`${issue.question}-${issue.code}`}>
                  <T k={`surveys.issues.${issue.code}`} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

export function MyAnswersPage() {
  const items = useOutbox();
  const { locale } = useT();
  const [confirming, setConfirming] = useState<OutboxItem | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const askDiscard = (item: OutboxItem) => {
    setConfirming(item);
    dialog.current?.showModal();
  };
  const discard = async () => {
    if (confirming && (await discardUnsent(confirming.id))) setAnnouncement("surveys.mine.discarded");
    dialog.current?.close();
    setConfirming(null);
  };

  return (
    <Page titleKey="surveys.mine.title">
      <p>
        <T k="surveys.mine.intro" />
      </p>
      <p className="visually-hidden" role="status">
        {announcement && <T k={announcement} />}
      </p>
      {items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>
          <T k="surveys.mine.empty" />
        </p>
      ) : (
        <ul className="card-list">
          {items.map((item) => (
            <li key={item.id} className="card">
              <h2 className="card-title">
                <RubyText text={localized(item.surveyTitle, locale)} />
              </h2>
              <OutboxStatus item={item} />
              {item.state !== "sent" && (
                <p className="actions-row">
                  {item.state === "pending" && (
                    <button type="button" className="button primary" onClick={() => void flushOutbox()}>
                      <T k="surveys.mine.sendNow" />
                    </button>
                  )}
                  <button type="button" className="button danger" onClick={() => askDiscard(item)}>
                    <T k="surveys.mine.discard" />
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <dialog ref={dialog} className="confirm" aria-labelledby="discard-title" onClose={() => setConfirming(null)}>
        <p id="discard-title">
          <T k="surveys.mine.discardConfirm" />
        </p>
        {confirming && (
          <p className="muted">
            <RubyText text={localized(confirming.surveyTitle, locale)} />
          </p>
        )}
        <div className="actions-row">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            <T k="surveys.mine.discardNo" />
          </button>
          <button type="button" className="button danger" onClick={() => void discard()}>
            <T k="surveys.mine.discardYes" />
          </button>
        </div>
      </dialog>
    </Page>
  );
}
