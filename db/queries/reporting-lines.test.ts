import { describe, expect, it } from "vitest";
import { computeReportingLines } from "./reporting-lines";

describe("computeReportingLines", () => {
  it("counts reports at any depth and names only managers who are Gong users of the organization", () => {
    const lines = computeReportingLines([
      { gongId: "mia", managerGongId: null },
      { gongId: "rex", managerGongId: "mia" },
      { gongId: "sue", managerGongId: "mia" },
      { gongId: "tom", managerGongId: "sue" },
      { gongId: "eve", managerGongId: "someone-not-synced" },
    ]);
    expect(Object.fromEntries(lines)).toEqual({
      mia: { managerGongId: null, teamSize: 3 },
      rex: { managerGongId: "mia", teamSize: 0 },
      sue: { managerGongId: "mia", teamSize: 1 },
      tom: { managerGongId: "sue", teamSize: 0 },
      eve: { managerGongId: null, teamSize: 0 },
    });
  });

  it("survives cycles and self-references, never counting anyone twice or as their own report", () => {
    const lines = computeReportingLines([
      { gongId: "ann", managerGongId: "bob" },
      { gongId: "bob", managerGongId: "ann" },
      { gongId: "cat", managerGongId: "bob" },
      { gongId: "sol", managerGongId: "sol" },
    ]);
    expect(lines.get("ann")).toEqual({ managerGongId: "bob", teamSize: 2 });
    expect(lines.get("bob")).toEqual({ managerGongId: "ann", teamSize: 2 });
    expect(lines.get("sol")).toEqual({ managerGongId: null, teamSize: 0 });
  });
});
