/** Portable slugs: file names that are safe on every file system and readable in a URL. */

const transliterations: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  þ: 'th',
  Þ: 'th',
  ð: 'd',
  Ð: 'd',
  ı: 'i',
  '&': 'and',
}

const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/** Longest slug produced, in characters (file names stay well under every system's limit). */
export const maxSlugLength = 80

/**
 * Turns a title into a slug: lowercase ASCII letters, digits and single dashes; accents are
 * transliterated, other characters dropped. Never empty ('untitled') and never a Windows
 * reserved device name.
 */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0000-\u007f]/g, (ch) => transliterations[ch] ?? ' ')
    .replace(/&/g, ' and ')
    .toLowerCase()
  let slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  if (slug.length > maxSlugLength)
    slug = slug.slice(0, maxSlugLength).replace(/-[^-]*$/, '') || slug.slice(0, maxSlugLength)
  if (slug === '') return 'untitled'
  return windowsReserved.test(slug) ? `${slug}-post` : slug
}
