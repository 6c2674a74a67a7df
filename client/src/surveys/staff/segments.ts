/** Names for the segments of a breakdown ("age:30s", "area:27127-03", "mode:paper" …) as staff read them. */
import { areaName } from "../../../../shared/wards/names";
import { plainText } from "../../app/i18n/ruby";
import { useT } from "../../app/i18n/T";
import { useAreas } from "../../wards/useWards";

export function useSegmentName(ward: string | null): (segment: string) => string {
  const { plain, locale } = useT();
  const areas = useAreas(ward);
  return (segment) => {
    const [kind, value = ""] = segment.split(":");
    switch (kind) {
      case "all":
        return plain("staff:results.segmentAll");
      case "age":
        return plain(`surveys.profile.ageBands.${value}`);
      case "area": {
        const area = areas.state.status === "ready" ? areas.state.data.find((a) => a.id === value) : undefined;
        return area ? plainText(areaName(area, locale)) : value;
      }
      case "children":
        return `${plain("surveys.profile.childrenUnder6")}: ${plain(`surveys.profile.yesNo.${value}`)}`;
      case "years":
        return plain(`surveys.profile.yearsBands.${value}`);
      case "mode":
        return plain(`staff:results.modes.${value}`);
      default:
        return segment;
    }
  };
}
