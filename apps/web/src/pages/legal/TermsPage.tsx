import { Fragment } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { RouterOutputs } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useSeller } from '../../lib/useSeller.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { countryName } from '../checkout/countries.ts'
import { QueryState } from '../../components/QueryState.tsx'

type Seller = RouterOutputs['system']['seller']

/** The articles after "who we are", in order; each has a title and a list of paragraphs in the catalogs. */
const ARTICLES = ['offer', 'ordering', 'course', 'coaching', 'refunds', 'invoices', 'use', 'liability', 'privacy', 'complaints', 'changes'] as const

/** /voorwaarden — the general terms of every order, with the seller's details as the server has them. */
export function TermsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('terms.title'))
  const seller = useSeller()

  return (
    <div className="container page-narrow prose">
      <h1>{t('terms.title')}</h1>
      <p className="lead">{t('terms.intro')}</p>
      <p className="muted">{t('terms.version')}</p>
      <QueryState query={seller}>{(data) => <Articles seller={data} />}</QueryState>
    </div>
  )
}

function Articles({ seller }: { seller: Seller }) {
  const { t } = useTranslation()
  // Where buyers write to us (withdrawal, complaints): the e-mail address, or else the postal address.
  const contact = seller.email ? <a href={`mailto:${seller.email}`}>{seller.email}</a> : <>{[seller.name, ...seller.addressLines].join(', ')}</>
  const links = { contact, pricing: <Link to="/prijzen" />, privacy: <Link to="/privacy" /> }
  return (
    <>
      <section>
        <h2 id="terms-seller">1. {t('terms.seller.title')}</h2>
        <p>{t('terms.seller.text')}</p>
        <SellerDetails seller={seller} />
      </section>
      {ARTICLES.map((article, index) => (
        <section key={article}>
          <h2 id={`terms-${article}`}>
            {index + 2}. {t(`terms.${article}.title`)}
          </h2>
          {paragraphIndexes(t(`terms.${article}.text`, { returnObjects: true })).map((paragraph) => (
            <p key={paragraph}>
              <Trans i18nKey={`terms.${article}.text.${paragraph}`} components={links} />
            </p>
          ))}
        </section>
      ))}
    </>
  )
}

function SellerDetails({ seller }: { seller: Seller }) {
  const { t } = useTranslation()
  const locale = useLocale()
  return (
    <dl className="card facts">
      <div>
        <dt>{t('terms.seller.name')}</dt>
        <dd>{seller.name}</dd>
      </div>
      <div>
        <dt>{t('terms.seller.address')}</dt>
        <dd>
          {[...seller.addressLines, countryName(seller.country, locale)].map((line, index) => (
            <Fragment key={index}>
              {index > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </dd>
      </div>
      <div>
        <dt>{t('terms.seller.kvk')}</dt>
        <dd>{seller.kvkNumber}</dd>
      </div>
      <div>
        <dt>{t('terms.seller.vat')}</dt>
        <dd>{seller.vatNumber}</dd>
      </div>
      {seller.email ? (
        <div>
          <dt>{t('terms.seller.email')}</dt>
          <dd>
            <a href={`mailto:${seller.email}`}>{seller.email}</a>
          </dd>
        </div>
      ) : null}
    </dl>
  )
}

/** The indexes of an article's paragraphs (the catalog holds a list of them). */
function paragraphIndexes(paragraphs: unknown): number[] {
  return Array.isArray(paragraphs) ? paragraphs.map((_, index) => index) : []
}
