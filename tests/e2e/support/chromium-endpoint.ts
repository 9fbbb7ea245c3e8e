/** The name under which the e2e project's global setup provides the shared Chromium's WebSocket endpoint. */
export const chromiumEndpointKey = 'chromiumWsEndpoint';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumWsEndpoint: string;
  }
}
