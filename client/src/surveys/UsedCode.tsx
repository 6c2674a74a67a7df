/**
 * What a resident reads when a letter's code was already used — before the first question, or when
 * answers sent later are refused for it: thanks if they sent the paper form, otherwise whom to call,
 * with the ward office's number as a tap-to-call link (shared/wards/contacts.ts: works offline).
 */
import { contactFor, wardOfficeHours } from "../../../shared/wards/contacts";
import { wardRecords } from "../../../shared/wards/data";
import { wardName } from "../../../shared/wards/names";
import { T, useT } from "../app/i18n/T";

/** `withHeading` false where the refusal's own words already say the code was used (an outbox item's reason). */
export function UsedCode({ ward, withHeading = true }: { ward: string | null; withHeading?: boolean }) {
  const { t, locale } = useT();
  const record = ward ? wardRecords.find((w) => w.code === ward) : undefined;
  const contact = contactFor(record ? record.code : null);
  const office = record ? t("surveys.usedCode.office", { ward: wardName(record, locale) }) : t("surveys.usedCode.cityOffice");
  return (
    <div className="notice used-code">
      {withHeading && (
        <p>
          <strong>
            <T k="surveys.usedCode.heading" />
          </strong>
        </p>
      )}
      <p>
        <T k="surveys.usedCode.paper" />
      </p>
      <p>
        <T k="surveys.usedCode.call" values={{ office }} />
      </p>
      <p>
        <a className="button" href={`tel:${contact.phone.replace(/[^0-9+]/g, "")}`}>
          <T k="surveys.usedCode.phone" values={{ phone: contact.phone }} />
        </a>
      </p>
      <p className="hint">
        <T k={record ? "surveys.usedCode.hours" : "surveys.usedCode.cityHours"} values={{ ...wardOfficeHours }} />
      </p>
    </div>
  );
}
