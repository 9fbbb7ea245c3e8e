/** Types of precompress.mjs (plain JavaScript: it runs before dependencies are installed). */
export declare const encodings: readonly { extension: string; compress: (content: Buffer) => Buffer }[];
export declare function compressibleFiles(dir: string): string[];
export declare function precompress(dir: string): number;
