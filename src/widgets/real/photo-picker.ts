// The photo: one of the bundled photographs (with its source, licence and credit), or the reader's
// own — picked, dropped on the photo area or pasted. A photo that cannot be used leaves a one-line
// reason and changes nothing else. The reader's photo is decoded here and never sent anywhere.
import { PHOTOS_PATH, type RealPhoto } from '../../data/real/photos.ts';
import { el, labelled } from '../shared/dom.ts';
import { decodePhoto, PhotoError, type DecodedPhoto } from './photo-decode.ts';
import { PHOTO_LIMITS, PHOTO_TYPES } from './photo-format.ts';

export interface LoadedPhoto {
  /** A bundled photo's id; null for the reader's own. */
  id: string | null;
  title: string;
  /** Equal keys, equal pixels (the engine caches the image's tokens under it). */
  key: string;
  pixels: DecodedPhoto;
  /** What the overlay draws the photo from. */
  href: string;
}

export interface PhotoPicker {
  element: HTMLElement;
  /** Photos dropped on `target` are used too. */
  dropTarget(target: HTMLElement): void;
  /** Shows a bundled photo (a link, or the first photo). */
  show(id: string): void;
}

const UPLOAD = 'upload';

const ownCredit = (photo: LoadedPhoto): (Node | string)[] =>
  [el('strong', { text: photo.title }), ` (${photo.pixels.width}×${photo.pixels.height}), your own photo: decoded and run on this device, never uploaded.`];

function credit(photo: RealPhoto): (Node | string)[] {
  const link = (href: string, text: string): HTMLAnchorElement => el('a', { text, attrs: { href, rel: 'noopener' } });
  return [
    el('strong', { text: photo.title }), '. Source: ', link(photo.sourceUrl, photo.source), '. Licence: ',
    photo.licenceUrl === null ? photo.licence : link(photo.licenceUrl, photo.licence), `. Credit: ${photo.credit}. Taken from ${photo.origin}.`,
  ];
}

export function photoPicker(photos: readonly RealPhoto[], onPhoto: (photo: LoadedPhoto) => void): PhotoPicker {
  const select = el('select', { testid: 'photo-select' });
  for (const p of photos) select.add(new Option(p.title, p.id));
  const upload = el('input', { testid: 'photo-upload', attrs: { type: 'file', accept: PHOTO_TYPES.join(',') } });
  const about = el('p', { className: 'pg-hint', testid: 'photo-credit' });
  const error = el('p', { className: 'rp-photo-error', testid: 'photo-error', attrs: { role: 'alert' } });
  const limits = `JPEG, PNG or WebP, up to ${PHOTO_LIMITS.bytes / 1e6} MB and ${PHOTO_LIMITS.pixels / 1e6} megapixels; or drop one on the photo, or paste one (Ctrl/⌘+V). It is decoded on this device and never uploaded.`;
  let current: LoadedPhoto | null = null;
  let uploaded: LoadedPhoto | null = null;
  let uploads = 0;
  let latest = 0;

  const use = (photo: LoadedPhoto, credits: (Node | string)[]): void => {
    current = photo;
    select.value = photo.id ?? UPLOAD;
    about.replaceChildren(...credits);
    error.textContent = '';
    onPhoto(photo);
  };
  const refuse = (message: string): void => {
    error.textContent = message;
    select.value = current?.id ?? UPLOAD;
  };

  async function showBundled(photo: RealPhoto): Promise<void> {
    const ticket = ++latest;
    try {
      const href = `${PHOTOS_PATH}${photo.file}`;
      const response = await fetch(href);
      if (!response.ok) throw new PhotoError(`${photo.file} could not be read from this site (HTTP ${response.status}).`);
      const pixels = await decodePhoto(await response.blob(), photo.file);
      if (ticket === latest) use({ id: photo.id, title: photo.title, key: `photo:${photo.id}`, pixels, href }, credit(photo));
    } catch (err) {
      if (ticket === latest) refuse((err as Error).message);
    }
  }

  async function useFile(file: File): Promise<void> {
    const ticket = ++latest;
    const name = file.name === '' ? 'the pasted image' : file.name;
    try {
      const pixels = await decodePhoto(file, name);
      if (ticket !== latest) return;
      if (uploaded !== null) URL.revokeObjectURL(uploaded.href);
      uploaded = { id: null, title: name, key: `upload:${++uploads}`, pixels, href: URL.createObjectURL(file) };
      if (select.namedItem(UPLOAD) === null) select.add(el('option', { attrs: { value: UPLOAD, id: UPLOAD } }));
      select.namedItem(UPLOAD)!.textContent = `Your photo: ${name}`;
      use(uploaded, ownCredit(uploaded));
    } catch (err) {
      if (ticket === latest) refuse(err instanceof PhotoError ? err.message : `${name} cannot be used: ${(err as Error).message}`);
    }
  }

  const firstImage = (files: FileList | null | undefined): File | null => (files !== null && files !== undefined && files.length > 0 ? files[0] : null);
  select.addEventListener('change', () => {
    if (select.value === UPLOAD && uploaded !== null) { ++latest; use(uploaded, ownCredit(uploaded)); return; }
    const photo = photos.find((p) => p.id === select.value);
    if (photo !== undefined) void showBundled(photo);
  });
  upload.addEventListener('change', () => {
    const file = firstImage(upload.files);
    if (file !== null) void useFile(file);
    upload.value = '';
  });
  document.addEventListener('paste', (e) => {
    const file = firstImage(e.clipboardData?.files);
    if (file === null) return;
    e.preventDefault();
    void useFile(file);
  });

  return {
    element: el('div', { className: 'pg-panel rp-photo' },
      el('h2', { text: 'Photo' }),
      labelled('Bundled photo', select),
      labelled('Or your own photo', upload, el('p', { className: 'pg-hint', text: limits })),
      error, about),
    dropTarget(target) {
      target.addEventListener('dragover', (e) => { e.preventDefault(); target.classList.add('is-dropping'); });
      target.addEventListener('dragleave', () => target.classList.remove('is-dropping'));
      target.addEventListener('drop', (e) => {
        e.preventDefault();
        target.classList.remove('is-dropping');
        const file = firstImage(e.dataTransfer?.files);
        if (file !== null) void useFile(file);
      });
    },
    show(id) {
      const photo = photos.find((p) => p.id === id) ?? photos[0];
      select.value = photo.id;
      void showBundled(photo);
    },
  };
}
