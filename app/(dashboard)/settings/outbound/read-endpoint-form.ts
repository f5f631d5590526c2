/** The create form's fields as the endpoint input schema takes them (checkboxes as booleans, lists as arrays). */
export function readEndpointForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const format = text("format") || "standard";
  const throttle = text("throttle_per_second");
  const workspaces = text("workspace_gong_ids")
    .split(/[\s,]+/)
    .filter(Boolean);
  const trackerIds = form.getAll("tracker_ids").map(String);
  const filters =
    format === "slack"
      ? {
          ...(form.get("external_only") === "on" && { externalOnly: true }),
          ...(workspaces.length > 0 && { workspaceGongIds: workspaces }),
          ...(trackerIds.length > 0 && { trackerIds }),
        }
      : {};
  const eventTypes = form.getAll("event_types").map(String);
  return {
    url: text("url"),
    description: text("description"),
    format,
    ...(format === "standard" && { event_types: eventTypes }),
    include_transcript: form.get("include_transcript") === "on",
    throttle_per_second: throttle === "" ? null : Number(throttle),
    filters,
  };
}
