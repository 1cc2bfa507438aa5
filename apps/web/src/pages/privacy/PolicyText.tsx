import { Fragment } from 'react'

/**
 * A stored statement text: blocks split by blank lines, `## ` starts a heading, lines starting with
 * `• ` or ` • ` form a list. Plain text only (no HTML from the database is ever rendered).
 */
export function PolicyText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n').map((l) => l.trim())
        const heading = lines[0]?.startsWith('## ') ? lines.shift()!.slice(3) : null
        const paragraphs: string[] = []
        const items: string[] = []
        for (const line of lines) (line.startsWith('•') ? items : paragraphs).push(line.replace(/^•\s*/, ''))
        return (
          <Fragment key={i}>
            {heading ? <Heading>{heading}</Heading> : null}
            {paragraphs.length > 0 && items.length === 0 ? <p>{paragraphs.join(' ')}</p> : null}
            {items.length > 0 ? (
              <>
                {paragraphs.filter((p) => p !== '').map((p) => (
                  <p key={p}>{p}</p>
                ))}
                <ul>
                  {items.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </Fragment>
        )
      })}
    </>
  )
}
