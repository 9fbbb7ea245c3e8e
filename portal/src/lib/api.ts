import { OporaClient, type User } from '@opora/sdk';

/** `GET /auth/session`: who is signed in, or `user: null` for a visitor (200 either way, so no error is logged). */
export interface SessionAnswer {
  user: User | null;
  csrfToken?: string;
}

type RequestInit = Parameters<OporaClient['request']>[2];

/**
 * The portal's API client (same origin; session cookie + CSRF token). A write needs the session's CSRF token, and
 * after a direct load the token is known only once the first session answer is in: every write waits for that
 * answer, so a page that writes at once (a help walk starting, an article view, a form sent) is never refused.
 */
export class PortalClient extends OporaClient {
  private firstAnswer: Promise<void> | undefined;

  /** Asks the server who is signed in and keeps the session's CSRF token for the writes that follow. */
  session(): Promise<SessionAnswer> {
    const asked = super.request<SessionAnswer>('GET', '/auth/session').then((answer) => {
      if (answer.user && answer.csrfToken)
        this.adoptSession({ user: answer.user, csrfToken: answer.csrfToken });
      return answer;
    });
    this.firstAnswer ??= asked.then(
      () => undefined,
      () => undefined,
    );
    return asked;
  }

  override async request<T = unknown>(method: string, path: string, init?: RequestInit): Promise<T> {
    if (method !== 'GET' && method !== 'HEAD') {
      // Nobody asked yet (a page writing before the app's first question): ask now; a failure is the write's own.
      if (!this.firstAnswer) this.session().catch(() => undefined);
      await this.firstAnswer;
    }
    return super.request<T>(method, path, init);
  }
}

export const client = new PortalClient({ baseUrl: '' });
