import type { Metadata } from "next";

import { AppointmentCard } from "./appointment-card";
import { currentClientIp } from "@/app/_lib/client-ip";
import { failPage } from "@/app/_lib/errors";
import { currentRequestId } from "@/app/_lib/request-id";
import { requireRole, type SignedInViewer } from "@/lib/auth/session";
import {
  getUploadsContext,
  listUpcomingAppointments,
  type UpcomingAppointment,
} from "@/lib/uploads";

// Verification statuses change whenever staff decide, so every request reads them afresh.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Appointments" };

/** Loads the appointments, sending any failure to error.tsx rather than showing an empty list. */
async function loadAppointments(viewer: SignedInViewer, now: Date): Promise<UpcomingAppointment[]> {
  try {
    const { db } = await getUploadsContext(await currentClientIp());
    return await listUpcomingAppointments(db, viewer, now);
  } catch (error) {
    failPage(error, { requestId: await currentRequestId(), userId: viewer.id });
  }
}

export default async function AppointmentsPage() {
  const viewer = await requireRole("patient", "/appointments");

  const appointments = await loadAppointments(viewer, new Date());

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Appointments</h1>
        <p className="mt-2 max-w-2xl text-sm text-slate-600">
          Upload your KTP or passport before each visit. Hospital staff check it before you arrive,
          so registration at the desk is quicker.
        </p>
      </div>
      {appointments.length === 0 ? (
        <div className="rounded-xl border border-slate-200 bg-white px-6 py-12 text-center shadow-sm">
          <p className="font-medium text-slate-900">No upcoming appointments</p>
          <p className="mt-1 text-sm text-slate-500">
            Appointments your hospital books for you appear here.
          </p>
        </div>
      ) : (
        <ul className="space-y-6">
          {appointments.map((appointment) => (
            <li key={appointment.id}>
              <AppointmentCard appointment={appointment} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
