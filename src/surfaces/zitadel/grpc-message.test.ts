import { describe, expect, it } from "vitest";
import { grpcPercentEncode } from "./grpc-message.js";

describe("grpcPercentEncode", () => {
  it("keeps printable ASCII and encodes `%` and every byte beyond it, as gRPC's wire spec says", () => {
    expect(grpcPercentEncode("invalid X.Y: a, b (ID-1)")).toBe("invalid X.Y: a, b (ID-1)");
    expect(grpcPercentEncode("50% ☎\n")).toBe("50%25 %E2%98%8E%0A");
    expect(decodeURIComponent(grpcPercentEncode("Zürich ☎ 100%"))).toBe("Zürich ☎ 100%");
  });
});
