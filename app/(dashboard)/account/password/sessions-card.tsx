import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { signOutEverywhere } from "./actions";

/** Ends every session of the signed-in user, this one included. */
export function SessionsCard() {
  return (
    <Card>
      <CardHeader title="Sessions" description="Signs you out in every browser and device, this one included." />
      <CardBody>
        <form action={signOutEverywhere}>
          <Button type="submit" variant="secondary">
            Sign out everywhere
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
