// Lines that run the meeting rather than say anything about the deal: screen sharing, audio checks, openers.
const MEETING_LOGISTICS = new RegExp(
  [
    "\\b(?:share|sharing|see|seeing|present|presenting) (?:my|your|the) screen\\b",
    "\\b(?:can|could) (?:you|everyone|everybody) (?:all )?(?:hear|see) (?:me|us|it|this)\\b",
    "\\b(?:i'm|i am|you're|you are|am i|are you) (?:still )?on mute\\b",
    "\\blet's (?:get started|get going|get into it|dive in|kick (?:it )?off|jump (?:in|right in))\\b",
    "\\bthanks (?:for|so much for) (?:joining|making the time|having me)\\b",
  ].join("|"),
);

/** True for "Let me share my screen", "Can you hear me okay?", "Great, let's get started then" and the like. */
export function isMeetingLogistics(text: string): boolean {
  return MEETING_LOGISTICS.test(text.toLowerCase().replace(/[\u2018\u2019]/g, "'"));
}
