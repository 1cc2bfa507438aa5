import { readFileSync } from 'node:fs'
import mjml2html from 'mjml'

/** The MJML source and its two variants (the button section kept or cut out). Build time and tests only. */
export async function compileLayouts(): Promise<{ withAction: string; withoutAction: string }> {
  const source = readFileSync(new URL('./layout.mjml', import.meta.url), 'utf8')
  const withoutButton = source.replace(/<!--ACTION-->[\s\S]*?<!--\/ACTION-->/, '')
  const compile = async (mjml: string) => {
    const result = await mjml2html(mjml, {
      validationLevel: 'strict',
      keepComments: false,
      minify: true,
      // No web fonts: a mail loads nothing from third parties (privacy); the system font stack is enough.
      fonts: {},
    })
    return result.html
  }
  return { withAction: await compile(source), withoutAction: await compile(withoutButton) }
}
