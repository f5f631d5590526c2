"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ChevronDown, ChevronUp, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { isTypingTarget } from "./call-player-context";
import { scrollIntoBand } from "./scroll-into-band";

type Match = { element: HTMLElement; range: Range };

/** Highlights through the CSS Custom Highlight API, so the server-rendered transcript markup is never rewritten. */
function paintHighlights(matches: Match[], current: number) {
  if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
  CSS.highlights.delete("transcript-match");
  CSS.highlights.delete("transcript-current");
  if (matches.length === 0) return;
  CSS.highlights.set("transcript-match", new Highlight(...matches.map((match) => match.range)));
  const active = matches[current];
  if (active) CSS.highlights.set("transcript-current", new Highlight(active.range));
}

function findMatches(query: string): Match[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const matches: Match[] = [];
  for (const element of document.querySelectorAll<HTMLElement>("#transcript [data-sentence]")) {
    const node = element.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = (node.textContent ?? "").toLowerCase();
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      matches.push({ element, range });
    }
  }
  return matches;
}

/** The first match in or after the sentence a link landed on (#s-N), so carrying the term in keeps the reader there. */
function firstMatchFromLanding(matches: Match[]): number {
  const landed = /^#s-(\d+)$/.exec(window.location.hash);
  if (!landed) return 0;
  const index = matches.findIndex((match) => Number(match.element.id.slice(2)) >= Number(landed[1]));
  return Math.max(0, index);
}

/** Find in transcript; `initialQuery` is the term a transcript search on the calls list opened the call with. */
export function TranscriptSearch({ initialQuery = "" }: { initialQuery?: string }) {
  const [query, setQuery] = useState(initialQuery);
  const [matches, setMatches] = useState<Match[]>([]);
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const carried = useRef(initialQuery !== "");

  useEffect(() => {
    const handle = setTimeout(() => {
      const found = findMatches(query);
      // Only a carried term with a landing (#s-N) keeps the reader at the landing; otherwise go to the first match.
      carried.current &&= /^#s-\d+$/.test(window.location.hash);
      setMatches(found);
      setCurrent(carried.current ? firstMatchFromLanding(found) : 0);
    }, 120);
    return () => clearTimeout(handle);
  }, [query]);

  useEffect(() => {
    paintHighlights(matches, current);
    document.querySelectorAll("[data-match-current]").forEach((element) => element.removeAttribute("data-match-current"));
    const active = matches[current];
    if (!active) return;
    active.element.setAttribute("data-match-current", "true");
    // The carried term's first match is the landed sentence, already in view: leave the scroll to the landing.
    if (carried.current) carried.current = false;
    else scrollIntoBand(active.element, { fraction: 0.4 });
  }, [matches, current]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "/" && !isTypingTarget(event.target)) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // A link to #find=<words> (the insights' "and N more" under a tracker) searches for them here.
  useEffect(() => {
    const onHash = () => {
      if (!window.location.hash.startsWith("#find=")) return;
      carried.current = false;
      setQuery(decodeURIComponent(window.location.hash.slice("#find=".length)));
      input.current?.focus({ preventScroll: true });
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const step = useCallback((delta: number) => setCurrent((value) => (matches.length ? (value + delta + matches.length) % matches.length : 0)), [matches.length]);

  return (
    <div className="flex items-center gap-2">
      <div className="relative flex-1">
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Label htmlFor="transcript-search" className="sr-only">
          Find in transcript
        </Label>
        <Input
          ref={input}
          id="transcript-search"
          type="search"
          value={query}
          placeholder="Find in transcript"
          aria-keyshortcuts="/"
          className="pl-9"
          onChange={(event) => {
            carried.current = false;
            setQuery(event.target.value);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }
          }}
        />
      </div>
      <span role="status" aria-live="polite" className="min-w-16 text-right text-xs tabular-nums text-muted-foreground">
        {query.trim() ? (matches.length ? `${current + 1} of ${matches.length}` : "No matches") : ""}
      </span>
      <Button type="button" variant="secondary" size="icon" aria-label="Previous match" disabled={matches.length === 0} onClick={() => step(-1)}>
        <ChevronUp aria-hidden />
      </Button>
      <Button type="button" variant="secondary" size="icon" aria-label="Next match" disabled={matches.length === 0} onClick={() => step(1)}>
        <ChevronDown aria-hidden />
      </Button>
    </div>
  );
}
