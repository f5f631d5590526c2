import { Button } from "@/components/ui/button";
import { signOutEverywhere } from "./actions";

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhere}>
      <Button type="submit" variant="secondary">
        Sign out everywhere
      </Button>
    </form>
  );
}
