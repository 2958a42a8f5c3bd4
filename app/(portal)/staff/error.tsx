"use client";

import { WorkspaceError } from "@/components/workspace/workspace-error";

export default function StaffError(props: { error: unknown; retry: () => void }) {
  return <WorkspaceError {...props} what="the verification queue" />;
}
