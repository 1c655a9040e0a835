// The colour scheme the page is shown in (the app follows the system's), so charts, which draw
// their own colours, switch with the rest of the page.
import { useEffect, useState } from 'react'
import type { ChartThemeName } from '../../../shared/overview/palette'

const QUERY = '(prefers-color-scheme: dark)'

/** 'dark' while the system asks for a dark page, else 'light'. */
export function useColorScheme(): ChartThemeName {
  const [dark, setDark] = useState(() => window.matchMedia(QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(QUERY)
    const change = () => setDark(media.matches)
    media.addEventListener('change', change)
    return () => media.removeEventListener('change', change)
  }, [])
  return dark ? 'dark' : 'light'
}
