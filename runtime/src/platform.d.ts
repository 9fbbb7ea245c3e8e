// The runtime runs in browsers and on the server, so it type-checks without Node's or the DOM's types: it may use
// ECMAScript and only these globals, which both platforms provide. Anything else (clock, timers, network, files)
// comes in through a port the caller implements.

declare function structuredClone<T>(value: T): T;

declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
}
