export { getUploadsContext, uploadsLog } from "./app-context";
export { cancelIdentityUpload } from "./cancel-identity-upload";
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
  LISTED_AFTER_START_MS,
  identityStatusOf,
  listUpcomingAppointments,
  type AppointmentIdentityDocument,
  type IdentityDocumentStatus,
  type UpcomingAppointment,
} from "./list-upcoming-appointments";
export { checkChosenFile, type ChosenFile } from "./messages";
export { scheduleUploadCleanup } from "./schedule-cleanup";
export {
  IDENTITY_DOCUMENT_TITLES,
  UPLOAD_POLICY_TTL_SECONDS,
  startIdentityUpload,
  type StartUploadRequest,
  type StartedUpload,
} from "./start-identity-upload";
