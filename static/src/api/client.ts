import {
  CONTRACT,
  ERROR_CODES,
  failure,
  invalidRequest,
  responseEnvelopeSchema,
  type EnvelopeOf,
  type RequestOf,
  type ResolverKey,
} from '@contract';

/** Sends one resolver call and returns whatever came back, unparsed: the bridge is a trust boundary. */
export type Transport = (key: ResolverKey, payload: unknown) => Promise<unknown>;

export interface ApiClient {
  /** Never throws: transport failures and malformed answers become failure envelopes with a stable code. */
  call<K extends ResolverKey>(key: K, request: RequestOf<K>): Promise<EnvelopeOf<K>>;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The only way the UI reaches the resolvers. Requests are checked against the contract before they leave, so a
 * form gets field errors without a round trip; answers are checked before any component sees them.
 */
export const createApiClient = (transport: Transport): ApiClient => ({
  async call<K extends ResolverKey>(key: K, request: RequestOf<K>): Promise<EnvelopeOf<K>> {
    const requestSchema = CONTRACT[key].request;
    const checked = requestSchema.safeParse(request);
    if (!checked.success) return invalidRequest(checked.error);
    let answer: unknown;
    try {
      answer = await transport(key, checked.data);
    } catch (error) {
      return failure(
        ERROR_CODES.bridgeFailed,
        `The register could not be reached (${describe(error)}). Try again; if it keeps failing, tell your Jira administrator.`,
      );
    }
    const parsed = responseEnvelopeSchema(key).safeParse(answer);
    if (!parsed.success)
      return failure(
        ERROR_CODES.invalidResponse,
        `The register sent an answer to ${key} that this page does not understand. Reload the page; if it persists, the app needs an update.`,
      );
    return parsed.data as EnvelopeOf<K>;
  },
});
