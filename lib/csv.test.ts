import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("neutralises every cell that a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+49 30 1234")).toBe("'+49 30 1234");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=cmd")).toBe("'\t=cmd");
    expect(csvCell("\r=cmd")).toBe("\"'\r=cmd\"");
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it("leaves ordinary text alone and quotes separators, quotes and line breaks", () => {
    expect(csvCell("member.removed")).toBe("member.removed");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Müller, Anna")).toBe('"Müller, Anna"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("joins a row with commas and ends it with CRLF", () => {
    expect(csvRow(["a", "=b", null, "c,d"])).toBe(`a,'=b,,"c,d"\r\n`);
  });
});
