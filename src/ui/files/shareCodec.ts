// Share-link codec: the whole scenario in the URL fragment, `#s=` + lz-string of its compact JSON.
// Pure (no store, no DOM): encode, decode with a reason when it fails, and the copy-to-clipboard step.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Problem, Scenario } from '../../model/types';
import { parseScenarioText } from '../../model/parse';
import { serializeCompact } from './serialize';

export const SHARE_PREFIX = '#s=';
/** Longest link offered; longer ones are cut by some chat apps, mail clients and servers. */
export const MAX_LINK_CHARS = 8000;

/** The fragment that carries `scenario`. */
export function encodeShareFragment(scenario: Scenario): string {
  return `${SHARE_PREFIX}${compressToEncodedURIComponent(serializeCompact(scenario))}`;
}

/** The page's address without its fragment, plus the share fragment. */
export function shareUrl(scenario: Scenario, pageUrl: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  return `${url.href.replace(/#$/, '')}${encodeShareFragment(scenario)}`;
}

/** Most characters a link's scenario may unpack to: the Import limit for files (5 MB). */
export const MAX_UNPACKED_CHARS = 5 * 1024 * 1024;

export type DecodedLink =
  | { kind: 'none' }
  | { kind: 'ok'; scenario: Scenario }
  | { kind: 'damaged' }
  /** longer than any link the app makes: not unpacked at all (a compression bomb stays packed) */
  | { kind: 'too-long'; length: number }
  /** unpacks to more than a file may hold */
  | { kind: 'too-big'; unpackedChars: number }
  | { kind: 'invalid'; problems: Problem[] };

/** Reads a location hash: no share fragment, a scenario, a link that does not decompress, or an invalid scenario. */
export function decodeShareFragment(hash: string, maxUnpackedChars = MAX_UNPACKED_CHARS): DecodedLink {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_LINK_CHARS) return { kind: 'too-long', length: payload.length };
  if (payload === '' || !/^[A-Za-z0-9+\-$]+$/.test(payload)) return { kind: 'damaged' };
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(payload);
  } catch {
    json = null; // lz-string throws on some corrupt inputs and returns null or '' on others
  }
  if (json && json.length > maxUnpackedChars) return { kind: 'too-big', unpackedChars: json.length };
  if (!json || !json.startsWith('{')) return { kind: 'damaged' };
  const parsed = parseScenarioText(json);
  if (!parsed.ok) {
    // a cut-off link usually decompresses to cut-off JSON: call that damaged, not a list of JSON errors
    const truncated = parsed.problems.length === 1 && parsed.problems[0].path === '$' && !json.trimEnd().endsWith('}');
    return truncated ? { kind: 'damaged' } : { kind: 'invalid', problems: parsed.problems };
  }
  return { kind: 'ok', scenario: parsed.scenario };
}

export type ShareOutcome = { kind: 'copied'; url: string } | { kind: 'show'; url: string } | { kind: 'too-long'; length: number };

/** Share link: copies the link, or says why it cannot (too long), or hands it back to show when the clipboard fails. */
export async function shareScenario(scenario: Scenario, pageUrl: string, clipboard: Pick<Clipboard, 'writeText'> | undefined): Promise<ShareOutcome> {
  const url = shareUrl(scenario, pageUrl);
  if (url.length > MAX_LINK_CHARS) return { kind: 'too-long', length: url.length };
  if (!clipboard) return { kind: 'show', url };
  try {
    await clipboard.writeText(url);
    return { kind: 'copied', url };
  } catch {
    return { kind: 'show', url };
  }
}
