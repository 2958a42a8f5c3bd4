"use client";

import { WorkspaceError } from "@/components/workspace/workspace-error";

export default function DoctorError(props: { error: unknown; retry: () => void }) {
  return <WorkspaceError {...props} what="your documents" />;
}
