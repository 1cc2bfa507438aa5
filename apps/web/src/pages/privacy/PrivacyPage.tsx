import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Button } from '../../components/Button.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { formatLongDate } from '../../lib/format.ts'
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { openConsentSettings } from './consentStore.ts'
import { PolicyText } from './PolicyText.tsx'
import './privacy.css'

type Overview = RouterOutputs['privacy']['overview']

/** /privacy: the statement in force (or an earlier version, `?versie=1`), and the overview generated from the registry. */
export function PrivacyPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const [params] = useSearchParams()
  const requested = Number(params.get('versie'))
  const version = Number.isInteger(requested) && requested > 0 ? requested : undefined
  useDocumentTitle(t('privacy.title'))
  const policy = useQuery(trpc.privacy.policy.queryOptions(version === undefined ? {} : { version }))
  const overview = useQuery(trpc.privacy.overview.queryOptions())
  const versions = useQuery(trpc.privacy.policyVersions.queryOptions())

  return (
    <div className="container page-narrow privacy-page">
      <PageHeader eyebrow={t('privacy.page.eyebrow')} title={t('privacy.title')} />
      <QueryState query={policy} isEmpty={(p) => p === null} empty={<p className="muted">{t('privacy.page.noVersion')}</p>}>
        {(p) => (p ? <PolicyVersion policy={p} /> : null)}
      </QueryState>

      <QueryState query={overview}>{(o) => <Overview overview={o} />}</QueryState>

      <section className="prose" aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacy.page.rightsTitle')}</h2>
        <ul>
          {(['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'withdraw', 'complaint'] as const).map((right) => (
            <li key={right}>{t(`privacy.page.rights.${right}`)}</li>
          ))}
        </ul>
        <p>
          <Link to="/account/privacy">{t('privacy.page.rightsLink')}</Link>
        </p>
      </section>

      <QueryState query={versions} isEmpty={(v) => v.length < 2}>
        {(list) => (
          <section className="prose" aria-labelledby="privacy-versions">
            <h2 id="privacy-versions">{t('privacy.page.versionsTitle')}</h2>
            <ul>
              {list.map((v) => (
                <li key={v.version}>
                  <Link to={`/privacy?versie=${v.version}`}>{t('privacy.page.versionLink', { version: v.version, date: formatLongDate(v.publishedAt, locale) })}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </QueryState>
    </div>
  )
}

type Policy = NonNullable<RouterOutputs['privacy']['policy']>

/** One version of the statement: which one, what changed, the text. */
function PolicyVersion({ policy: p }: { policy: Policy }) {
  const { t } = useTranslation()
  const locale = useLocale()
  return (
    <>
      <header className="privacy-version">
        <p className="lead">
          {p.title[locale] === t('privacy.title') ? null : <strong>{p.title[locale]} </strong>}
          {t(p.current ? 'privacy.page.current' : 'privacy.page.earlier', { version: p.version, date: formatLongDate(p.publishedAt, locale) })}
        </p>
        {!p.current ? (
          <p>
            <Link to="/privacy">{t('privacy.page.toCurrent')}</Link>
          </p>
        ) : null}
      </header>
      {p.changes[locale].length > 0 ? (
        <section className="card privacy-changes" aria-labelledby="privacy-changes">
          <h2 id="privacy-changes">{t('privacy.page.changes')}</h2>
          <ul>
            {p.changes[locale].map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <article className="prose">
        <PolicyText text={p.body[locale]} />
        {locale === 'en' && p.version > 1 ? <p className="muted">{t('privacy.page.translation')}</p> : null}
      </article>
    </>
  )
}

const legalBasisKey = {
  contract: 'privacy.page.basis.contract',
  legal_obligation: 'privacy.page.basis.legal_obligation',
  legitimate_interest: 'privacy.page.basis.legitimate_interest',
  consent: 'privacy.page.basis.consent',
} as const

function Overview({ overview }: { overview: Overview }) {
  const { t } = useTranslation()
  const locale = useLocale()
  return (
    <>
      <section aria-labelledby="privacy-overview" className="privacy-overview">
        <h2 id="privacy-overview">{t('privacy.page.overviewTitle')}</h2>
        <p className="muted">{t('privacy.page.overviewIntro')}</p>
        <DataTable
          caption={t('privacy.page.overviewTitle')}
          className="privacy-table"
          rowKey={(c) => c.id}
          rows={overview.categories}
          rowHeader={{ header: t('privacy.page.col.category'), cell: (c) => c.label[locale] }}
          columns={[
            { header: t('privacy.page.col.purpose'), cell: (c) => c.purpose[locale] },
            { header: t('privacy.page.col.basis'), cell: (c) => t(legalBasisKey[c.legalBasis]) },
            { header: t('privacy.page.col.recipients'), cell: (c) => c.recipients.map((r) => r.name[locale]).join(', ') },
            {
              header: t('privacy.page.col.retention'),
              cell: (c) => (
                <>
                  {c.retention[locale]}
                  {c.note ? <span className="privacy-table__note">{c.note[locale]}</span> : null}
                </>
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="privacy-recipients" className="prose">
        <h2 id="privacy-recipients">{t('privacy.page.recipientsTitle')}</h2>
        <ul>
          {overview.recipients.map((r) => (
            <li key={r.id}>
              <strong>{r.name[locale]}</strong> — {r.role[locale]} {r.transfer[locale]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="privacy-retention" className="prose">
        <h2 id="privacy-retention">{t('privacy.page.retentionTitle')}</h2>
        <ul>
          {overview.retentionRules.map((rule) => (
            <li key={rule.id}>{rule.description[locale]}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="cookies-title" id="cookies" className="privacy-cookies">
        <h2 id="cookies-title">{t('privacy.page.cookiesTitle')}</h2>
        <p className="muted">{t('privacy.page.cookiesIntro')}</p>
        <DataTable
          caption={t('privacy.page.cookiesTitle')}
          rowKey={(c) => c.name}
          rows={overview.cookies}
          rowHeader={{ header: t('privacy.page.col.name'), cell: (c) => <code>{c.name}</code> }}
          columns={[
            { header: t('privacy.page.col.kind'), cell: (c) => t(c.kind === 'cookie' ? 'privacy.page.kind.cookie' : 'privacy.page.kind.localStorage') },
            { header: t('privacy.page.col.cookiePurpose'), cell: (c) => t(`privacy.page.cookiePurpose.${c.purpose}`) },
            { header: t('privacy.page.col.description'), cell: (c) => c.description[locale] },
            { header: t('privacy.page.col.lifetime'), cell: (c) => c.lifetime[locale] },
          ]}
        />
        <p>
          <Button variant="secondary" onClick={openConsentSettings}>
            {t('privacy.consent.settings')}
          </Button>
        </p>
      </section>
    </>
  )
}
