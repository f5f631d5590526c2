// Common English words plus the small talk of sales calls, which would otherwise top every topic list.
const WORDS = `
a about above after again against all almost also am an and any anyone anything are aren't around as at
be because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either else enough even ever every few for from further get gets
getting go goes going gonna got gotta had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
just let let's lets may me might mine more most much must my myself no nor not now of off on once one only
or other others our ours ourselves out over own per quite rather really same shall she she'd she'll she's
should shouldn't so some something somewhere still such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've thing things this those though through to too
under until up upon us very via was wasn't way we we'd we'll we're we've were weren't what what's whatever
when when's where where's whether which while who who's whom whose why why's will with within without won't
would wouldn't yeah yes yet you you'd you'll you're you've your yours yourself yourselves
ok okay oh ah um umm uh uhh uhm hmm mhm right well like know think kind sort mean basically actually
literally totally definitely probably maybe sure great good nice cool awesome perfect thanks thank hey hi
hello bye want wanted say said says tell told see look looking looks come came make made take took give
gave lot lots bit little big new day today tomorrow time week weeks month year years guys folks people
need needs able also already always never sometimes often back able anyway kinda sorta stuff yep nope
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

export function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);
}
