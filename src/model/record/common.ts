// The basic field types of a scenario file: ids, short texts, times, rates, counts, coordinates.
// Every record (distributions, arrivals, nodes, edges, the scenario) builds its fields from these.
import { z } from 'zod';
import * as B from '../bounds';
import { number, text, type Check } from './fields';

/** Node and connection ids: what a file, the editor's rename and the validator all accept. */
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const ID_MESSAGE = `must be 1 to ${B.MAX_ID_CHARS} of the characters A-Z a-z 0-9 . _ -`;

/** Text a file shows (names, labels, events) carries no control characters: they could reach a
 *  terminal or a CSV file as escape sequences. A description may hold tabs and line breaks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROLS = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NO_CONTROLS_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
const CONTROLS_MESSAGE = 'must not contain control characters';

const nonEmptyString: Check = (v) => typeof v === 'string' && v.length > 0;

export const idSchema = z.string().min(1).max(B.MAX_ID_CHARS).regex(ID_PATTERN, ID_MESSAGE);
/** An id that refers to a node or edge (the editor draws it even when it names nothing). */
export const id = text(idSchema);
/** A node's own id: the editor keys everything by it, so it must at least not be empty. */
export const ownId = text(idSchema, nonEmptyString);
export const label = (maxChars: number) => text(z.string().min(1).max(maxChars).regex(NO_CONTROLS, CONTROLS_MESSAGE));
export const description = text(z.string().max(B.MAX_DESCRIPTION_CHARS).regex(NO_CONTROLS_BUT_LINES, CONTROLS_MESSAGE));

/** Times and durations, ms: bounded so no sum or square of them overflows. */
export const atLeastZero = number(z.number().min(0).max(B.MAX_TIME_MS));
export const aboveZero = number(z.number().gt(0).max(B.MAX_TIME_MS));
export const rate = number(z.number().gt(0).min(B.MIN_RATE_PER_SECOND).max(B.MAX_RATE_PER_SECOND));
export const coordinate = number(z.number().min(-B.MAX_POSITION).max(B.MAX_POSITION));
export const integer = (min: number, max: number) => number(z.int().min(min).max(max));
