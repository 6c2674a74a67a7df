/**
 * 依頼状・督促状の印刷: exactly one A4 page per letter, with the survey's title, its 回答期限, the short
 * address (origin + /c/CODE) and its QR code, the code in large type, and the ward's 問い合わせ先. Made
 * from the batch just generated (or the reminder's rows) — the codes exist nowhere else — and printed
 * with the browser's print dialog (the print stylesheet shows only the letters, one to a page).
 */
import { encode } from "uqr";
import { T, useT } from "../../app/i18n/T";
import { type LetterKind, letterDeadline, letterWords } from "./letter-text";

export interface Letter {
  number: string;
  code: string;
  url: string;
}

/** 問い合わせ先 as the letter prints it. */
export interface PrintedContact {
  section: string;
  phone: string;
  hours: string;
  email: string | null;
}

/** The QR code as one SVG path of squares: no image, no inline script, so the console's CSP holds. */
function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { ecc: "M", border: 2 });
  return (
    <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ""))).join("")} fill="#000" />
    </svg>
  );
}

export interface LetterSet {
  kind: LetterKind;
  title: string;
  /** The survey's one time estimate, as the app's list gives it (約N分). */
  minutes: number;
  closesAt: string;
  ward: string;
  contact: PrintedContact;
  letters: Letter[];
}

export function PrintableLetters({ set, onClose }: { set: LetterSet; onClose: () => void }) {
  const { plain } = useT();
  const words = letterWords[set.kind];
  const deadline = letterDeadline(set.closesAt);
  const reminder = set.kind === "reminder";
  return (
    <section className="printable" aria-labelledby="letters-print-heading">
      <div className="no-print">
        <h2 id="letters-print-heading">
          <T
            k={reminder ? "staff:actions.letters.reminder.printHeading" : "staff:actions.letters.printHeading"}
            values={{ count: set.letters.length }}
          />
        </h2>
        <p>
          <T k="staff:actions.letters.printHint" />
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => window.print()}>
            <T k={reminder ? "staff:actions.letters.reminder.print" : "staff:actions.letters.print"} />
          </button>
          <button type="button" className="button" onClick={onClose}>
            <T k="staff:actions.letters.closePrint" />
          </button>
        </div>
      </div>
      {set.letters.map((letter) => (
        <article key={letter.code} className="letter" lang="ja">
          <p className="letter-number">No. {letter.number}</p>
          <p className="letter-from">{set.ward}</p>
          <h3>{words.heading(set.title)}</h3>
          <p>{words.request}</p>
          <p className="letter-deadline">
            回答期限：<strong>{deadline}</strong>
          </p>
          <p>
            スマートフォンでQRコードを読み取るか、下のアドレスを入力して回答してください（約{set.minutes}
            分）。アプリの「コードを入力」からコードだけを入力することもできます。紙の回答用紙で返送いただくこともできます。
          </p>
          <div className="letter-access">
            <QrCode text={letter.url} label={plain("staff:actions.letters.qrLabel", { code: letter.code })} />
            <dl>
              <dt>回答用アドレス</dt>
              <dd className="letter-url">{letter.url}</dd>
              <dt>招待コード</dt>
              <dd className="letter-code">{letter.code}</dd>
            </dl>
          </div>
          <p className="letter-note">
            招待コードはお一人一回限り有効です。日本語のほか、やさしい日本語・English・中文・한국어・Tiếng Việt で回答できます。
          </p>
          <div className="letter-contact">
            <p className="letter-contact-label">問い合わせ先</p>
            <p>{set.contact.section}</p>
            <p>
              電話 {set.contact.phone}（{set.contact.hours}）
            </p>
            {set.contact.email && <p>メール {set.contact.email}</p>}
          </div>
        </article>
      ))}
    </section>
  );
}
