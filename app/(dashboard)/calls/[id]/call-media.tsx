"use client";

import { useEffect, useRef, useState } from "react";
import { useCallPlayer } from "./call-player-context";

type Kind = "video" | "audio";

/**
 * The recording, streamed through our media route: the video for a video call (falling back to its audio when
 * Gong has no video), else the audio, which has no controls of its own: the mini-player drives it.
 */
export function CallMedia({ callId, video }: { callId: string; video: boolean }) {
  const { attach } = useCallPlayer();
  const element = useRef<HTMLMediaElement | null>(null);
  const [kind, setKind] = useState<Kind>(video ? "video" : "audio");
  const [failed, setFailed] = useState(false);
  const onError = () => (kind === "video" ? setKind("audio") : setFailed(true));

  // The server-rendered element starts loading before React hydrates it, and an error it hits by then (a video
  // Gong never kept answers 404 at once) fires no onError: read it off the element instead.
  useEffect(() => {
    if (element.current?.error) onError();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per element: onError only changes with `kind`
  }, [kind]);

  const ref = (node: HTMLMediaElement | null) => {
    element.current = node;
    attach(node);
  };
  const common = { ref, preload: "metadata", src: `/api/calls/${callId}/media?kind=${kind}`, "aria-label": "Call recording", onError } as const;
  return (
    <>
      {kind === "video" ? (
        // Gong's recordings carry no caption track; the transcript is the text alternative.
        <video key="video" controls {...common} className="mb-4 aspect-video w-full rounded-lg bg-black" />
      ) : (
        <audio key="audio" {...common} className="hidden" />
      )}
      {failed ? (
        <p role="alert" className="mb-3 text-sm text-danger">
          The recording couldn&apos;t be loaded from Gong. Reload the page to try again.
        </p>
      ) : null}
    </>
  );
}
