import { z } from 'zod'

/**
 * Imported first by this package's index, so it runs before any schema is built.
 * Every validation message is an i18n key, on the server and in the browser. Schemas name their
 * own key where it helps (`validation.email`); everything else falls back to these.
 */
z.config({
  // The browser runs under a CSP without 'unsafe-eval'; zod's JIT would probe `new Function`.
  jitless: true,
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'validation.required'
    if (issue.code === 'too_big') return 'validation.tooLong'
    if (issue.code === 'too_small') return 'validation.tooShort'
    if (issue.code === 'unrecognized_keys') return 'validation.unknownField'
    return 'validation.invalid'
  },
})
