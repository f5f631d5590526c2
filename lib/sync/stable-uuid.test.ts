import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toStableUuid } from "./stable-uuid";

describe("toStableUuid", () => {
  it("gives the same valid UUID for the same name and different ones for different names", () => {
    expect(toStableUuid("scheduled:run-1:conn-1")).toBe(toStableUuid("scheduled:run-1:conn-1"));
    expect(toStableUuid("scheduled:run-1:conn-1")).not.toBe(toStableUuid("scheduled:run-1:conn-2"));
    for (const name of ["a", "b", "backfill:01J", "purge:01K"]) expect(z.string().uuid().safeParse(toStableUuid(name)).success).toBe(true);
  });
});
