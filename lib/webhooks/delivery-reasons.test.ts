import { describe, expect, it } from "vitest";
import { describeDeliveryReason, describeHeldDelivery } from "./delivery-reasons";

describe("delivery reasons", () => {
  it("explains a known reason, repeats an unknown one and says Rejected for none", () => {
    expect(describeDeliveryReason("bad_key")).toBe("Wrong or missing key in the URL");
    expect(describeDeliveryReason("something_new")).toBe("something_new");
    expect(describeDeliveryReason(null)).toBe("Rejected");
    expect(describeDeliveryReason("")).toBe("");
    // Not a property every object inherits.
    expect(describeDeliveryReason("toString")).toBe("toString");
  });

  it("tells a held delivery waiting from one taken up, and how", () => {
    expect(describeHeldDelivery(null)).toBe("waiting");
    expect(describeHeldDelivery("stored")).toBe("stored");
    expect(describeHeldDelivery("deleted")).toBe("deleted");
    expect(describeHeldDelivery("6f1c3a52-0000-4000-8000-000000000001")).toBe("queued");
  });
});
