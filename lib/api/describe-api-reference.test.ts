import { describe, expect, it } from "vitest";
import { describeApiReference } from "./describe-api-reference";
import { API_ENDPOINTS } from "./endpoints";

describe("the human API reference", () => {
  const reference = describeApiReference();
  const byId = (id: string) => reference.operations.find((operation) => operation.id === id)!;

  it("lists every operation with its fields, nested ones spelled out", () => {
    expect(reference.operations.map((operation) => operation.id)).toContain("createOAuthUrl");
    const oauth = byId("createOAuthUrl");
    expect(oauth.body.map((field) => field.name)).toEqual([
      "gong_account_email",
      "sync_files_on_connection",
      "file_sync_config",
      "file_sync_config.include_speaker_labels",
      "customer_id",
    ]);
    expect(oauth.body[0]).toMatchObject({ required: true, type: "string (email)" });
    expect(byId("getFile").response.map((field) => field.name)).toEqual(expect.arrayContaining(["parties[].speaker_id", "transcript[].speaker.name"]));
    expect(byId("deleteFiles").body[0]?.type).toContain("≤ 100");
  });

  it("gives a curl example with the key and the required fields", () => {
    expect(byId("deleteFiles").curl).toBe(
      [
        'curl -X POST "$CALLBRIDGE_URL/api/v1/delete_files"',
        '  -H "Authorization: Bearer $CALLBRIDGE_API_KEY"',
        '  -H "Content-Type: application/json"',
        `  -d '{"call_ids":["123"]}'`,
      ].join(" \\\n"),
    );
    expect(byId("getSyncRun").curl).toContain('"$CALLBRIDGE_URL/api/v1/sync_runs/<id>"');
    expect(byId("getOpenApiDocument").curl).not.toContain("Authorization");
  });

  it("puts this instance's URL in the curl examples when it is given", () => {
    const withUrl = describeApiReference({ baseUrl: "https://callbridge.example.com/" });
    expect(withUrl.operations.find((operation) => operation.id === "getSyncRun")!.curl).toContain('"https://callbridge.example.com/api/v1/sync_runs/<id>"');
  });

  it("gives every endpoint an example response its own response schema accepts", () => {
    for (const endpoint of API_ENDPOINTS) {
      const example = byId(endpoint.operationId).exampleResponse;
      expect(example, endpoint.operationId).not.toBeNull();
      const parsed = endpoint.response.safeParse(JSON.parse(example!));
      expect(parsed.success ? null : [endpoint.operationId, parsed.error.issues], endpoint.operationId).toBeNull();
    }
    expect(byId("getOpenApiDocument").exampleResponse).toBeNull();
  });
});
