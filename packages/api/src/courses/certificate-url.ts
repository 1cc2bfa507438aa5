
export function certificateUrl(appOrigin: string, code: string): string {
  return new URL(`/certificaat/${code}`, appOrigin).toString()
}
