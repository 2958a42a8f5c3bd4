export { AUDIT_ACTIONS, sanitizeDetail, type AuditAction, type AuditEventInput } from "./actions";
export { listAuditEvents, type AuditFilter, type AuditRow } from "./list-audit-events";
export { recordAuditEvents } from "./record-audit-events";
