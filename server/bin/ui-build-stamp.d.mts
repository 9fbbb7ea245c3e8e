/** Types of ui-build-stamp.mjs (plain JavaScript: it runs before dependencies are installed). */
export declare const uiApps: readonly string[];
export declare function buildInputs(root: string, app: string): string[];
export declare function inputsHash(root: string, app: string): string;
export declare function needsBuild(root: string, app: string): { needed: boolean; hash: string };
export declare function writeStamp(root: string, app: string, hash: string): void;
