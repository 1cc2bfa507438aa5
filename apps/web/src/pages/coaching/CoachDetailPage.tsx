import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { PageHeader } from '../../components/PageHeader.tsx'
import { QueryState } from '../../components/QueryState.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts'
import { useLocale } from '../../lib/useLocale.ts'
import { BookingForm } from './BookingForm.tsx'
import { SlotPicker } from './SlotPicker.tsx'
import { useCoachingZone } from './useCoachingZone.ts'
import './coaching.css'

/** /coaching/coach/:coachId — bio, session types, free times and the confirmation step. */
export function CoachDetailPage() {
  const { t } = useTranslation()
  const locale = useLocale()
  const trpc = useTRPC()
  const { coachId = '' } = useParams()
  const [params] = useSearchParams()
  const lessonId = params.get('les')
  const format = useCoachingZone()
  const coach = useQuery(trpc.coaching.coach.queryOptions({ coachId }))
  useDocumentTitle(coach.data?.displayName ?? t('coachingPage.title'))
  const [typeId, setTypeId] = useState<string | null>(null)
  const [slot, setSlot] = useState<string | null>(null)

  return (
    <div className="container coaching">
      <p>
        <Link to="/coaching">{t('coachingPage.backToCoaching')}</Link>
      </p>
      <QueryState query={coach}>
        {(profile) => {
          const bio = locale === 'en' ? profile.bioEn || profile.bioNl : profile.bioNl || profile.bioEn
          const type = profile.sessionTypes.find((candidate) => candidate.id === (typeId ?? (profile.sessionTypes.length === 1 ? profile.sessionTypes[0]!.id : null)))
          return (
            <>
              <PageHeader eyebrow={t('coachingPage.eyebrow')} title={profile.displayName} intro={t(`coachingPage.locationKind.${profile.locationKind}`)} />
              {profile.photoUrl ? <img className="coach-photo coach-photo--large" src={profile.photoUrl} alt={t('coachingPage.photoAlt', { name: profile.displayName })} width={160} height={160} /> : null}
              {bio ? <p className="coach-bio">{bio}</p> : null}
              <p className="muted">
                {t('coachingPage.languages', { languages: profile.languages.map((code) => t(`coachingPage.language.${code}`, { defaultValue: code })).join(', ') })}
              </p>
              <section aria-labelledby="coach-types">
                <h2 id="coach-types">{t('coachingPage.chooseType')}</h2>
                <ul className="type-choices">
                  {profile.sessionTypes.map((candidate) => (
                    <li key={candidate.id}>
                      <button
                        type="button"
                        className={candidate.id === type?.id ? 'type-choice type-choice--selected' : 'type-choice'}
                        aria-pressed={candidate.id === type?.id}
                        onClick={() => {
                          setTypeId(candidate.id)
                          setSlot(null)
                        }}
                      >
                        <strong>{candidate.title}</strong>
                        <span>{t('coachingPage.typeMeta', { minutes: candidate.durationMinutes, count: candidate.credits })}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              {type && slot ? (
                <BookingForm coach={profile} type={type} startsAt={slot} lessonId={lessonId} format={format} onBack={() => setSlot(null)} />
              ) : type ? (
                <section aria-labelledby="coach-slots">
                  <h2 id="coach-slots">{t('coachingPage.slots')}</h2>
                  {format.isPending ? null : <SlotPicker source={{ coachId: profile.id, sessionTypeId: type.id }} format={format} selected={slot} onPick={setSlot} />}
                </section>
              ) : null}
            </>
          )
        }}
      </QueryState>
    </div>
  )
}
