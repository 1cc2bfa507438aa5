/** The company's channels, linked from the public pages (plain links: no scripts, no iframes). */
export const siteLinks = {
  youtube: 'https://www.youtube.com/@jouwbot',
} as const

/**
 * Share links for a page: plain URLs of each network's share dialog. Nothing loads from those
 * networks until the reader clicks, so no cookie or script of theirs reaches our pages.
 */
export function shareLinks(url: string, title: string) {
  const u = encodeURIComponent(url)
  return [
    { network: 'facebook', label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'linkedin', label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { network: 'whatsapp', label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    // Messenger's web dialog needs a Facebook app id; the app link works on phones with Messenger.
    { network: 'messenger', label: 'Messenger', href: `fb-messenger://share/?link=${u}` },
  ] as const
}
