// Brotli and gzip copies of a built UI's text files, written beside them (`x.js.br`, `x.js.gz`) so the server
// sends the compressed bytes the browser accepts without compressing anything per request (@fastify/static's
// `preCompressed`). Plain Node, no dependencies: it runs in build-uis.mjs before dependencies may be installed.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What compresses well; images and fonts in woff2 are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|map|txt|ttf|wasm)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const minBytes = 1024;
/** Brotli's best level is ten times slower; past this size (Monaco's workers, megabytes) level 9 is close enough. */
const bestLevelUpTo = 1024 * 1024;

export const encodings = [
  { extension: '.br', compress: brotli },
  { extension: '.gz', compress: (content) => gzipSync(content, { level: 9 }) },
];

function brotli(content) {
  const quality = content.length <= bestLevelUpTo ? 11 : 9;
  return brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Every file under `dir` worth a compressed copy (dot files such as the build stamp are never served). */
export function compressibleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return compressibleFiles(path);
    return entry.isFile() && compressible.test(entry.name) && statSync(path).size >= minBytes ? [path] : [];
  });
}

const newerThan = (copy, source) => {
  try {
    return statSync(copy).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
};

/**
 * Writes the missing or stale compressed copies of the files under `dir` and returns how many it wrote. A copy
 * that would not be smaller is not kept: the server then sends the original, as for any file without one.
 */
export function precompress(dir) {
  let written = 0;
  for (const file of compressibleFiles(dir)) {
    const stale = encodings.filter(({ extension }) => !newerThan(file + extension, file));
    if (stale.length === 0) continue;
    const content = readFileSync(file);
    for (const { extension, compress } of stale) {
      const compressed = compress(content);
      if (compressed.length < content.length * 0.95) {
        writeFileSync(file + extension, compressed);
        written++;
      } else rmSync(file + extension, { force: true });
    }
  }
  return written;
}
