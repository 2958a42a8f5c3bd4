export { cleanUpUploads, type CleanupResult } from "./clean-up-uploads";
export { confirmIdentityUpload } from "./confirm-identity-upload";
export { STAGING_PREFIX, stagingKeyOf, type UploadsContext } from "./context";
export {
  IDENTITY_UPLOAD_TYPES,
  MAX_IDENTITY_UPLOAD_BYTES,
  detectFileType,
  formatMegabytes,
  isIdentityUploadType,
  type IdentityUploadType,
} from "./file-types";
export {
  IDENTITY_DOCUMENT_TITLES,
  UPLOAD_POLICY_TTL_SECONDS,
  startIdentityUpload,
  type StartUploadRequest,
  type StartedUpload,
} from "./start-identity-upload";
