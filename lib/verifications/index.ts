export type { SignStaffLink, VerificationsContext } from "./context";
export { decideVerification, type DecisionRequest } from "./decide-verification";
export { listPendingVerifications, type PendingVerification } from "./list-pending-verifications";
export { openIdentityDocument } from "./open-identity-document";
