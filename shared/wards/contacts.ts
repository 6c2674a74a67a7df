/**
 * How a resident reaches each ward office (区役所): its name and its main telephone number (代表・総合
 *案内, the ward office's "9986" line), with the opening hours every ward office keeps. Shown where the
 * app cannot help and a person must (a letter's code already used). Reference data, bundled with the
 * app so it shows offline too.
 */
import type { WardRecord } from "./data";

export interface WardContact {
  /** 区役所 as written in Japanese, e.g. "北区役所" */
  office: string;
  /** The main number, as dialled in Japan, e.g. "06-6313-9986" */
  phone: string;
}

/** 平日 9:00–17:30 (not Saturdays, Sundays, national holidays or 12/29–1/3). */
export const wardOfficeHours = { opens: "9:00", closes: "17:30" } as const;

export const wardContacts: Readonly<Record<WardRecord["code"], WardContact>> = {
  "27127": { office: "北区役所", phone: "06-6313-9986" },
  "27102": { office: "都島区役所", phone: "06-6882-9986" },
  "27103": { office: "福島区役所", phone: "06-6464-9986" },
  "27104": { office: "此花区役所", phone: "06-6466-9986" },
  "27128": { office: "中央区役所", phone: "06-6267-9986" },
  "27106": { office: "西区役所", phone: "06-6532-9986" },
  "27107": { office: "港区役所", phone: "06-6576-9986" },
  "27108": { office: "大正区役所", phone: "06-4394-9986" },
  "27109": { office: "天王寺区役所", phone: "06-6774-9986" },
  "27111": { office: "浪速区役所", phone: "06-6647-9986" },
  "27113": { office: "西淀川区役所", phone: "06-6478-9986" },
  "27123": { office: "淀川区役所", phone: "06-6308-9986" },
  "27114": { office: "東淀川区役所", phone: "06-4809-9986" },
  "27115": { office: "東成区役所", phone: "06-6977-9986" },
  "27116": { office: "生野区役所", phone: "06-6715-9986" },
  "27117": { office: "旭区役所", phone: "06-6957-9986" },
  "27118": { office: "城東区役所", phone: "06-6930-9986" },
  "27124": { office: "鶴見区役所", phone: "06-6915-9986" },
  "27119": { office: "阿倍野区役所", phone: "06-6622-9986" },
  "27125": { office: "住之江区役所", phone: "06-6682-9986" },
  "27120": { office: "住吉区役所", phone: "06-6694-9986" },
  "27121": { office: "東住吉区役所", phone: "06-4399-9986" },
  "27126": { office: "平野区役所", phone: "06-4302-9986" },
  "27122": { office: "西成区役所", phone: "06-6659-9986" },
};

/** The contact of a ward, or of the city's call centre for a city-wide survey (なにわコール). */
export function contactFor(ward: string | null): WardContact {
  return (ward && wardContacts[ward]) || cityContact;
}

/** 大阪市総合コールセンター (なにわコール): 8:00–21:00, every day. */
export const cityContact: WardContact = { office: "大阪市総合コールセンター（なにわコール）", phone: "06-4301-7285" };
