import { expect, test } from 'vitest'
import { DEFAULT_SITE_PREFS, formatSitePrefs, parseSitePrefs } from './site-prefs.ts'

test('jb_prefs round-trips and anything but the exact format counts as no cookie', () => {
  for (const prefs of [DEFAULT_SITE_PREFS, { consentAnswered: true, language: 'en' as const }, { consentAnswered: true, language: 'nl' as const }]) {
    expect(parseSitePrefs(formatSitePrefs(prefs))).toEqual(prefs)
  }
  expect(formatSitePrefs({ consentAnswered: true, language: 'en' })).toBe('v1.c1.en')
  for (const value of [undefined, null, '', 'v1.c1.de', 'v2.c1.en', 'V1.c1.en', 'v1.c2.nl', ' v1.c1.en', 'v1.c1.en\n', 'v1.c1.en.x', 'c1.en']) {
    expect(parseSitePrefs(value)).toBeNull()
  }
})
