import type { WebhookSetup } from "@/lib/webhooks/get-webhook-setup";
import { CopyField } from "./copy-field";
import { PublicKeyForm } from "./public-key-form";
import { RegenerateKeyDialog } from "./regenerate-key-dialog";

type Step = { title: React.ReactNode; body?: React.ReactNode };

/** Gong's own screens, in order (help.gong.io/docs/create-a-webhook-rule). */
export function SetupSteps({ setup }: { setup: WebhookSetup }) {
  const jwt = setup.auth === "jwt";
  const steps: Step[] = [
    { title: <>In Gong, open <Path>Company Settings → Ecosystem → Automation rules</Path>. You need to be a Gong technical administrator.</> },
    { title: <>Click <Ui>+ Add rule</Ui> and name it, for example “Callbridge – new calls”.</> },
    { title: <>Under filters, choose which calls to send. Leave them empty to send every new call.</> },
    { title: <>As the trigger, choose <Ui>New call</Ui>; as the action, choose <Ui>Fire webhook</Ui>.</> },
    {
      title: <>Paste this into <Ui>Destination URL</Ui>:</>,
      body: jwt ? (
        <CopyField label="Destination URL" value={setup.url} />
      ) : setup.urlWithKey ? (
        <div className="space-y-2">
          <CopyField label="Destination URL with key" value={setup.urlWithKey} hint="Treat this URL like a password: anyone who has it can send deliveries." />
          <RegenerateKeyDialog />
        </div>
      ) : null,
    },
    jwt
      ? { title: <>Under authentication, choose <Ui>Signed JWT header</Ui>, then click <Ui>Show public key</Ui> and copy the key.</> }
      : { title: <>Under authentication, choose <Ui>URL includes key</Ui>. The key is already part of the URL above.</> },
    ...(jwt ? [{ title: <>Paste the public key here and save it:</>, body: <PublicKeyForm savedKeyEnding={setup.publicKey?.slice(-8) ?? null} /> }] : []),
    { title: <>Click <Ui>Test now</Ui> in Gong. Within seconds a <strong>Test received ✓</strong> row appears under Recent deliveries.</> },
    { title: <>Turn the rule on with the <Ui>Rule Status</Ui> toggle and save it. New calls now reach Callbridge within seconds.</> },
  ];
  return (
    <ol className="space-y-5">
      {steps.map((step, index) => (
        <li key={index} className="flex gap-3">
          <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold tabular-nums" aria-hidden>
            {index + 1}
          </span>
          <div className="min-w-0 flex-1 space-y-3 pt-0.5 text-sm">
            <p>{step.title}</p>
            {step.body}
          </div>
        </li>
      ))}
    </ol>
  );
}

function Ui({ children }: { children: React.ReactNode }) {
  return <strong className="font-semibold">{children}</strong>;
}

function Path({ children }: { children: React.ReactNode }) {
  return <span className="font-medium">{children}</span>;
}
