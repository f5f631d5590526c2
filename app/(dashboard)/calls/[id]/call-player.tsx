"use client";

import { useEffect, useRef, useState } from "react";

/** The recording, streamed through our media route; timestamp buttons anywhere on the page seek it. */
export function CallPlayer({ callId }: { callId: string }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-seek-ms]") : null;
      const player = audio.current;
      if (!target || !player) return;
      player.currentTime = Number(target.dataset.seekMs) / 1000;
      void player.play().catch(() => undefined);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  return (
    <div>
      <audio
        ref={audio}
        controls
        preload="metadata"
        src={`/api/calls/${callId}/media`}
        aria-label="Call recording"
        className="w-full"
        onError={() => setFailed(true)}
      />
      {failed ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          The recording couldn&apos;t be loaded from Gong. Reload the page to try again.
        </p>
      ) : null}
    </div>
  );
}
