import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button.tsx'
import { FormAlert } from '../../../components/FormAlert.tsx'
import { ProgressBar } from '../../../components/ProgressBar.tsx'
import type { ErrorDetails } from '../../../lib/errors.ts'
import { useDuration } from '../../../lib/useDuration.ts'
import type { AdminLesson } from './types.ts'
import { UploadCancelledError, UploadError, uploadLessonMedia, type MediaKind, type UploadHandle } from './upload.ts'
import { useContentRefresh } from './useContentRefresh.ts'
import { AdminSection } from '../../../components/admin/AdminSection.tsx'

const ACCEPT: Record<MediaKind, string> = { video: 'video/mp4,.mp4', captions: 'text/vtt,.vtt' }

type Status = 'idle' | 'uploading' | 'done' | 'cancelled'

/** Upload a lesson's video (MP4) or captions (WebVTT) with a progress bar; cancel stops the request. */
export function MediaUpload({ kind, lesson }: { kind: MediaKind; lesson: AdminLesson }) {
  const { t } = useTranslation()
  const duration = useDuration()
  const refresh = useContentRefresh()
  const titleId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const handle = useRef<UploadHandle | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [percent, setPercent] = useState(0)
  const [status, setStatus] = useState<Status>('idle')
  const [error, setError] = useState<ErrorDetails | null>(null)
  const currentKey = kind === 'video' ? lesson.videoKey : lesson.captionsKey

  // Leaving the page stops a running upload.
  useEffect(() => () => handle.current?.abort(), [])

  async function start(): Promise<void> {
    if (!file) {
      setError({ key: 'admin.media.chooseFile', messageKey: 'admin.media.chooseFile', values: {}, fieldErrors: {} })
      inputRef.current?.focus()
      return
    }
    setError(null)
    setPercent(0)
    setStatus('uploading')
    const upload = uploadLessonMedia(lesson.id, kind, file, (loaded, total) =>
      setPercent(total > 0 ? (loaded / total) * 100 : 0),
    )
    handle.current = upload
    try {
      await upload.done
      setPercent(100)
      setStatus('done')
      setFile(null)
      if (inputRef.current) inputRef.current.value = ''
      await refresh()
    } catch (caught) {
      if (caught instanceof UploadCancelledError) {
        setStatus('cancelled')
      } else {
        setStatus('idle')
        setError(caught instanceof UploadError ? caught.details : { key: 'error.network', messageKey: 'error.network', values: {}, fieldErrors: {} })
      }
    } finally {
      handle.current = null
    }
  }

  const label = t(`admin.media.${kind}.progress`)
  return (
    <AdminSection title={t(`admin.media.${kind}.title`)}>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.media.currentFile')}</dt>
          <dd className="admin-facts__key">{currentKey ?? t(`admin.media.${kind}.none`)}</dd>
        </div>
        {kind === 'video' && currentKey ? (
          <div>
            <dt>{t('admin.media.duration')}</dt>
            <dd>{duration(lesson.durationSeconds)}</dd>
          </div>
        ) : null}
      </dl>
      <FormAlert error={error} />
      <div className="field">
        <label className="field__label" htmlFor={`${titleId}-file`}>
          {t(`admin.media.${kind}.file`)}
        </label>
        <p className="field__hint">{t(`admin.media.${kind}.hint`)}</p>
        <input
          ref={inputRef}
          id={`${titleId}-file`}
          type="file"
          className="input input--file"
          accept={ACCEPT[kind]}
          disabled={status === 'uploading'}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null)
            setError(null)
            if (status !== 'uploading') setStatus('idle')
          }}
        />
      </div>
      {status !== 'idle' ? (
        <ProgressBar
          percent={percent}
          label={label}
          valueText={
            status === 'done'
              ? t('admin.media.done', { percent: 100 })
              : status === 'cancelled'
                ? t('admin.media.cancelled')
                : t('admin.media.percent', { percent: Math.round(percent) })
          }
        />
      ) : null}
      <div className="form__actions">
        <Button pending={status === 'uploading'} pendingLabel={t('admin.media.uploading')} onClick={() => void start()}>
          {t(`admin.media.${kind}.upload`)}
        </Button>
        {status === 'uploading' ? (
          <Button variant="secondary" onClick={() => handle.current?.abort()}>
            {t('admin.media.cancel')}
          </Button>
        ) : null}
      </div>
    </AdminSection>
  )
}
