/**
 * The part of the `smpp` npm package (farhadi/node-smpp 0.5.1, which ships no types) that the SMPP
 * provider uses. PDU fields are the SMPP 3.4 parameter names; the library sets only those a PDU holds.
 */
declare module "smpp" {
  import type { EventEmitter } from "node:events";

  /** The decoded `short_message` of a received PDU: the library splits off a UDH and decodes the text. */
  export interface DecodedShortMessage {
    message: string | Buffer;
    udh?: Buffer[];
  }

  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    message_id?: string;
    system_id?: string;
    esm_class?: number;
    data_coding?: number | null;
    short_message?: DecodedShortMessage | Buffer;
    receipted_message_id?: string;
    message_state?: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): Pdu;
  }

  export type ResponseCallback = (pdu: Pdu) => void;

  /** Fields of a request PDU, by SMPP 3.4 name; `short_message` given as bytes goes out as is. */
  export type PduFields = Record<string, string | number | Buffer | null>;

  export interface Session extends EventEmitter {
    send(pdu: Pdu, responseCallback?: ResponseCallback): boolean;
    bind_transceiver(fields: PduFields, responseCallback: ResponseCallback): boolean;
    submit_sm(fields: PduFields, responseCallback: ResponseCallback): boolean;
    enquire_link(fields: PduFields, responseCallback: ResponseCallback): boolean;
    unbind(fields: PduFields, responseCallback: ResponseCallback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface ConnectOptions {
    host: string;
    port: number;
    tls?: boolean;
    /** Passed on to `net.connect` / `tls.connect`. */
    servername?: string;
  }

  export function connect(options: ConnectOptions): Session;
}
