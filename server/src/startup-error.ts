/** A start-up problem the operator fixes in the settings or on disk: printed as its message alone, no stack. */
export class StartupError extends Error {}
