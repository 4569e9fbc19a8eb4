import type { Command } from "commander";
import type { CliIo } from "./main.js";
import { addOutputOptions, outputSettingsOf } from "./phone-output.js";

/** linode-cli names its flags after the body's properties (`--iso_code`); its docs show `--iso-code`. */
interface SendOptions {
  iso_code?: string;
  isoCode?: string;
  phone_number?: string;
  phoneNumber?: string;
}

interface VerifyOptions {
  otp_code?: string;
  otpCode?: string;
}

/** Only the fields given: what is missing is the server's to report, as linode-cli leaves it. */
function present(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * `handset phone sms-code-send|verify|delete`: linode-cli's `phone` command against a running
 * Handset's Linode surface, with linode-cli's flags, output and exit codes.
 */
export function registerPhoneCommands(program: Command, io: CliIo): void {
  /** phone-client.js is imported here, by the commands that use it, so that `--help` loads none of it. */
  const request = async (
    action: Command,
    method: "POST" | "DELETE",
    path: string,
    body?: Record<string, string>,
  ) => {
    const { linodeRequest, resolvePhoneCliSettings } = await import("./phone-client.js");
    const settings = resolvePhoneCliSettings(io.env);
    await linodeRequest(io, settings, method, path, body, outputSettingsOf(action));
  };
  const phone = program
    .command("phone")
    .description(
      "Verify the profile's phone number over a running Handset, like `linode-cli phone` " +
        "(HANDSET_URL and LINODE_CLI_TOKEN, or ~/.config/handset/cli.json)",
    );
  addOutputOptions(phone);

  addOutputOptions(phone.command("sms-code-send"))
    .description(
      "Send a one-time verification code by SMS to the number (the same code again within 10 minutes)",
    )
    .option("--iso_code <code>", "two-letter ISO 3166 country code of the number, e.g. US")
    .option("--iso-code <code>", "same as --iso_code")
    .option("--phone_number <number>", "the phone number, e.g. 555-555-5555 or +15555555555")
    .option("--phone-number <number>", "same as --phone_number")
    .action(async (opts: SendOptions, action: Command) => {
      await request(
        action,
        "POST",
        "/profile/phone-number",
        present({
          iso_code: opts.iso_code ?? opts.isoCode,
          phone_number: opts.phone_number ?? opts.phoneNumber,
        }),
      );
    });

  addOutputOptions(phone.command("verify"))
    .description("Verify the number with the code it received; it becomes the profile's phone number")
    .option("--otp_code <code>", "the one-time code from the SMS")
    .option("--otp-code <code>", "same as --otp_code")
    .action(async (opts: VerifyOptions, action: Command) => {
      await request(
        action,
        "POST",
        "/profile/phone-number/verify",
        present({ otp_code: opts.otp_code ?? opts.otpCode }),
      );
    });

  addOutputOptions(phone.command("delete"))
    .description("Delete the profile's verified phone number (opt out of SMS)")
    .action(async (_opts: object, action: Command) => {
      await request(action, "DELETE", "/profile/phone-number");
    });
}
