import { isCommonPassword } from '@jouwbot/auth'
import { AppError } from '@jouwbot/shared'

export function assertAcceptablePassword(password: string): void {
  if (isCommonPassword(password)) throw new AppError('BAD_REQUEST', 'auth.passwordCommon')
}
