export type { IssuingContext } from "./context";
export { issueDocument } from "./issue-document";
export {
  MAX_ISSUED_PDF_BYTES,
  MAX_PRESCRIPTION_VALIDITY_DAYS,
  type IssueRequest,
} from "./issue-request";
export { listAuthoredDocuments, type AuthoredDocument } from "./list-authored-documents";
export { revokeDocument } from "./revoke-document";
export { listIssueTargets } from "./list-issue-targets";
