import "server-only";

/** The documents data layer: every query filters by the viewer and re-checks lib/access. */
export { getDocumentsContext, documentsLog } from "./context";
export { getDocumentForViewer } from "./get-document-for-viewer";
export { imagesCookiePathOf, imagesPrefixOf } from "./image-paths";
export { listDocumentImages } from "./list-document-images";
export { listImageCookiePaths } from "./list-image-cookie-paths";
export { listPatientDocuments } from "./list-patient-documents";
export { mintDocumentCookies } from "./mint-document-cookies";
export { mintDocumentLink } from "./mint-document-link";
export type {
  DocumentCookies,
  DocumentFile,
  DocumentGroup,
  DocumentImages,
  DocumentLink,
  DocumentsContext,
  NoLinkReason,
  PatientDocument,
  ViewerDocument,
} from "./types";
