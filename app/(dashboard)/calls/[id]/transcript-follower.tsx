"use client";

import { useEffect, useRef } from "react";
import { findLastAtOrBefore } from "@/lib/calls/find-sentence-at";
import { isTypingTarget, useCallPlayer } from "./call-player-context";
import { isInBand, scrollIntoBand } from "./scroll-into-band";
import { attachTranscriptKeyboard, setTranscriptTabStop } from "./transcript-keyboard";

const SENTENCE_HASH = /^#s-(\d+)$/;

function markLanded(sentence: Element) {
  for (const marked of document.querySelectorAll("#transcript [data-landed]")) marked.removeAttribute("data-landed");
  sentence.setAttribute("data-landed", "true");
}

/** The sentence a link (a search result, an insight) pointed at: marked, and scrolled below the toolbar. */
export function revealLandedSentence(hash: string) {
  if (!SENTENCE_HASH.test(hash)) return;
  // After a tab switch the transcript is shown on the next frame.
  requestAnimationFrame(() => {
    const sentence = document.getElementById(hash.slice(1));
    if (!sentence?.closest("#transcript")) return;
    markLanded(sentence);
    scrollIntoBand(sentence);
  });
}

/**
 * Drives the server-rendered transcript without re-rendering it: the sentence being played is marked by index
 * (one attribute moved per sentence, whatever the call's length) and, while "follow" is on, kept in view; a
 * scroll of the user's own pauses following. Also the arrow keys inside the transcript, and landing on #s-N.
 */
export function TranscriptFollower() {
  const { media, follow, setFollow } = useCallPlayer();
  const followRef = useRef(follow);
  const current = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const list = document.getElementById("transcript");
    if (!list) return;
    const detach = attachTranscriptKeyboard(list);
    revealLandedSentence(window.location.hash);
    const onHash = () => revealLandedSentence(window.location.hash);
    // A click on a link to the sentence already in the hash fires no hashchange.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href^='#s-']") : null;
      if (link) revealLandedSentence(link.getAttribute("href") ?? "");
    };
    window.addEventListener("hashchange", onHash);
    document.addEventListener("click", onClick);
    return () => {
      detach();
      window.removeEventListener("hashchange", onHash);
      document.removeEventListener("click", onClick);
    };
  }, []);

  useEffect(() => {
    followRef.current = follow;
    if (follow && current.current && media && !media.paused) scrollIntoBand(current.current, { smooth: true });
  }, [follow, media]);

  useEffect(() => {
    const list = document.getElementById("transcript");
    if (!media || !list) return;
    const sentences = [...list.querySelectorAll<HTMLElement>("[data-sentence]")];
    const starts = sentences.map((sentence) => Number(sentence.dataset.ms));
    const update = () => {
      // Before anything was played the first sentence is not "being played".
      const started = media.currentTime > 0 || !media.paused;
      const index = started ? findLastAtOrBefore(starts.length, (at) => starts[at]!, media.currentTime * 1000) : -1;
      const sentence = sentences[index] ?? null;
      if (sentence === current.current) return;
      const turn = sentence?.closest("li") ?? null;
      const previous = current.current;
      const previousTurn = previous?.closest("li");
      previous?.removeAttribute("data-current");
      if (previousTurn !== turn) previousTurn?.removeAttribute("data-current-turn");
      sentence?.setAttribute("data-current", "true");
      turn?.setAttribute("data-current-turn", "true");
      current.current = sentence;
      const button = turn?.querySelector<HTMLElement>(":scope > button");
      if (button && !list.contains(document.activeElement)) setTranscriptTabStop(list, button);
      if (sentence && followRef.current && !media.paused && !isInBand(sentence)) scrollIntoBand(sentence, { smooth: true });
    };
    // Wheel, touch, the scrollbar and scrolling keys are the user's own scrolling; ours (scrollTo) fires none of them.
    const stopFollowing = () => {
      if (followRef.current && !media.paused) setFollow(false);
    };
    const onKey = (event: KeyboardEvent) => {
      const onPage = event.target === document.body || event.target === document.documentElement;
      const pageKey = ["PageUp", "PageDown", "Home", "End"].includes(event.key) && !isTypingTarget(event.target) && !list.contains(event.target as Node);
      if (pageKey || (onPage && [" ", "ArrowUp", "ArrowDown"].includes(event.key))) stopFollowing();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.clientX >= document.documentElement.clientWidth) stopFollowing();
    };
    update();
    media.addEventListener("timeupdate", update);
    media.addEventListener("seeked", update);
    media.addEventListener("play", update);
    window.addEventListener("wheel", stopFollowing, { passive: true });
    window.addEventListener("touchmove", stopFollowing, { passive: true });
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onPointerDown);
    return () => {
      media.removeEventListener("timeupdate", update);
      media.removeEventListener("seeked", update);
      media.removeEventListener("play", update);
      window.removeEventListener("wheel", stopFollowing);
      window.removeEventListener("touchmove", stopFollowing);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onPointerDown);
    };
  }, [media, setFollow]);

  return null;
}
