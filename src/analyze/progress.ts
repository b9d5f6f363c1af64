// A progress bar on a TTY (exchanges/s and ETA from bytes read); silent when piped.
import cliProgress from "cli-progress";

/** Progress reporting for a run over `totalBytes` of input. */
export interface Progress {
  update(bytes: number, exchanges: number): void;
  stop(): void;
}

/** A cli-progress bar on stderr when it is a TTY, otherwise a no-op. */
export function createProgress(totalBytes: number, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled || totalBytes <= 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "analyze |{bar}| {percentage}% | {exchanges} exchanges | {rate} exch/s | ETA {eta_formatted}",
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const start = Date.now();
  bar.start(totalBytes, 0, { exchanges: 0, rate: 0 });
  return {
    update(bytes, exchanges) {
      const s = (Date.now() - start) / 1000;
      bar.update(Math.min(bytes, totalBytes), { exchanges, rate: s > 0 ? Math.round(exchanges / s) : 0 });
    },
    stop() {
      bar.update(totalBytes);
      bar.stop();
    },
  };
}
