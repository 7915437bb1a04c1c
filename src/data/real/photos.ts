/**
 * The real photographs of the "Real photos" page (public/real/photos/), as written by
 * notebooks/import_photos.py, checked on import so a hand-edited or stale photos.json fails the
 * build instead of a page.
 */
import photosJson from './photos.json';

export interface RealPhoto {
  /** URL-safe; also the file's stem. */
  id: string;
  title: string;
  /** File name under public/real/photos/. */
  file: string;
  width: number;
  height: number;
  bytes: number;
  /** Of the file as served. */
  sha256: string;
  /** Where the photo was first published, in words, and its address. */
  source: string;
  sourceUrl: string;
  /** The package release and path it was taken from. */
  origin: string;
  licence: string;
  licenceUrl: string | null;
  credit: string;
  /** A default question for a VQA model. */
  question: string;
  alt: string;
}

/** Where the site serves the photos from. */
export const PHOTOS_PATH = '/real/photos/';

const TEXT = ['id', 'title', 'file', 'sha256', 'source', 'sourceUrl', 'origin', 'licence', 'credit', 'question', 'alt'] as const;
const COUNTS = ['width', 'height', 'bytes'] as const;

function checkPhoto(row: unknown, index: number): RealPhoto {
  const where = `src/data/real/photos.json[${index}]`;
  if (typeof row !== 'object' || row === null) throw new Error(`${where}: not an object`);
  const r = row as Record<string, unknown>;
  for (const key of TEXT) {
    if (typeof r[key] !== 'string' || r[key] === '') throw new Error(`${where}: "${key}" is missing or not a non-empty string`);
  }
  for (const key of COUNTS) {
    if (!Number.isInteger(r[key]) || (r[key] as number) <= 0) throw new Error(`${where}: "${key}" is missing or not a positive integer`);
  }
  if (r.licenceUrl !== null && typeof r.licenceUrl !== 'string') throw new Error(`${where}: "licenceUrl" must be a string or null`);
  return r as unknown as RealPhoto;
}

export function checkPhotos(json: unknown): readonly RealPhoto[] {
  if (!Array.isArray(json)) throw new Error('src/data/real/photos.json: not an array');
  return Object.freeze(json.map(checkPhoto));
}

export const PHOTOS: readonly RealPhoto[] = checkPhotos(photosJson);
