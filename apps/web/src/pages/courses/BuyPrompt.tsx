import { useId } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useMe } from '../../lib/session.ts'
import { LockIcon } from '../../components/icons.tsx'

interface Props {
  courseTitle: string
  /** On a lesson page the prompt explains why the lesson is closed. */
  variant: 'course' | 'lesson'
  headingLevel?: 2 | 3
}

/** "Koop de Premium Cursus": shown instead of a locked lesson and on the outline without access. */
export function BuyPrompt({ courseTitle, variant, headingLevel = 2 }: Props) {
  const { t } = useTranslation()
  const { signedIn } = useMe()
  const location = useLocation()
  const titleId = useId()
  const Heading = `h${headingLevel}` as const
  const next = encodeURIComponent(location.pathname + location.search)

  return (
    <section className="buy-prompt" aria-labelledby={titleId}>
      <span className="buy-prompt__icon" aria-hidden="true">
        <LockIcon size={22} />
      </span>
      <div className="buy-prompt__body">
        <Heading id={titleId} className="buy-prompt__title">
          {variant === 'lesson' ? t('buy.lessonTitle', { course: courseTitle }) : t('buy.courseTitle')}
        </Heading>
        <p>{t('buy.text', { course: courseTitle })}</p>
        {variant === 'course' ? <p className="muted">{t('buy.previews')}</p> : null}
        <div className="button-row">
          <Link className="btn btn--primary" to="/prijzen">
            {t('buy.cta', { course: courseTitle })}
          </Link>
        </div>
        {signedIn ? null : (
          <p className="buy-prompt__login">
            <Trans i18nKey="buy.haveAccess" components={{ login: <Link to={`/login?next=${next}`} /> }} />
          </p>
        )}
      </div>
    </section>
  )
}
