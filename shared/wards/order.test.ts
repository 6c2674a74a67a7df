import { describe, expect, it } from "vitest";
import { contactFor, wardContacts } from "./contacts";
import { wardRecords } from "./data";
import { byWardOrder, inWardOrder } from "./order";

// The city's official order, as its own pages list the wards (not the order of the codes).
const official = [
  "北区",
  "都島区",
  "福島区",
  "此花区",
  "中央区",
  "西区",
  "港区",
  "大正区",
  "天王寺区",
  "浪速区",
  "西淀川区",
  "淀川区",
  "東淀川区",
  "東成区",
  "生野区",
  "旭区",
  "城東区",
  "鶴見区",
  "阿倍野区",
  "住之江区",
  "住吉区",
  "東住吉区",
  "平野区",
  "西成区",
];

describe("the wards' official order", () => {
  it("is the order of the reference data", () => {
    expect(wardRecords.map((w) => w.name)).toEqual(official);
  });

  it("puts 北区 and 中央区 where the city does, not last as their codes would", () => {
    const byCode = [...wardRecords].sort((a, b) => a.code.localeCompare(b.code));
    const sorted = inWardOrder(byCode, (w) => w.code).map((w) => w.name);
    expect(sorted).toEqual(official);
    expect(["27128", "27127", "27102"].sort(byWardOrder)).toEqual(["27127", "27102", "27128"]);
  });

  it("has a ward office and a telephone number for every ward", () => {
    for (const ward of wardRecords) {
      const contact = wardContacts[ward.code];
      expect(contact?.office).toBe(`${ward.name}役所`);
      expect(contact?.phone).toMatch(/^06-\d{4}-9986$/);
    }
    expect(contactFor(null).phone).toMatch(/^06-/);
  });
});
