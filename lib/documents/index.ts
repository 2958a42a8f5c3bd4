import "server-only";

/** The documents data layer: every query filters by the viewer and re-checks lib/access. */
export { getDocumentsContext, documentsLog } from "./context";
export { getDocumentForViewer } from "./get-document-for-viewer";
export { listPatientDocuments } from "./list-patient-documents";
export { mintDocumentLink } from "./mint-document-link";
export type {
  DocumentGroup,
  DocumentLink,
  DocumentsContext,
  NoLinkReason,
  PatientDocument,
  ViewerDocument,
} from "./types";
