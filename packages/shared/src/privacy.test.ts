import { expect, test } from 'vitest'
import { messengerLink } from './privacy.ts'

test('the Messenger link is a plain m.me link with the place it was clicked', () => {
  expect(messengerLink('jouwbot', 'footer')).toBe('https://m.me/jouwbot?ref=footer')
  expect(messengerLink('jouw bot/x', 'home')).toBe('https://m.me/jouw%20bot%2Fx?ref=home')
})
