import { fail, ok, type Result } from '@storefront/kernel';

const MAX_NAME = 200;
const MAX_DESCRIPTION = 5000;
const MAX_IMAGES = 12;

/** What the shopper reads and sees of a product. */
export interface ProductDetails {
  name: string;
  description: string;
  categoryId: string | null;
  imageUrls: string[];
}

export function checkName(raw: string): Result<string> {
  const name = raw.trim();
  if (name.length === 0) return fail('INVALID_NAME', 'A product needs a name.', 'name');
  if (name.length > MAX_NAME) return fail('INVALID_NAME', `A name has at most ${MAX_NAME} characters.`, 'name');
  return ok(name);
}

export function checkDescription(raw: string): Result<string> {
  const description = raw.trim();
  if (description.length > MAX_DESCRIPTION) {
    return fail('INVALID_DESCRIPTION', `A description has at most ${MAX_DESCRIPTION} characters.`, 'description');
  }
  return ok(description);
}

export function checkImageUrls(urls: readonly string[]): Result<string[]> {
  if (urls.length > MAX_IMAGES) return fail('INVALID_IMAGE_URL', `A product has at most ${MAX_IMAGES} images.`, 'imageUrls');
  for (const [index, url] of urls.entries()) {
    if (!isHttpUrl(url)) return fail('INVALID_IMAGE_URL', `"${url}" is not an http(s) URL.`, `imageUrls.${index}`);
  }
  return ok([...urls]);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
