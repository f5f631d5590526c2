import { PlugZap } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

/** A plain POST form: works before any JavaScript loads; the route handler checks it came from this site. */
export function ConnectForm({ label, defaultEmail }: { label: string; defaultEmail?: string | null }) {
  return (
    <form action="/api/gong/oauth/start" method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="space-y-1.5 sm:w-80">
        <Label htmlFor="gong-email">
          Gong account email <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input id="gong-email" name="email" type="email" placeholder="tech-admin@company.com" defaultValue={defaultEmail ?? ""} />
      </div>
      <Button type="submit">
        <PlugZap aria-hidden />
        {label}
      </Button>
    </form>
  );
}
