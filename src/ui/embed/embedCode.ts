// The embedded player's addresses (pure): the `?embed` link of a scenario, the <iframe> snippet the
// Share menu copies, and the full app's address ("Open in EventFlow") from a player's address.
import type { Scenario } from '../../model/types';
import { encodeShareFragment } from '../files/shareCodec';

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The player's address for `scenario`: the page without query or fragment, `?embed`, the share fragment. */
export function embedUrl(scenario: Scenario, pageUrl: string, options: { present?: boolean } = {}): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  const base = url.href.replace(/[?#]$/, '');
  return `${base}?embed${options.present ? '&present' : ''}${encodeShareFragment(scenario)}`;
}

/** An <iframe> snippet for a course page; `title` names the frame for screen readers. */
export function embedSnippet(scenario: Scenario, pageUrl: string, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl(scenario, pageUrl))}" title="${escapeAttribute(title)}" width="960" height="600" style="border:1px solid #d9dde3;border-radius:8px" loading="lazy"></iframe>`;
}

/** The full app on the same scenario: the player's address without `embed` and `present`. */
export function fullAppUrl(playerUrl: string): string {
  const url = new URL(playerUrl);
  url.searchParams.delete('embed');
  url.searchParams.delete('present');
  return url.href.replace(/\?(?=#|$)/, '');
}

export const isEmbedded = (search: string): boolean => new URLSearchParams(search).has('embed');
export const isPresenting = (search: string): boolean => new URLSearchParams(search).has('present');
