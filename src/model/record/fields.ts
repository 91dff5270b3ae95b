// Field builders for the scenario records: each field carries its strict zod type (what a valid file
// holds), its lenient shape check (what the editor needs to draw a possibly invalid document) and,
// for objects and lists, its layout (key order in a saved file). One builder call, three uses.
import { z } from 'zod';
import { isObject } from '../json';

// The app's Content-Security-Policy forbids eval: keep zod from probing `new Function`.
z.config({ jitless: true });

/** Does a value have the type the editor needs (any value, valid or not, of the right JSON type)? */
export type Check = (value: unknown) => boolean;

/** Key order of an object in a saved file, and the field of each key (a tagged union picks by tag). */
export interface Layout {
  order: readonly string[];
  fields: Fields;
}

export interface Field<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly shape: Check;
  /** For objects: how the object at hand is laid out. */
  readonly layout?: (value: Record<string, unknown>) => Layout;
  /** For lists: the field of every item. */
  readonly item?: Field;
}

export type Fields = Readonly<Record<string, Field>>;
export type Schemas<F extends Fields> = { -readonly [K in keyof F]: F[K]['schema'] };

export const isFiniteNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
export const isString: Check = (value) => typeof value === 'string';

export function schemasOf<F extends Fields>(fields: F): Schemas<F> {
  const out: Record<string, z.ZodType> = {};
  for (const key of Object.keys(fields)) out[key] = fields[key].schema;
  return out as Schemas<F>;
}

const everyField = (fields: Fields, value: Record<string, unknown>): boolean => Object.keys(fields).every((key) => fields[key].shape(value[key]));

/** A number field (times, rates, counts): the editor needs a finite number, the file a number in range. */
export const number = <S extends z.ZodType<number>>(schema: S): Field<S> => ({ schema, shape: isFiniteNumber });

/** A text field; `shape` may ask more than "a string" (a node id must not be empty). */
export const text = <S extends z.ZodType<string>>(schema: S, shape: Check = isString): Field<S> => ({ schema, shape });

export const literal = <const T extends string | number>(value: T) => ({ schema: z.literal(value), shape: (v: unknown) => v === value });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => ({
  schema: z.enum(values),
  shape: (v: unknown) => typeof v === 'string' && values.includes(v),
});

/** A field a file may leave out (the engine then uses the default the record names). */
export function optional<S extends z.ZodType>(field: Field<S>): Field<z.ZodOptional<S>> {
  return { ...field, schema: field.schema.optional(), shape: (v) => v === undefined || field.shape(v) };
}

export function list<S extends z.ZodType>(item: Field<S>, size: { min?: number; max: number }) {
  const schema = size.min === undefined ? z.array(item.schema).max(size.max) : z.array(item.schema).min(size.min).max(size.max);
  const field: Field<typeof schema> = { schema, item, shape: (v) => Array.isArray(v) && v.every(item.shape) };
  return field;
}

/** A fixed set of keys, none other allowed; saved in the order they are listed here. */
export function object<F extends Fields>(fields: F) {
  const schema = z.strictObject(schemasOf(fields));
  const layout: Layout = { order: Object.keys(fields), fields };
  const field: Field<typeof schema> = { schema, layout: () => layout, shape: (v) => isObject(v) && everyField(fields, v) };
  return field;
}

type Variant<D extends string, K extends string, C extends Fields, F extends Fields> =
  z.ZodObject<Schemas<C> & { [P in D]: z.ZodLiteral<K> } & Schemas<F>, z.core.$strict>;
type Variants<D extends string, C extends Fields, R extends Record<string, Fields>> = { [K in keyof R & string]: Variant<D, K, C, R[K]> }[keyof R & string];

/** One of several kinds told apart by the `tag` key (`kind` of a distribution, `type` of a node). Each
 *  kind's object is `common` fields, then the tag, then its own fields; a file lists the keys in
 *  `fileOrder(kindFields)`, by default the tag first. */
export function tagged<D extends string, C extends Fields, R extends Record<string, Fields>>(
  tag: D,
  kinds: R,
  common: C,
  fileOrder: (kindKeys: readonly string[]) => readonly string[] = (keys) => [tag, ...Object.keys(common), ...keys],
) {
  const options = Object.keys(kinds).map((kind) => z.strictObject({ ...schemasOf(common), [tag]: z.literal(kind), ...schemasOf(kinds[kind]) }));
  // The builder cannot spell the tuple of per-kind object types that Object.keys loses; Variants does.
  const schema = z.discriminatedUnion(tag, options as unknown as [Variants<D, C, R>, ...Variants<D, C, R>[]]);
  const layouts = new Map<string, Layout>(Object.keys(kinds).map((kind) => [kind, { order: fileOrder(Object.keys(kinds[kind])), fields: { ...common, ...kinds[kind] } }]));
  const fallback: Layout = { order: fileOrder([]), fields: common };
  const kindOf = (v: Record<string, unknown>): string | undefined => {
    const kind = v[tag];
    return typeof kind === 'string' && Object.hasOwn(kinds, kind) ? kind : undefined;
  };
  const field: Field<typeof schema> & { kinds: R; tag: D } = {
    schema,
    kinds,
    tag,
    layout: (v) => layouts.get(kindOf(v) ?? '') ?? fallback,
    shape: (v) => {
      if (!isObject(v)) return false;
      const kind = kindOf(v);
      return kind !== undefined && everyField(common, v) && everyField(kinds[kind], v);
    },
  };
  return field;
}
