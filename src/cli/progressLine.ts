/**
 * One updating progress line per phase on a terminal, plain lines when piped (CI logs), so long
 * steps never look hung: when piped, a phase that runs longer than `intervalMs` also prints a line
 * every `intervalMs`. Each line shows the phase's elapsed time, its rate and, while running, an
 * estimate of the time left.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, options: { intervalMs?: number } = {}) {
  const intervalMs = options.intervalMs ?? 10_000;
  let last = "";
  let phaseName = "";
  let phaseStart = 0;
  let lastDone = 0;
  let lastPrinted = 0;
  return (phase: string, done: number, total: number) => {
    const now = performance.now();
    if (phase !== phaseName || done < lastDone) {
      phaseName = phase;
      phaseStart = now;
      lastPrinted = now;
    }
    lastDone = done;
    const width = 24;
    const filled = total === 0 ? width : Math.round((Math.min(done, total) / total) * width);
    const seconds = (now - phaseStart) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let timing = "";
    if (seconds >= 1) {
      timing = `  ${seconds.toFixed(0)} s, ${Math.round(rate).toLocaleString("en")}/s`;
      if (done < total && rate > 0) timing += `, ~${Math.ceil((total - done) / rate)} s left`;
    }
    const line = `${phase.padEnd(9)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${timing}`;
    const key = `${phase}\n${done}\n${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}\x1b[K${done === total ? "\n" : ""}`);
    } else if ((done === total || now - lastPrinted >= intervalMs) && key !== last) {
      stream.write(`${line}\n`);
      lastPrinted = now;
    }
    last = key;
  };
}
