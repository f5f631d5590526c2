/**
 * Sentence templates for a sales call, phase by phase. Internal = the seller's people, external = the prospect.
 * Slots: {company} {customer} {competitor} {n} {day} {rep} {prospect}.
 */
export interface Phase { topic: string; share: number; internal: readonly string[]; external: readonly string[] }

export const PHASES: readonly Phase[] = [
  {
    topic: "Small Talk", share: 0.08,
    internal: ["Hi {prospect}, thanks for making the time today.", "Can you hear me okay?", "How was your weekend?", "Great, let's get started then.", "I sent over a short agenda this morning, did that come through?"],
    external: ["Yes, loud and clear.", "Pretty good, thanks, busy week ahead though.", "Sure, happy to be here.", "I saw the agenda, looks good to me.", "Sorry, I'm two minutes late, back-to-back meetings today."],
  },
  {
    topic: "Discovery", share: 0.22,
    internal: ["How does your team handle this process today?", "What made you start looking at this now?", "Who else is involved in the decision?", "Is there a deadline driving this?", "What tools are you using today for call recording?", "How many reps are on the team at the moment?", "What would success look like six months from now?", "Walk me through what happens after a call ends.", "Where do things usually fall through the cracks?"],
    external: ["Right now it's mostly spreadsheets and a lot of copy-paste.", "We have about {n} reps across two regions.", "Our managers can't review calls at scale, that's the main pain.", "Leadership wants better forecasting by next quarter.", "Honestly our CRM data is a mess.", "I'd say onboarding new reps takes far too long.", "Our VP is the final sign-off, but I run the evaluation.", "We tried building something in-house last year and it stalled.", "Our contract with the current vendor ends next quarter."],
  },
  {
    topic: "Product Demo", share: 0.24,
    internal: ["Let me share my screen.", "Here you can see every call synced automatically.", "This panel shows who spoke and for how long.", "You can search the transcripts for any keyword.", "Managers get a weekly digest of the deals at risk.", "The integration takes about ten minutes to set up.", "Does that match how your team works?", "Let me show you the admin settings next.", "Reps only see their own calls unless a manager shares them."],
    external: ["Oh, that's neat.", "Can it filter by region?", "How does it handle calls in other languages?", "So the transcripts show up right after the call?", "Can we limit what reps see to their own calls?", "Does it work with Salesforce?", "Can I export the transcripts?", "That would save my team hours every week."],
  },
  {
    topic: "Pricing", share: 0.14,
    internal: ["Pricing is per seat, billed annually.", "For {n} seats we'd be looking at the growth plan.", "We can offer a discount on a two-year term.", "I'll send a formal quote after this call.", "Implementation is included at that tier."],
    external: ["What does pricing look like for a team our size?", "That's a bit above the budget we set.", "Is there a discount if we sign before the end of the quarter?", "Do you charge for read-only users?", "I'll need to run the numbers with finance.", "Is there a minimum number of seats?", "Can we pay quarterly instead of annually?"],
  },
  {
    topic: "Objections", share: 0.1,
    internal: ["That's a fair concern, let me address it.", "Security reviews usually take two weeks with our SOC 2 report.", "Most customers see value within the first month.", "We can start with a pilot for one team.", "We have a dedicated onboarding team for rollouts like this.", "Our average adoption after ninety days is above eighty percent."],
    external: ["My concern is adoption, the last tool we bought nobody used.", "Our security team will want to review this.", "We're already stretched thin on IT resources.", "I'm not sure we can justify another tool this year.", "What happens to our data if we cancel?", "The timing is tricky with our reorg."],
  },
  {
    topic: "Competitors", share: 0.08,
    internal: ["Are you looking at other vendors as well?", "We often come up against {competitor}.", "Unlike {competitor}, we don't charge for integrations.", "Happy to do a side-by-side with {competitor} if that helps."],
    external: ["We're also talking to {competitor}.", "{competitor} quoted us a lower price, to be honest.", "We used {competitor} before and the sync kept breaking.", "What's the main difference between you and {competitor}?", "{competitor} has a free tier, do you?"],
  },
  {
    topic: "Next Steps", share: 0.14,
    internal: ["So as next steps, I'll send the proposal by {day}.", "Can we book a follow-up with your VP next week?", "I'll loop in our solutions engineer for the security questions.", "Does {day} at ten work for the technical deep dive?", "Let's aim to have the pilot running by the end of the month.", "I'll send a recap email with everything we covered today.", "Thanks everyone, this was really helpful."],
    external: ["{day} works for me.", "Send over the security documentation and I'll forward it.", "Let's get finance on the next call.", "I'll check with the team and get back to you by {day}.", "Sounds like a plan.", "Thanks, talk soon.", "Please include the security questionnaire in the recap."],
  },
];

export const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;

export const CALL_TITLES = ["Discovery call", "Product demo", "Pricing discussion", "Follow-up", "Technical deep dive", "Renewal review", "Intro call", "Negotiation"] as const;

export const CALL_OUTCOMES = [
  { id: "MEETING_BOOKED", category: "Answered", name: "Meeting booked" },
  { id: "INTERESTED", category: "Answered", name: "Interested" },
  { id: "NOT_INTERESTED", category: "Answered", name: "Not interested" },
  { id: "FOLLOW_UP", category: "Answered", name: "Follow-up needed" },
] as const;

export const TRACKERS = [
  { key: "competitors", name: "Competitors", type: "KEYWORD", phrases: ["Zlymbo", "Competix"] },
  { key: "pricing", name: "Pricing", type: "KEYWORD", phrases: ["pricing", "budget", "discount", "price"] },
  { key: "next-steps", name: "Next Steps", type: "SMART", phrases: ["next steps", "follow-up", "proposal"] },
  { key: "security", name: "Security", type: "KEYWORD", phrases: ["security", "SOC 2"] },
] as const;
