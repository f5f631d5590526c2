"use client";

import { useEffect, useRef, useState } from "react";

type Kind = "video" | "audio";

/**
 * The recording, streamed through our media route: the video for a video call (falling back to its audio when
 * Gong has no video), else the audio. Timestamp buttons anywhere on the page seek it.
 */
export function CallPlayer({ callId, video }: { callId: string; video: boolean }) {
  const player = useRef<HTMLMediaElement | null>(null);
  const [kind, setKind] = useState<Kind>(video ? "video" : "audio");
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-seek-ms]") : null;
      const media = player.current;
      if (!target || !media) return;
      media.currentTime = Number(target.dataset.seekMs) / 1000;
      void media.play().catch(() => undefined);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const onError = () => (kind === "video" ? setKind("audio") : setFailed(true));

  // The server-rendered element starts loading before React hydrates it, and an error it hits by then (a video
  // Gong never kept answers 404 at once) fires no onError: read it off the element instead.
  useEffect(() => {
    if (player.current?.error) onError();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per element: onError only changes with `kind`
  }, [kind]);
  const common = {
    controls: true,
    preload: "metadata",
    src: `/api/calls/${callId}/media?kind=${kind}`,
    "aria-label": "Call recording",
    onError,
  } as const;
  return (
    <div>
      {kind === "video" ? (
        // Gong's recordings carry no caption track; the transcript below the player is the text alternative.
        <video key="video" ref={(element) => void (player.current = element)} {...common} className="aspect-video w-full rounded-md bg-black" />
      ) : (
        <audio key="audio" ref={(element) => void (player.current = element)} {...common} className="w-full" />
      )}
      {failed ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          The recording couldn&apos;t be loaded from Gong. Reload the page to try again.
        </p>
      ) : null}
    </div>
  );
}
