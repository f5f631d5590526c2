import { NonRetriableError, RetryAfterError } from "inngest";
import type { Kysely } from "kysely";
import { removeGrantedScope } from "@/db/queries/gong-connection-scopes";
import { getGongConnection } from "@/db/queries/gong-connections";
import { flagConnectionNeedsReauth } from "@/lib/gong-connection/flag-connection-needs-reauth";
import { pauseGongRequests } from "@/db/queries/gong-request-slots";
import type { Database } from "@/db/schema";
import { EncryptionKeyMismatchError } from "@/lib/crypto/encryption";
import { GongAuthRevokedError, GongError, GongRateLimitedError, GongScopeMissingError } from "@/lib/gong/errors";

/**
 * A 429 with a short Retry-After (another integration spending the company's per-second budget) is waited out
 * in place this many times before the attempt is handed back to Inngest, so a busy minute does not use up a
 * long backfill's retries. Work passed here is an idempotent step, so running it again is safe.
 */
export const IN_PLACE_RATE_LIMIT_RETRIES = 3;
const IN_PLACE_MAX_WAIT_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns Gong failures into what Inngest should do: a 429 waits out Retry-After (and holds back every other
 * caller of the connection); a revoked grant stops for good and asks the admin to reconnect (unless the token
 * Gong refused was replaced meanwhile, by a reconnect or a refresh: the work runs again with the new one); a scope Gong
 * refuses is a missing grant, not a broken connection (API.md §1.3): it is struck from the stored grant and the
 * work runs again without it, or stops if it cannot do without; a request Gong rejects outright is not
 * retried; everything else is retried with backoff.
 */
export async function withGongErrors<T>(db: Kysely<Database>, connectionId: string, work: () => Promise<T>): Promise<T> {
  const struckScopes = new Set<string>();
  let triedNewToken = false;
  for (let rateLimited = 0; ; ) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof GongScopeMissingError) {
        // Struck here or by a step running beside this one; the work gets one more go without it either way.
        await removeGrantedScope(db, connectionId, error.scope);
        if (!struckScopes.has(error.scope)) {
          struckScopes.add(error.scope);
          continue;
        }
        throw new NonRetriableError(error.message, { cause: error });
      }
      if (error instanceof GongRateLimitedError) {
        rateLimited++;
        await pauseGongRequests(db, connectionId, error.retryAfterSeconds);
        if (rateLimited <= IN_PLACE_RATE_LIMIT_RETRIES && error.retryAfterSeconds <= IN_PLACE_MAX_WAIT_SECONDS) {
          await sleep(error.retryAfterSeconds * 1000);
          continue;
        }
        throw new RetryAfterError(error.message, error.retryAfterSeconds * 1000, { cause: error });
      }
      if (error instanceof GongAuthRevokedError) {
        // createGongContext flagged the connection if the refused token was still the stored one.
        if ((await getGongConnection(db, connectionId))?.status === "connected") {
          if (!triedNewToken) {
            triedNewToken = true;
            continue;
          }
          await flagConnectionNeedsReauth(db, connectionId, error.message);
        }
        throw new NonRetriableError(error.message, { cause: error });
      }
      // The server's TOKEN_ENCRYPTION_KEY cannot open the stored token: an operator's fix, not the customer's, so the
      // run says so and the connection is left as it is rather than marked for re-authorization.
      if (error instanceof EncryptionKeyMismatchError) throw new NonRetriableError(error.message, { cause: error });
      if (error instanceof GongError && !error.retriable) throw new NonRetriableError(error.message, { cause: error });
      throw error;
    }
  }
}
