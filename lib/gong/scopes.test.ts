import { describe, expect, it } from "vitest";
import { buildContentSelector } from "./content-selector";
import { listMissingScopes, REQUIRED_GONG_SCOPE_NAMES, REQUIRED_GONG_SCOPES } from "./scopes";

describe("required scopes", () => {
  it("lists the seven scopes Callbridge asks for, each explained", () => {
    expect(REQUIRED_GONG_SCOPE_NAMES.join(" ")).toBe(
      "api:calls:read:basic api:calls:read:extensive api:calls:read:transcript api:calls:read:media-url " +
        "api:users:read api:workspaces:read api:library:read",
    );
    for (const info of REQUIRED_GONG_SCOPES) expect(info.withoutIt).toContain(info.scope);
    expect(REQUIRED_GONG_SCOPES[3]?.withoutIt).toBe("Without api:calls:read:media-url recordings cannot be played.");
  });

  it("finds the missing ones", () => {
    const granted = REQUIRED_GONG_SCOPE_NAMES.filter((scope) => !scope.includes("media") && scope !== "api:library:read");
    expect(listMissingScopes(granted).map((info) => info.scope)).toEqual(["api:calls:read:media-url", "api:library:read"]);
    expect(listMissingScopes(REQUIRED_GONG_SCOPE_NAMES)).toEqual([]);
  });
});

describe("buildContentSelector", () => {
  it("asks for parties, content and interaction but not media by default", () => {
    const selector = buildContentSelector();
    expect(selector).toMatchObject({
      context: "None",
      exposedFields: {
        parties: true,
        media: false,
        content: { topics: true, trackers: true, brief: true, outline: true, highlights: true, keyPoints: true, callOutcome: true },
        interaction: { speakers: true, personInteractionStats: true, questions: true },
      },
    });
    expect(selector).not.toHaveProperty("contextTiming");
  });

  it("applies overrides and only sends contextTiming with the Extended context", () => {
    const selector = buildContentSelector({ media: true, content: { brief: false }, context: "Extended", contextTiming: ["TimeOfCall"] });
    expect(selector.exposedFields.media).toBe(true);
    expect(selector.exposedFields.content.brief).toBe(false);
    expect(selector.contextTiming).toEqual(["TimeOfCall"]);
    expect(buildContentSelector({ context: "Basic", contextTiming: ["Now"] })).not.toHaveProperty("contextTiming");
  });
});
