import { useTranslation } from 'react-i18next'
import { describeError } from '../lib/errors.ts'
import { Button } from './Button.tsx'
import { ErrorText } from './ErrorText.tsx'

/** A failed load: the translated error and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation()
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__message">
        <ErrorText error={describeError(error)} />
      </p>
      <div>
        <Button variant="secondary" onClick={() => void onRetry()}>
          {t('common.retry')}
        </Button>
      </div>
    </div>
  )
}
