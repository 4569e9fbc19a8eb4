import * as linodeApi from "@linode/api-v4";

/**
 * The real `@linode/api-v4` functions the tests drive. The package's `.d.ts` re-export without file
 * extensions, which NodeNext resolution cannot follow (TS2305), so the few functions used here are
 * typed by hand after the package's own declarations; the runtime values are the package's.
 */
export interface LinodeProfile {
  authentication_type: string;
  authorized_keys: null | string[];
  email: string;
  email_notifications: boolean;
  ip_whitelist_enabled: boolean;
  lish_auth_method: string;
  referrals: {
    code: string;
    completed: number;
    credit: number;
    pending: number;
    total: number;
    url?: string;
  };
  restricted: boolean;
  timezone: string;
  two_factor_auth: boolean;
  uid: number;
  username: string;
  verified_phone_number: null | string;
}

export interface APIError {
  reason: string;
  field?: string;
}

interface LinodeProfileApi {
  getProfile(): Promise<LinodeProfile>;
  sendCodeToPhoneNumber(data: { iso_code: string; phone_number: string }): Promise<object>;
  verifyPhoneNumberCode(data: { otp_code: string }): Promise<object>;
  smsOptOut(): Promise<object>;
}

export const linode = linodeApi as unknown as LinodeProfileApi;

const LINODE_ORIGIN = "https://api.linode.com";

/**
 * Points the client at a local Handset: the client builds absolute URLs on a hard-coded origin
 * (reference A.3), so an interceptor rewrites the origin and keeps `/v4/...`. Returns the undo.
 */
export function pointLinodeClientAt(target: string): () => void {
  const id = linodeApi.baseRequest.interceptors.request.use(
    (config: { url?: string; proxy?: false | object }) => {
      if (config.url?.startsWith(LINODE_ORIGIN)) {
        config.url = target + config.url.slice(LINODE_ORIGIN.length);
      }
      config.proxy = false;
      return config;
    },
  );
  return () => linodeApi.baseRequest.interceptors.request.eject(id);
}

/** `setToken` installs an interceptor and returns its id; this returns the matching undo. */
export function useToken(token: string): () => void {
  const id = linodeApi.setToken(token);
  return () => linodeApi.baseRequest.interceptors.request.eject(id);
}

export interface ServerRejection {
  status: number;
  errors: APIError[];
  headers: Record<string, unknown>;
}

/** What the client rejects with on an HTTP error: the raw AxiosError (api-v4 0.158 converts nothing). */
export async function serverRejection(promise: Promise<unknown>): Promise<ServerRejection> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown; headers: object } }).response;
    if (response === undefined) throw error;
    const data = response.data as { errors: APIError[] };
    return { status: response.status, errors: data.errors, headers: { ...response.headers } };
  }
  throw new Error("expected the server to reject the request");
}

/** What the client rejects with when its own validation fails: `APIError[]`, no request sent. */
export async function clientRejection(promise: Promise<unknown>): Promise<APIError[]> {
  try {
    await promise;
  } catch (error) {
    if (Array.isArray(error)) return error as APIError[];
    throw error;
  }
  throw new Error("expected the client to refuse the request");
}
