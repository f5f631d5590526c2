import { Badge } from "@/components/ui/badge";
type TranscriptStatus = "pending" | "ready" | "unavailable";

const LABELS: Record<TranscriptStatus, { label: string; tone: "success" | "warning" | "neutral" }> = {
  ready: { label: "Transcript", tone: "success" },
  pending: { label: "Transcript pending", tone: "warning" },
  unavailable: { label: "No transcript", tone: "neutral" },
};

export function TranscriptStatusBadge({ status }: { status: TranscriptStatus }) {
  const { label, tone } = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
