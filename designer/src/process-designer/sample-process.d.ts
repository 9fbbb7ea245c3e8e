import type { ProcessBody } from '@opora/runtime/definitions';
/** A small approval process for the designer's tests: start → approval → gateway → end (approved) / end (rejected). */
export declare const sampleProcess: () => ProcessBody;
