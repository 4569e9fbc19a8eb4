import { describe, expect, it } from "vitest";
import { type ErrorCode, HandsetError } from "./errors.js";
import { type ParsedPhone, type PhonePolicy, parsePhone } from "./phone.js";

const VALID: PhonePolicy = { validation: "valid", allowVoip: false, allowedRegions: [], deniedRegions: [] };
const POSSIBLE: PhonePolicy = { ...VALID, validation: "possible" };

/** Runs the parser and returns the refusal it threw, failing the test if it accepted the number. */
function refusal(input: string, region: string | undefined, policy: PhonePolicy = VALID): HandsetError {
  try {
    const parsed = parsePhone(input, region, policy);
    throw new Error(`expected ${input} to be refused, got ${JSON.stringify(parsed)}`);
  } catch (error) {
    if (!(error instanceof HandsetError)) throw error;
    return error;
  }
}

describe("parsePhone accepts", () => {
  const accepted: Array<{
    name: string;
    input: string;
    region?: string;
    policy?: PhonePolicy;
    expected: ParsedPhone;
  }> = [
    {
      name: "E.164 with spaces",
      input: "+41 78 123 45 67",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "E.164 with brackets and dashes",
      input: "+33 (6) 12-34-56-78",
      expected: { e164: "+33612345678", region: "FR", type: "MOBILE" },
    },
    {
      name: "compact E.164",
      input: "+4915123456789",
      expected: { e164: "+4915123456789", region: "DE", type: "MOBILE" },
    },
    {
      name: "E.164 with surrounding whitespace",
      input: "  +41781234567 \n",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "a national number with its region (as Linode sends it)",
      input: "201-555-0123",
      region: "US",
      expected: { e164: "+12015550123", region: "US", type: "FIXED_LINE_OR_MOBILE" },
    },
    {
      name: "a national number with a lower-case region",
      input: "201-555-0123",
      region: "us",
      expected: { e164: "+12015550123", region: "US", type: "FIXED_LINE_OR_MOBILE" },
    },
    {
      name: "a national number with its trunk prefix",
      input: "078 123 45 67",
      region: "CH",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "E.164 whose own country code wins over the region given",
      input: "+41 78 123 45 67",
      region: "US",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "E.164 with dots and slashes",
      input: "+41/78.123.45.67",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "E.164 with the national trunk prefix in brackets",
      input: "+41 (0) 78 123 45 67",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "a national number in the usual US layout",
      input: "(201) 555-0123",
      region: "US",
      expected: { e164: "+12015550123", region: "US", type: "FIXED_LINE_OR_MOBILE" },
    },
    {
      name: "E.164 with an empty region",
      input: "+41 78 123 45 67",
      region: "",
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "a number outside the plan under `possible`",
      input: "+1 555-555-5555",
      policy: POSSIBLE,
      expected: { e164: "+15555555555", region: null, type: "UNKNOWN" },
    },
    {
      name: "Linode's example as a national number under `possible`",
      input: "555-555-5555",
      region: "US",
      policy: POSSIBLE,
      // The caller named the region, so it is kept even though the plan cannot confirm it.
      expected: { e164: "+15555555555", region: "US", type: "UNKNOWN" },
    },
    {
      name: "a compact number outside the plan under `possible`",
      input: "+11234567890",
      policy: POSSIBLE,
      expected: { e164: "+11234567890", region: null, type: "UNKNOWN" },
    },
    {
      name: "a valid mobile under `possible` keeps its region and type",
      input: "+41 78 123 45 67",
      policy: POSSIBLE,
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "VoIP when the policy allows it",
      input: "+44 56 1234 5678",
      policy: { ...VALID, allowVoip: true },
      expected: { e164: "+445612345678", region: "GB", type: "VOIP" },
    },
    {
      name: "a personal number when the tenant takes them",
      input: "+44 70 1234 5678",
      policy: { ...VALID, allowedTypes: ["PERSONAL_NUMBER"] },
      expected: { e164: "+447012345678", region: "GB", type: "PERSONAL_NUMBER" },
    },
    {
      name: "VoIP when the tenant takes it",
      input: "+44 56 1234 5678",
      policy: { ...VALID, allowedTypes: ["VOIP"] },
      expected: { e164: "+445612345678", region: "GB", type: "VOIP" },
    },
    {
      name: "a high-risk region the tenant allows",
      input: "+998 90 123 45 67",
      policy: { ...VALID, allowHighRisk: ["UZ"] },
      expected: { e164: "+998901234567", region: "UZ", type: "MOBILE" },
    },
    {
      name: "a high-risk region on an explicit allow list",
      input: "+994 50 123 45 67",
      policy: { ...VALID, allowedRegions: ["AZ", "FR"] },
      expected: { e164: "+994501234567", region: "AZ", type: "MOBILE" },
    },
    {
      name: "a number in an allowed region",
      input: "+41 78 123 45 67",
      policy: { ...VALID, allowedRegions: ["CH", "FR"] },
      expected: { e164: "+41781234567", region: "CH", type: "MOBILE" },
    },
    {
      name: "a number outside the denied regions",
      input: "+33 6 12 34 56 78",
      policy: { ...VALID, deniedRegions: ["CH"] },
      expected: { e164: "+33612345678", region: "FR", type: "MOBILE" },
    },
  ];

  it.each(accepted)("$name: $input", ({ input, region, policy, expected }) => {
    expect(parsePhone(input, region, policy ?? VALID)).toEqual(expected);
  });
});

describe("parsePhone refuses", () => {
  const refused: Array<{
    name: string;
    input: string;
    region?: string;
    policy?: PhonePolicy;
    code: ErrorCode;
    numberType?: string;
  }> = [
    { name: "letters", input: "abc", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "letters with a region", input: "abc", region: "US", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "an empty string", input: "", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "a lone plus", input: "+", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "a double plus", input: "++41781234567", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "a national number without a region", input: "201-555-0123", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "an unknown country code", input: "+999 123456", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "trailing text", input: "+41 78 123 45 67abc", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "a number inside a sentence", input: "call +41 78 123 45 67", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    { name: "two numbers", input: "+41781234567 +41781234568", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    {
      name: "an extension (SMS cannot reach one)",
      input: "+41 78 123 45 67 ext. 12",
      code: "PHONE_NUMBER_NOT_A_NUMBER",
    },
    { name: "an RFC 3966 extension", input: "+41781234567;ext=12", code: "PHONE_NUMBER_NOT_A_NUMBER" },
    {
      name: "a satellite phone (a toll-fraud target)",
      input: "+881 6 12345678",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "NON_GEOGRAPHIC",
    },
    {
      name: "an Inmarsat number",
      input: "+870 773 111 632",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "NON_GEOGRAPHIC",
    },
    {
      name: "an international-network number that is only possible",
      input: "+882 34 123 4567",
      policy: POSSIBLE,
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "NON_GEOGRAPHIC",
    },
    { name: "51 characters", input: `+41 78 123 45 67${"-".repeat(35)}`, code: "PHONE_NUMBER_TOO_LONG" },
    { name: "51 digits", input: `+4${"1".repeat(50)}`, code: "PHONE_NUMBER_TOO_LONG" },
    { name: "too few digits", input: "+41 12", code: "PHONE_NUMBER_NOT_POSSIBLE" },
    { name: "too few digits for its region", input: "12", region: "US", code: "PHONE_NUMBER_NOT_POSSIBLE" },
    { name: "too many digits", input: "+41 78 123 45 67 89 01 23", code: "PHONE_NUMBER_NOT_POSSIBLE" },
    {
      name: "too few digits even under `possible`",
      input: "+41 12",
      policy: POSSIBLE,
      code: "PHONE_NUMBER_NOT_POSSIBLE",
    },
    { name: "a number outside the plan", input: "+1 555-555-5555", code: "PHONE_NUMBER_NOT_VALID" },
    { name: "a compact number outside the plan", input: "+11234567890", code: "PHONE_NUMBER_NOT_VALID" },
    {
      name: "a national number outside the plan",
      input: "555-555-5555",
      region: "US",
      code: "PHONE_NUMBER_NOT_VALID",
    },
    { name: "an unknown region", input: "201-555-0123", region: "XX", code: "PHONE_NUMBER_REGION_INVALID" },
    {
      name: "a region that is not a code",
      input: "201-555-0123",
      region: "USA",
      code: "PHONE_NUMBER_REGION_INVALID",
    },
    {
      name: "a Swiss fixed line",
      input: "+41 71 000 00 00",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "FIXED_LINE",
    },
    {
      name: "a London fixed line",
      input: "+44 20 7946 0958",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "FIXED_LINE",
    },
    {
      name: "a fixed line given as a national number",
      input: "020 7946 0958",
      region: "GB",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "FIXED_LINE",
    },
    {
      name: "a fixed line even under `possible`",
      input: "+41 71 000 00 00",
      policy: POSSIBLE,
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "FIXED_LINE",
    },
    {
      name: "premium rate",
      input: "+1 900 555 0123",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "PREMIUM_RATE",
    },
    {
      name: "a French shared-cost number",
      input: "+33 8 10 12 34 56",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "SHARED_COST",
    },
    {
      name: "a Swiss shared-cost number",
      input: "+41 840 123 456",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "SHARED_COST",
    },
    {
      name: "toll free",
      input: "+1 800 555 0123",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "TOLL_FREE",
    },
    {
      name: "a UK universal access number",
      input: "+44 303 123 4567",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "UAN",
    },
    {
      name: "a pager",
      input: "+44 76 2345 6789",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "PAGER",
    },
    {
      name: "VoIP by default",
      input: "+44 56 1234 5678",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "VOIP",
    },
    {
      name: "French VoIP by default",
      input: "+33 9 76 12 34 56",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "VOIP",
    },
    {
      name: "a region outside the allow list",
      input: "+33 6 12 34 56 78",
      policy: { ...VALID, allowedRegions: ["CH"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a region on the deny list",
      input: "+41 78 123 45 67",
      policy: { ...VALID, deniedRegions: ["CH"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a region on the deny list that is also allowed",
      input: "+41 78 123 45 67",
      policy: { ...VALID, allowedRegions: ["CH"], deniedRegions: ["CH"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a personal number by default (UK 070, priced like a premium line)",
      input: "+44 70 1234 5678",
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "PERSONAL_NUMBER",
    },
    {
      name: "a personal number when the tenant takes only VoIP",
      input: "+44 70 1234 5678",
      policy: { ...VALID, allowedTypes: ["VOIP"] },
      code: "PHONE_NUMBER_TYPE_NOT_ALLOWED",
      numberType: "PERSONAL_NUMBER",
    },
    {
      name: "a high-risk region by default",
      input: "+998 90 123 45 67",
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a high-risk region when another one is allowed",
      input: "+994 50 123 45 67",
      policy: { ...VALID, allowHighRisk: ["UZ"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a high-risk region allowed but denied",
      input: "+998 90 123 45 67",
      policy: { ...VALID, allowHighRisk: ["UZ"], deniedRegions: ["UZ"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
    {
      name: "a number of unknown region when only some regions are allowed",
      input: "+1 555-555-5555",
      policy: { ...POSSIBLE, allowedRegions: ["US"] },
      code: "PHONE_NUMBER_COUNTRY_NOT_ALLOWED",
    },
  ];

  it.each(refused)("$name: $input → $code", ({ input, region, policy, code, numberType }) => {
    const error = refusal(input, region, policy);
    expect(error.code).toBe(code);
    // A person reads this message: it is a sentence, not a library's constant.
    expect(error.message).toMatch(/^[^\n]{10,}$/);
    expect(error.message).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    if (numberType !== undefined) expect(error.details.numberType).toBe(numberType);
    else expect(error.details.numberType).toBeUndefined();
  });

  it("names the refused region and the field at fault", () => {
    const denied = refusal("+41 78 123 45 67", undefined, { ...VALID, deniedRegions: ["CH"] });
    expect(denied.details).toMatchObject({ field: "phone_number", region: "CH" });
    expect(refusal("201-555-0123", "XX").details.field).toBe("region");
    expect(refusal("abc", undefined).details.field).toBe("phone_number");
  });

  it("names the setting that would let a refused type or high-risk region through", () => {
    const personal = refusal("+44 70 1234 5678", undefined);
    expect(personal.message).toContain("number_types.allow");
    const risky = refusal("+998 90 123 45 67", undefined);
    expect(risky.message).toContain("regions.allow_high_risk");
    expect(risky.details).toMatchObject({ field: "phone_number", region: "UZ" });
  });

  it("checks the length before anything else, at exactly 50 characters", () => {
    const fifty = `+41781234567${" ".repeat(38)}`;
    expect(fifty).toHaveLength(50);
    // Trailing spaces are trimmed, so 50 characters of which 12 are the number is a number.
    expect(parsePhone(fifty, undefined, VALID).e164).toBe("+41781234567");
    const fiftyInside = `+41 78 123 45 67${"-".repeat(34)}`;
    expect(fiftyInside).toHaveLength(50);
    expect(refusal(`${fiftyInside}-`, undefined).code).toBe("PHONE_NUMBER_TOO_LONG");
  });
});
