import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { useTRPC } from '../../../lib/trpc.ts'

/**
 * The coach's photo on /coach/profiel: upload as the raw body (POST /coaching/coach-photo; the server
 * sniffs the type, strips EXIF and crops to a 400×400 WebP), or remove it. Refusals show the
 * server's key (not an image, too large).
 */
export function CoachPhotoSection({ photoUrl, displayName }: { photoUrl: string | null; displayName: string }) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const id = useId()
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' } | { kind: 'failed'; key: string }>({ kind: 'idle' })
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.coaching.ownProfile.queryFilter()), queryClient.invalidateQueries(trpc.coaching.coaches.queryFilter())])
  const remove = useMutation(trpc.coaching.removePhoto.mutationOptions({ onSuccess: refresh }))

  async function upload(file: File): Promise<void> {
    setState({ kind: 'busy' })
    try {
      const response = await fetch('/coaching/coach-photo', { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' }, credentials: 'same-origin' })
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
        setState({ kind: 'failed', key: answer?.error?.message ?? 'error.generic' })
        return
      }
      await refresh()
      setState({ kind: 'done' })
    } catch {
      setState({ kind: 'failed', key: 'error.generic' })
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="coach-photo-editor">
      <h2 id={`${id}-title`}>{t('coachPages.photoTitle')}</h2>
      {photoUrl ? <img className="coach-photo coach-photo--large" src={photoUrl} alt={t('coachingPage.photoAlt', { name: displayName })} width={160} height={160} /> : <p className="muted">{t('coachPages.noPhoto')}</p>}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {photoUrl ? t('coachPages.replacePhoto') : t('coachPages.uploadPhoto')}
        </label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('coachPages.photoHint')}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/heic"
          aria-describedby={`${id}-hint ${id}-status`}
          disabled={state.kind === 'busy'}
          onChange={(event) => {
            const file = event.target.files?.[0]
            if (file) void upload(file)
            event.target.value = ''
          }}
        />
        <p className="form__status" role="status" id={`${id}-status`}>
          {state.kind === 'busy' ? t('coachPages.photoUploading') : state.kind === 'done' ? t('coachPages.photoSaved') : remove.isSuccess ? t('coachPages.photoRemoved') : ''}
        </p>
        {state.kind === 'failed' ? (
          <p className="field__error" role="alert">
            {t(state.key, { defaultValue: t('error.generic') })}
          </p>
        ) : null}
      </div>
      {photoUrl ? (
        <Button
          variant="secondary"
          pending={remove.isPending}
          onClick={() => {
            setState({ kind: 'idle' })
            remove.mutate()
          }}
        >
          {t('coachPages.removePhoto')}
        </Button>
      ) : null}
    </section>
  )
}
