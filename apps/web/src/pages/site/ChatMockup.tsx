import { useTranslation } from 'react-i18next'
import { Logo } from '../../components/Logo.tsx'

/** A Messenger-style conversation drawn in HTML/CSS for the hero. One image for assistive tech. */
export function ChatMockup() {
  const { t } = useTranslation()
  return (
    <div className="chat" role="img" aria-label={t('home.chat.label')}>
      <div className="chat__header" aria-hidden="true">
        <Logo size={28} />
        <div>
          <p className="chat__name">{t('home.chat.name')}</p>
          <p className="chat__status">{t('home.chat.status')}</p>
        </div>
      </div>
      <div className="chat__body" aria-hidden="true">
        <p className="bubble bubble--bot">{t('home.chat.bot1')}</p>
        <div className="chat__chips">
          <span className="chip">{t('home.chat.chip1')}</span>
          <span className="chip">{t('home.chat.chip2')}</span>
          <span className="chip">{t('home.chat.chip3')}</span>
        </div>
        <p className="bubble bubble--user">{t('home.chat.user1')}</p>
        <p className="bubble bubble--bot">{t('home.chat.bot2')}</p>
        <p className="bubble bubble--user">{t('home.chat.user2')}</p>
        <p className="bubble bubble--bot">{t('home.chat.bot3')}</p>
        <p className="chat__typing">
          <span />
          <span />
          <span />
        </p>
      </div>
    </div>
  )
}
