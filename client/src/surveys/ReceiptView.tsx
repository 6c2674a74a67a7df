/**
 * After sending: thanks, and the receipt code once the server has it — or 送信待ち until it does. A
 * refusal (a letter's code already used, found when answers made offline were sent) is headed as
 * one, never with thanks, and says why and what to do (OutboxStatus, UsedCode.tsx).
 */
import { localized } from "../../../shared/surveys/model";
import { RubyText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { Link } from "../app/router";
import { Page } from "../app/shell/Page";
import { OutboxStatus } from "./MyAnswersPage";
import { useOutbox } from "./outbox";

export function ReceiptView({ responseId }: { responseId: string }) {
  const { locale } = useT();
  const item = useOutbox()?.find((i) => i.id === responseId);
  return (
    <Page titleKey={item?.state === "attention" ? "surveys.receipt.refusedHeading" : "surveys.receipt.heading"}>
      {item && (
        <>
          <p className="lead">
            <RubyText text={localized(item.surveyTitle, locale)} />
          </p>
          <OutboxStatus item={item} />
          {item.state === "sent" && item.resultsPublic && (
            <p>
              <Link to={`/surveys/${item.surveyId}/results`} className="button">
                <T k="surveys.receipt.seeResults" />
              </Link>
            </p>
          )}
        </>
      )}
      <p className="actions-row">
        <Link to="/surveys" className="button">
          <T k="surveys.backToList" />
        </Link>
        <Link to="/surveys/mine" className="button">
          <T k="surveys.myAnswers" />
        </Link>
      </p>
    </Page>
  );
}
