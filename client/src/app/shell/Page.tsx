/** A page: its heading takes focus when the page changes (arrival.ts: screen readers announce it) and names the tab. */
import { type ReactNode, useEffect, useRef } from "react";
import { plainText, RubyText } from "../i18n/ruby";
import { T, useT } from "../i18n/T";
import { markPageDrawn } from "../idle";
import { focusOnArrival } from "./arrival";

/**
 * A page titled by a locale key, or by a text from data (`title`, which may carry furigana markup; `titleLang`
 * when it is in another language than the page's, as a ward's Japanese name on an English page). `pending` while
 * the page still waits for what it shows first: until then, work that can wait (app/idle.ts) waits for it too.
 */
export function Page({
  titleKey,
  title: dataTitle,
  titleLang,
  pending = false,
  children,
}: {
  titleKey?: string;
  title?: string;
  titleLang?: string | undefined;
  pending?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { plain } = useT();
  const title = dataTitle !== undefined ? plainText(dataTitle) : plain(titleKey ?? "");
  const appName = plain("app.name");
  useEffect(() => {
    document.title = `${title} | ${appName}`;
  }, [title, appName]);
  useEffect(() => focusOnArrival(heading.current), []);
  useEffect(() => {
    if (!pending) markPageDrawn();
  }, [pending]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} lang={titleLang}>
        {dataTitle !== undefined ? <RubyText text={dataTitle} /> : <T k={titleKey ?? ""} />}
      </h1>
      {children}
    </>
  );
}

export function ComingSoon({ textKey }: { textKey: string }) {
  return (
    <section className="notice" aria-labelledby={`${textKey}-label`}>
      <h2 id={`${textKey}-label`} className="notice-label">
        <T k="common.comingSoon" />
      </h2>
      <p>
        <T k={textKey} />
      </p>
    </section>
  );
}
