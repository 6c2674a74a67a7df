import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvCell, csvFile, csvLine, neutralise, parseCsv, readCsv, toCsvFile, unguard } from "./csv";

const bom = "\uFEFF";

describe("neutralise", () => {
  it.each(["=SUM(A1:A9)", "+81", "-1", "@cmd", "\tx", "\rx"])(
    "puts an apostrophe before %j, which Excel would run as a formula",
    (cell) => {
      expect(neutralise(cell)).toBe(`'${cell}`);
    },
  );

  it.each(["", "区民センター", "1-2", "a=b", " =1", "'quoted", "\n=1", "'", "' =1"])("leaves %j as it is", (cell) => {
    expect(neutralise(cell)).toBe(cell);
  });

  it.each(["'=1", "''+81", "'@x"])("guards %j, typed with its own apostrophe, once more, so the import can tell them apart", (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
    expect(unguard(neutralise(cell))).toBe(cell);
  });
});

describe("unguard", () => {
  it("takes the guard off an exported formula cell and off a phone number", () => {
    expect(unguard("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(unguard("'+81 6 1234 5678")).toBe("+81 6 1234 5678");
    expect(unguard("''=x")).toBe("'=x");
  });

  it.each(["'abc", "'", "''", "' =1", "abc", "=x", ""])("keeps %j, which is no guard, as it is", (cell) => {
    expect(unguard(cell)).toBe(cell);
  });

  it("undoes neutralise for any text at all", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", " ", "a"), fc.string({ maxLength: 1 })) }),
        (s) => {
          expect(unguard(neutralise(s))).toBe(s);
        },
      ),
    );
  });
});

describe("writing", () => {
  it("quotes every cell, doubles the quotes inside, writes null as an empty cell and numbers as digits", () => {
    expect(csvLine(["町会", 'say "hi"', null, 42, 3.5, "a,b"])).toBe('"町会","say ""hi""","","42","3.5","a,b"');
  });

  it("guards a formula cell inside its quotes", () => {
    expect(csvLine(["=1+1", '"=x"', -3])).toBe(`"'=1+1","""=x""","'-3"`);
  });

  it("starts the file with a byte-order mark and ends every line, the last too, with CRLF", () => {
    expect(csvFile(['"a"', '"b"'])).toBe(`${bom}"a"\r\n"b"\r\n`);
    expect(
      toCsvFile([
        ["a", 1],
        ["b", null],
      ]),
    ).toBe(`${bom}"a","1"\r\n"b",""\r\n`);
  });
});

describe("parseCsv", () => {
  it("skips a leading byte-order mark, and only a leading one", () => {
    expect(parseCsv(`${bom}a,b\r\n`)).toEqual([["a", "b"]]);
    expect(parseCsv(`a,${bom}b\n`)).toEqual([["a", `${bom}b`]]);
  });

  it("reads CRLF and LF lines alike, with or without a final line break", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv("a,b\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("reads quoted cells: commas, doubled quotes and line breaks inside them are text", () => {
    expect(parseCsv('"1,2","say ""hi""","two\r\nlines","and\nthis"\r\n')).toEqual([["1,2", 'say "hi"', "two\r\nlines", "and\nthis"]]);
  });

  it("keeps empty cells, at the start and end of a line too", () => {
    expect(parseCsv(',a,,\r\n""\r\n')).toEqual([["", "a", "", ""], [""]]);
  });

  it("reads nothing from an empty text", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv(bom)).toEqual([]);
  });
});

describe("round trip: toCsvFile, then parseCsv", () => {
  const startsLikeFormula = (text: string) => /^'*[=+\-@\t\r]/.test(text);
  /** Text with plenty of what CSV must escape: quotes, commas, CR, LF, tabs, formula starts, Japanese. */
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom('"', ",", "\r", "\n", "\t", "=", "+", "-", "@", "'", " ", "区", "👪"),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  });
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.constant(null), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  // A row has at least one cell, a file at least one row: a row of no cells is an empty line, read back as one empty cell.
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });

  it("gives back every cell as text, a formula-like one with the apostrophe that guards it", () => {
    fc.assert(
      fc.property(rows, (written) => {
        const read = parseCsv(toCsvFile(written));
        const expected = written.map((row) =>
          row.map((c) => {
            const plain = c === null ? "" : String(c);
            return startsLikeFormula(plain) ? `'${plain}` : plain;
          }),
        );
        expect(read).toEqual(expected);
      }),
    );
  });

  it("gives back exactly the cells that do not start like a formula", () => {
    const safe = text.filter((t) => !startsLikeFormula(t));
    fc.assert(
      fc.property(fc.array(fc.array(safe, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (written) => {
        expect(parseCsv(toCsvFile(written))).toEqual(written);
      }),
    );
  });
});

describe("round trip: toCsvFile, then readCsv (an export imported back)", () => {
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom('"', ",", "\r", "\n", "\t", "=", "+", "-", "@", "'", " ", "区", "👪"),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    maxLength: 12,
  });

  it("gives back the identical text of every cell, guarded or not", () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (written) => {
        expect(readCsv(toCsvFile(written))).toEqual(written);
      }),
      { numRuns: 500 },
    );
  });
});
