export default function CallsLoading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading calls" className="space-y-4">
      <div className="h-8 w-40 animate-pulse rounded bg-muted" />
      <div className="h-28 animate-pulse rounded-lg bg-muted" />
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="h-12 animate-pulse rounded bg-muted" />
      ))}
    </div>
  );
}
