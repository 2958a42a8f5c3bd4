import "server-only";

/**
 * CloudFront signing for the app. Pages call signDocumentLink, signDocumentCookies and
 * signStaffLink; the app calls checkSigningSetup at start-up.
 */
export { checkSigningSetup } from "./canary";
export {
  signDocumentCookies,
  signDocumentLink,
  signingKeySource,
  type DocumentCookiesInput,
  type DocumentLinkInput,
} from "./document-link";
export { ensureDevelopmentKeyRing, generateKeyFiles } from "./development-keys";
export { parsePrivateKey, PrivateKeyError, type PrivateKeySource } from "./private-key";
export {
  signCookies,
  signUrl,
  type SignCookiesInput,
  type SignedCookie,
  type SigningKey,
  type SignUrlInput,
} from "./sign";
export { SigningKeySource, SigningSetupError } from "./signing-key";
export { signStaffLink } from "./staff-link";
export { encodeObjectKey } from "./url";
