import { IdentityUpload } from "./identity-upload";
import { StatusBadge } from "./status-badge";
import { formatWibDateTime, PORTAL_TIME_ZONE } from "@/components/wib-time";
import type { AppointmentIdentityDocument, UpcomingAppointment } from "@/lib/uploads";

const MONTH = new Intl.DateTimeFormat("en-GB", { timeZone: PORTAL_TIME_ZONE, month: "short" });
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: PORTAL_TIME_ZONE, day: "numeric" });
const WEEKDAY = new Intl.DateTimeFormat("en-GB", { timeZone: PORTAL_TIME_ZONE, weekday: "long" });

/** Renders one appointment with its identity documents and the upload form. */
export function AppointmentCard({ appointment }: { appointment: UpcomingAppointment }) {
  const headingId = `appointment-${appointment.id}`;
  const { identityStatus, scheduledAt } = appointment;

  return (
    <article
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-start gap-4 px-5 py-4">
        <div
          aria-hidden="true"
          className="flex w-14 shrink-0 flex-col items-center rounded-lg bg-brand-50 py-1.5"
        >
          <span className="text-xs font-semibold text-brand-700 uppercase">
            {MONTH.format(scheduledAt)}
          </span>
          <span className="text-xl leading-tight font-semibold text-brand-800">
            {DAY.format(scheduledAt)}
          </span>
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="font-semibold text-slate-900">
            {appointment.hospitalName}
          </h2>
          <p className="text-sm text-slate-600">
            {appointment.department} · {appointment.hospitalCity}
          </p>
          <p className="mt-1 text-sm text-slate-500">
            <time dateTime={scheduledAt.toISOString()}>
              {WEEKDAY.format(scheduledAt)}, {formatWibDateTime(scheduledAt)}
            </time>
          </p>
        </div>
        <StatusBadge status={identityStatus} />
      </header>

      <div className="space-y-4 border-t border-slate-100 bg-slate-50/60 px-5 py-4">
        {appointment.identityDocuments.length > 0 ? (
          <ul className="space-y-2" aria-label="Uploaded identity documents">
            {appointment.identityDocuments.map((document) => (
              <UploadedDocument key={document.id} document={document} />
            ))}
          </ul>
        ) : null}
        {identityStatus === "verified" ? (
          <p className="text-sm text-slate-600">
            {appointment.hospitalName} has verified your identity document. There is nothing more to
            upload for this appointment.
          </p>
        ) : (
          <IdentityUpload
            appointmentId={appointment.id}
            hospitalName={appointment.hospitalName}
            collapsed={identityStatus === "pending_verification"}
            heading={
              identityStatus === "rejected"
                ? "Upload a new identity document"
                : "Upload your identity document"
            }
          />
        )}
      </div>
    </article>
  );
}

function UploadedDocument({ document }: { document: AppointmentIdentityDocument }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 text-sm">
          <span className="font-medium text-slate-900">{document.title}</span>
          <span className="text-slate-500"> · {document.fileName}</span>
        </p>
        <StatusBadge status={document.status} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Uploaded{" "}
        <time dateTime={document.uploadedAt.toISOString()}>
          {formatWibDateTime(document.uploadedAt)}
        </time>
        {document.decidedAt ? (
          <>
            {" · "}
            {document.status === "verified" ? "Verified" : "Rejected"}{" "}
            <time dateTime={document.decidedAt.toISOString()}>
              {formatWibDateTime(document.decidedAt)}
            </time>
          </>
        ) : null}
      </p>
      {document.rejectionReason ? (
        <p className="mt-2 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          <span className="font-medium">Reason: </span>
          {document.rejectionReason}
        </p>
      ) : null}
    </li>
  );
}
