/**
 * One updating progress line per phase on a terminal, plain lines when piped (CI logs), so long
 * steps never look hung.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  let last = "";
  return (phase: string, done: number, total: number) => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `${phase.padEnd(9)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) {
      stream.write(`\r${line}${done === total ? "\n" : ""}`);
    } else if (done === total && line !== last) {
      stream.write(`${line}\n`);
    }
    last = line;
  };
}
