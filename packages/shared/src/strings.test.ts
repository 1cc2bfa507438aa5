import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import * as shared from './index.ts'
import { lineString, multilineString } from './strings.ts'

/** Passwords are hashed, never stored or shown: any character a person can type may be in one (NIST 800-63B). */
const ANY_CHARACTER = new Set(['password', 'currentPassword', 'newPassword'])

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; items?: z.ZodType[]; options?: z.ZodType[] }
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def

/** Every field of every object reachable from `schema`, with its path. */
function* fields(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): Generator<[string, z.ZodType]> {
  if (seen.has(schema)) return
  seen.add(schema)
  const def = defOf(schema)
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape!)) {
      yield [`${path}.${key}`, field]
      yield* fields(field, `${path}.${key}`, seen)
    }
  }
  for (const inner of [def.innerType, def.in, def.element, ...(def.items ?? []), ...(def.options ?? [])]) {
    if (inner) yield* fields(inner, path, seen)
  }
}

const PLAIN = ['Sanne de Vries', 'sanne', 'ABC123', 'lid@example.nl']
const withControl = (value: string, control: string) => `${value.slice(0, 2)}${control}${value.slice(2)}`

describe('control characters', () => {
  test('every string field of every shared schema refuses NUL, ESC, DEL and C1 controls with a clear key', () => {
    const schemas = Object.entries(shared).filter(([, value]) => value instanceof z.ZodType) as [string, z.ZodType][]
    expect(schemas.length).toBeGreaterThan(30)
    const textFields: string[] = []
    for (const [name, schema] of schemas) {
      for (const [path, field] of fields(schema, name)) {
        if (ANY_CHARACTER.has(path.slice(path.lastIndexOf('.') + 1))) continue
        // A field that takes some plain text must refuse the same text with a control character in it.
        const plain = PLAIN.find((value) => field.safeParse(value).success)
        if (plain === undefined) continue
        textFields.push(path)
        for (const control of ['\u0000', '\u001b', '\u007f', '\u0085']) {
          const result = field.safeParse(withControl(plain, control))
          expect(result.success, `${path} accepted U+${control.charCodeAt(0).toString(16).padStart(4, '0')}`).toBe(false)
          expect(result.error?.issues.map((issue) => issue.message)).toContain('validation.controlCharacters')
        }
      }
    }
    // The fields the attack sweep hit are among them.
    expect(textFields).toEqual(
      expect.arrayContaining([
        'signUpInput.firstName',
        'updateProfileInput.lastName',
        'billingSchema.name',
        'billingSchema.city',
        'adminOrdersInput.search',
        'adminUpdateCourseInput.title',
        'adminUpdateLessonInput.bodyMarkdown',
      ]),
    )
  })

  test('one line refuses tab and line breaks; multi-line text keeps them', () => {
    expect(lineString().safeParse('Sanne\tde Vries').success).toBe(false)
    expect(lineString().safeParse('Sanne\nde Vries').success).toBe(false)
    expect(lineString().safeParse('Zoë Çelik — café').success).toBe(true)
    expect(multilineString().safeParse('# Les 1\n\n\tcode\r\n').success).toBe(true)
    expect(multilineString().safeParse('# Les 1\u0000').success).toBe(false)
  })
})
