import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { CheckIcon } from '../../components/icons.tsx'
import { Loading } from '../../components/Loading.tsx'
import { QueryError } from '../../components/QueryError.tsx'
import { describeError } from '../../lib/errors.ts'
import { formatLongDate } from '../../lib/format.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import './courses.css'

/** Codes that do not lead to a certificate: unknown, or not even shaped like one. */
const notFoundKeys = new Set(['certificate.notFound', 'error.invalidInput'])

/** /certificaat/:code — public: anyone holding the code can check the certificate is real. */
export function CertificatePage() {
  const { code = '' } = useParams()
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const certificate = useQuery(trpc.certificate.verify.queryOptions({ code }))
  const missing = certificate.isError && notFoundKeys.has(describeError(certificate.error).key)
  useDocumentTitle(missing ? t('certificate.missingTitle') : t('certificate.pageTitle'))

  if (certificate.isPending) return <Loading />
  if (missing) {
    return (
      <div className="container page-narrow empty-state">
        <h1>{t('certificate.missingTitle')}</h1>
        <p className="lead">{t('certificate.notFound')}</p>
        <Link className="btn btn--primary" to="/cursussen">
          {t('catalog.toCatalog')}
        </Link>
      </div>
    )
  }
  if (certificate.isError) {
    return (
      <div className="container page-narrow">
        <QueryError error={certificate.error} onRetry={certificate.refetch} />
      </div>
    )
  }

  const { recipientName, courseTitle, courseSlug, issuedAt } = certificate.data
  return (
    <div className="container page-narrow">
      <article className="card card--raised certificate-verify">
        <p className="certificate-verify__badge">
          <CheckIcon />
          {t('certificate.eyebrow')}
        </p>
        <h1>{t('certificate.genuine')}</h1>
        <p className="lead">{t('certificate.intro')}</p>
        <dl className="certificate-verify__facts">
          <dt>{t('certificate.recipient')}</dt>
          <dd>{recipientName}</dd>
          <dt>{t('certificate.course')}</dt>
          <dd>
            <Link to={`/cursus/${courseSlug}`}>{courseTitle}</Link>
          </dd>
          <dt>{t('certificate.issuedAt')}</dt>
          <dd>
            <time dateTime={issuedAt.toISOString()}>{formatLongDate(issuedAt, locale)}</time>
          </dd>
          <dt>{t('certificate.code')}</dt>
          <dd className="certificate-verify__code">{certificate.data.code}</dd>
        </dl>
        <a className="btn btn--primary" href={`/certificates/${certificate.data.code}.pdf`} download>
          {t('certificate.downloadPdf')}
        </a>
      </article>
    </div>
  )
}
