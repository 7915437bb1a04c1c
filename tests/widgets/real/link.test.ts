import { describe, expect, test } from 'vitest';
import { PHOTOS } from '../../../src/data/real/photos.ts';
import { defaultSettings, readLink, writeLink } from '../../../src/widgets/real/link.ts';

describe('the real-photos link', () => {
  test('round trip: every setting, the hub and the provider', () => {
    const settings = { ...defaultSettings(PHOTOS), photo: PHOTOS[2].id, question: 'what is red?', method: 'dart', params: { imagePivots: 6, textPivots: 2 }, keep: 40, tiles: 3, hub: 'http://127.0.0.1:9999', ep: 'wasm' as const };
    const link = writeLink(settings);
    const back = readLink(link, PHOTOS);
    expect(back.notices).toEqual([]);
    expect(back.settings).toEqual(settings);
  });

  test('an empty link is the defaults', () => {
    expect(readLink('', PHOTOS)).toEqual({ settings: defaultSettings(PHOTOS), notices: [] });
  });

  test('a broken link: a notice per field, defaults in their place', () => {
    const { settings, notices } = readLink('?photo=nope&method=magic&keep=0&tiles=9&hub=ftp://x&ep=cuda', PHOTOS);
    expect(settings).toEqual(defaultSettings(PHOTOS));
    expect(notices).toHaveLength(6);
    expect(notices[0]).toMatch(/photo "nope"/);
  });

  test('a parameter out of its range falls back to its default', () => {
    const { settings, notices } = readLink('?method=tops&p.alpha=99&p.beta=1.5', PHOTOS);
    expect(settings.params).toMatchObject({ alpha: 0.25, beta: 1.5 });
    expect(notices).toEqual([expect.stringMatching(/α relevance must be a number in \[0, 4\], not "99"/)]);
  });
});
