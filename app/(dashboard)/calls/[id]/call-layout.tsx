"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";
import { CALL_TOOLBAR_ID } from "./scroll-into-band";

const TABS = [
  { id: "transcript", label: "Transcript" },
  { id: "summary", label: "Summary" },
  { id: "stats", label: "Stats" },
] as const;
type Tab = (typeof TABS)[number]["id"];

type Props = {
  media: React.ReactNode;
  player: React.ReactNode;
  find: React.ReactNode;
  transcript: React.ReactNode;
  summary: React.ReactNode;
  stats: React.ReactNode;
  initialTab: Tab;
};

/**
 * Wide screens: the transcript beside a rail of summary and stats. Below `lg`: tabs Transcript · Summary · Stats
 * under the pinned player, so the summary is one tap away instead of after the whole transcript. The player
 * stays pinned on every tab: on narrow screens the transcript column's box is dissolved (`contents`), so the
 * sticky toolbar's containing block is the whole call body.
 */
export function CallLayout({ media, player, find, transcript, summary, stats, initialTab }: Props) {
  const [tab, setTab] = useState<Tab>(initialTab);
  const toolbar = useRef<HTMLDivElement>(null);
  const tabRefs = useRef(new Map<Tab, HTMLButtonElement>());

  // A link into the transcript (a search result, an insight's moment) shows the transcript tab.
  useEffect(() => {
    const showTranscript = () => /^#s-\d+$/.test(window.location.hash) && setTab("transcript");
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href^='#']") : null;
      const href = link?.getAttribute("href") ?? "";
      if (/^#(s-\d+|find=)/.test(href)) setTab("transcript");
      const panel = TABS.find((entry) => href === `#call-panel-${entry.id}`);
      if (panel) setTab(panel.id);
    };
    showTranscript();
    window.addEventListener("hashchange", showTranscript);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("hashchange", showTranscript);
      document.removeEventListener("click", onClick, true);
    };
  }, []);

  // Anchors and focus land below the pinned toolbar, not under it.
  useEffect(() => {
    const element = toolbar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${(Number.parseFloat(getComputedStyle(element).top) || 0) + element.offsetHeight + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty("scroll-padding-top");
    };
  }, []);

  const onTabKey = (event: React.KeyboardEvent) => {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!.id;
    setTab(target);
    tabRefs.current.get(target)?.focus();
  };
  const panel = (id: Tab) => ({
    id: `call-panel-${id}`,
    role: "tabpanel",
    tabIndex: -1,
    "aria-labelledby": `call-tab-${id}`,
    className: cn("space-y-4", tab !== id && "max-lg:hidden"),
  });

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-6">
      <div className="contents lg:block lg:min-w-0">
        {media}
        <div
          id={CALL_TOOLBAR_ID}
          ref={toolbar}
          className={cn(
            "sticky top-14 z-20 -mx-4 mb-4 space-y-1.5 border-b border-border bg-background/95 px-4 py-1.5 backdrop-blur md:-mx-10 md:top-0 md:px-10 lg:mx-0 lg:rounded-lg lg:border lg:bg-card/95 lg:px-3",
            // Wide screens have no tabs: without a player or a transcript to find in, there is nothing to pin.
            !player && !find && "lg:hidden",
          )}
        >
          {player}
          <div role="tablist" aria-label="Call" className="flex gap-1 lg:hidden" onKeyDown={onTabKey}>
            {TABS.map((entry) => (
              <button
                key={entry.id}
                ref={(element) => void (element ? tabRefs.current.set(entry.id, element) : tabRefs.current.delete(entry.id))}
                type="button"
                role="tab"
                id={`call-tab-${entry.id}`}
                aria-selected={tab === entry.id}
                aria-controls={`call-panel-${entry.id}`}
                tabIndex={tab === entry.id ? 0 : -1}
                onClick={() => setTab(entry.id)}
                className={cn(
                  "flex-1 rounded-md px-3 py-1 text-sm font-medium",
                  tab === entry.id ? "bg-muted text-foreground" : "text-muted-foreground hover:bg-muted/60 hover:text-foreground",
                )}
              >
                {entry.label}
              </button>
            ))}
          </div>
          {find ? <div className={cn(tab !== "transcript" && "max-lg:hidden")}>{find}</div> : null}
        </div>
        <section {...panel("transcript")}>{transcript}</section>
      </div>
      <aside aria-label="Call details and insights" className="space-y-4">
        <section {...panel("summary")}>{summary}</section>
        <section {...panel("stats")}>{stats}</section>
      </aside>
    </div>
  );
}
