import { expect, test } from 'vitest'
import { describeUploadError } from './upload.ts'

test('the server key is shown when the client knows it', () => {
  expect(describeUploadError(413, { error: { message: 'upload.tooLarge' } }, null).messageKey).toBe('upload.tooLarge')
  expect(describeUploadError(415, { error: { message: 'upload.wrongType' } }, null).messageKey).toBe('upload.wrongType')
  expect(describeUploadError(404, { error: { message: 'lesson.notFound' } }, null).messageKey).toBe('lesson.notFound')
})

test('unknown answers fall back by status, never to raw text', () => {
  expect(describeUploadError(413, '<html>too big</html>', null).messageKey).toBe('upload.tooLarge')
  expect(describeUploadError(403, null, null).messageKey).toBe('error.forbidden')
  expect(describeUploadError(0, null, null).messageKey).toBe('error.network')
  expect(describeUploadError(502, { error: { message: 'Bad gateway!' } }, 'req-1')).toEqual({
    key: 'error.generic',
    messageKey: 'error.generic',
    values: { requestId: 'req-1' },
    fieldErrors: {},
  })
  expect(describeUploadError(500, null, null).messageKey).toBe('error.genericNoCode')
})
