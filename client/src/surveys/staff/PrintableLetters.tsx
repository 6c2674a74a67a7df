/**
 * 依頼状の印刷: one A4 page per letter, with the survey's title, the link, its QR code and the code
 * in large type. Made from the batch just generated — the codes exist nowhere else — and printed
 * with the browser's print dialog (the print stylesheet shows only the letters).
 */
import { encode } from "uqr";
import { T, useT } from "../../app/i18n/T";

export interface Letter {
  number: string;
  code: string;
  url: string;
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

export function PrintableLetters({
  title,
  minutes,
  ward,
  letters,
  onClose,
}: {
  title: string;
  /** The survey's one time estimate, as the app's list gives it (約N分). */
  minutes: number;
  ward: string;
  letters: Letter[];
  onClose: () => void;
}) {
  const { plain } = useT();
  return (
    <section className="printable" aria-labelledby="letters-print-heading">
      <div className="no-print">
        <h2 id="letters-print-heading">
          <T k="staff:actions.letters.printHeading" values={{ count: letters.length }} />
        </h2>
        <p>
          <T k="staff:actions.letters.printHint" />
        </p>
        <div className="actions">
          <button type="button" className="button primary" onClick={() => window.print()}>
            <T k="staff:actions.letters.print" />
          </button>
          <button type="button" className="button" onClick={onClose}>
            <T k="staff:actions.letters.closePrint" />
          </button>
        </div>
      </div>
      {letters.map((letter) => (
        <article key={letter.code} className="letter" lang="ja">
          <p className="letter-number">No. {letter.number}</p>
          <p className="letter-from">{ward}</p>
          <h3>「{title}」へのご協力のお願い</h3>
          <p>
            無作為に選ばせていただいた区民の皆さまに、区政への意見をお聞きしています。回答は統計的に処理し、お名前や回答した方が分かる形で公表することはありません。
          </p>
          <p>
            スマートフォンでQRコードを読み取るか、次のアドレスを開いて回答してください（約{minutes}
            分）。紙の回答用紙で返送いただくこともできます。
          </p>
          <div className="letter-access">
            <QrCode text={letter.url} label={plain("staff:actions.letters.qrLabel", { code: letter.code })} />
            <div>
              <p className="letter-code-label">招待コード</p>
              <p className="letter-code">{letter.code}</p>
              <p className="letter-url">{letter.url}</p>
            </div>
          </div>
          <p className="letter-note">
            招待コードはお一人一回限り有効です。日本語のほか、やさしい日本語・English・中文・한국어・Tiếng Việt で回答できます。
          </p>
        </article>
      ))}
    </section>
  );
}
