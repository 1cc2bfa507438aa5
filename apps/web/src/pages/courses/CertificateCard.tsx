import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { ErrorText } from '../../components/ErrorText.tsx'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { describeError } from '../../lib/errors.ts'
import { useTRPC } from '../../lib/trpc.ts'

/**
 * For a member with access who completed every lesson: their certificate (view + PDF), or the
 * button to claim it. The server checks again that every lesson is done.
 */
export function CertificateCard({ courseSlug }: { courseSlug: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const titleId = useId()
  const input = { courseSlug }
  const mine = useQuery(trpc.certificate.mine.queryOptions(input))
  const claim = useMutation(
    trpc.certificate.claim.mutationOptions({
      onSuccess: async (certificate) => {
        queryClient.setQueryData(trpc.certificate.mine.queryKey(input), certificate)
        await queryClient.invalidateQueries(trpc.certificate.mine.queryFilter(input))
      },
    }),
  )

  let body
  if (mine.isPending) {
    body = <Loading />
  } else if (mine.isError) {
    body = <QueryError error={mine.error} onRetry={mine.refetch} />
  } else if (mine.data) {
    const { code } = mine.data
    body = (
      <div className="button-row">
        <Link className="btn btn--primary" to={`/certificaat/${code}`}>
          {t('certificate.view')}
        </Link>
        <a className="btn btn--secondary" href={`/certificates/${code}.pdf`} download>
          {t('certificate.downloadPdf')}
        </a>
      </div>
    )
  } else {
    body = (
      <div className="certificate-card__actions">
        <Button pending={claim.isPending} pendingLabel={t('certificate.claiming')} onClick={() => claim.mutate(input)}>
          {t('certificate.claim')}
        </Button>
        {claim.isError ? (
          <p className="field__error" role="alert">
            <ErrorText error={describeError(claim.error)} />
          </p>
        ) : null}
      </div>
    )
  }

  return (
    <section className="card card--raised certificate-card" aria-labelledby={titleId}>
      <div>
        <h2 id={titleId}>{t('certificate.title')}</h2>
        <p className="muted">{mine.data ? t('certificate.ready') : t('certificate.earned')}</p>
      </div>
      {body}
    </section>
  )
}
