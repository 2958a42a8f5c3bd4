"use client";

import { WorkspaceError } from "@/components/workspace/workspace-error";

export default function AdminError(props: { error: unknown; retry: () => void }) {
  return <WorkspaceError {...props} what="the audit log" />;
}
