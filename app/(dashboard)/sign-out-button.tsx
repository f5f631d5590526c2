import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOutAndRedirect } from "./actions";

export function SignOutButton() {
  return (
    <form action={signOutAndRedirect}>
      <Button type="submit" variant="ghost" size="sm" className="w-full justify-start">
        <LogOut aria-hidden />
        Sign out
      </Button>
    </form>
  );
}
