// Size limits a scenario file must stay within, so that no file can freeze a tab or run forever.
// The validator enforces every one; the UI may show them next to the fields they limit.

/** Largest text parseScenarioText accepts, in UTF-16 code units (about 5 MB of ASCII). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;
/** Deepest nesting of arrays and objects accepted (a real scenario needs about 8). */
export const MAX_JSON_DEPTH = 64;

export const MAX_NODES = 2_000;
export const MAX_EDGES = 5_000;
export const MAX_ID_CHARS = 64;
export const MAX_NAME_CHARS = 200;
export const MAX_LABEL_CHARS = 200;
export const MAX_EVENT_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 20_000;

/** Largest time or duration anywhere in a file, virtual ms (about 31.7 years): sums and squares of
 *  many such values stay far from overflowing to Infinity. */
export const MAX_TIME_MS = 1e12;
/** Largest publishing rate, and the smallest (its mean gap 1000/rate ms must stay within MAX_TIME_MS). */
export const MAX_RATE_PER_SECOND = 1e12;
export const MIN_RATE_PER_SECOND = 1000 / MAX_TIME_MS;
/** Largest canvas coordinate. */
export const MAX_POSITION = 1e9;
/** Smallest positive duration parameter (value, mean, min, max, empirical values), ms: the report's
 *  percentiles are within 1 % down to the smallest normal float64 (2.2e-308), and draws around a
 *  parameter of 1e-300 stay far above it. */
export const MIN_DURATION_MS = 1e-300;
/** Largest lognormal sd as a multiple of its mean (its log-variance must stay finite). */
export const MAX_LOGNORMAL_CV = 1e6;

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;
export const MAX_CONCURRENCY = 10_000;
export const MAX_PARTITIONS = 10_000;
export const MAX_BURST_SIZE = 10_000;
/** Largest number of keys a publisher may draw from. */
export const MAX_KEYS = 1_000_000_000;
/** Largest number of phases of an erlang distribution (a draw costs k steps). */
export const MAX_ERLANG_K = 10_000;
export const MAX_EMPIRICAL_VALUES = 100_000;
export const MAX_SCHEDULE_TIMES = 1_000_000;
export const MAX_OUTAGES = 1_000;
/** Most attempts a retry policy may allow (first attempt included). */
export const MAX_ATTEMPTS = 1_000;

/** Most messages one publisher may publish (its limit, or its expected count over its window). */
export const MAX_PUBLISHED_PER_PUBLISHER = 100_000_000;
/** Most messages all publishers together may be expected to publish. */
export const MAX_PUBLISHED_TOTAL = 100_000_000;
/** Most message copies all publishers' messages may be expected to become after topic fan-out and
 *  handler emissions (each copy is a handful of engine events). */
export const MAX_SENT_TOTAL = 1_000_000_000;
