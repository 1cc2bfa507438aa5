import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { FormAlert } from '../../components/FormAlert.tsx'
import { Notice } from '../../components/Notice.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'

/** /account/privacy/annuleren?token=… — the cancel link of the erasure mail; works without logging in. */
export function CancelErasurePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('privacyCentre.cancelErasure.title'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const trpc = useTRPC()
  const cancel = useMutation(trpc.privacy.cancelErasure.mutationOptions())
  return (
    <div className="container page-narrow">
      <PageHeader eyebrow={t('privacyCentre.eyebrow')} title={t('privacyCentre.cancelErasure.title')} intro={t('privacyCentre.cancelErasure.intro')} />
      {cancel.isSuccess ? (
        <Notice tone="success">
          <p>{t('privacyCentre.cancelErasure.done')}</p>
          <p>
            <Link to="/login">{t('privacyCentre.cancelErasure.logIn')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <FormAlert error={cancel.isError ? describeError(cancel.error) : null} />
          <Button disabled={!token} pending={cancel.isPending} onClick={() => cancel.mutate({ token })}>
            {t('privacyCentre.cancelErasure.button')}
          </Button>
        </>
      )}
    </div>
  )
}
