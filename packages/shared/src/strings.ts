import { z } from 'zod'

/**
 * Control characters have no place in what people type: NUL cannot even be stored by PostgreSQL
 * (a 500 before these schemas refused it), and ESC, DEL or C1 codes only hide or rewrite text. One
 * line (names, addresses, titles, searches) refuses every C0/C1 control, tab and line breaks
 * included; multi-line text (markdown, descriptions) keeps tab, LF and CR.
 *
 * Every string field of the shared schemas starts from one of these two; a test walks every
 * exported schema and fails on a string field that lets a control character through.
 */
// eslint-disable-next-line no-control-regex
const NO_CONTROLS_IN_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/
// eslint-disable-next-line no-control-regex
const NO_CONTROLS_IN_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/

/** A single line of text without control characters (`validation.controlCharacters`). */
export const lineString = () => z.string().regex(NO_CONTROLS_IN_LINE, { error: 'validation.controlCharacters' })

/** Multi-line text: tab, line feed and carriage return allowed, other control characters not. */
export const multilineString = () => z.string().regex(NO_CONTROLS_IN_TEXT, { error: 'validation.controlCharacters' })
